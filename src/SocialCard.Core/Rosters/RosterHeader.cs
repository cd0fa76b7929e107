namespace SocialCard.Core.Rosters;

/// <summary>
/// The header row of an upload mapped onto <see cref="RosterTemplate.Columns"/>: which sheet column holds which
/// template column. Columns are found by their header text, so their position does not matter.
/// </summary>
internal sealed class RosterHeader
{
    private readonly int[] _positions;
    private readonly int _keyPosition;

    private RosterHeader(int[] positions, int keyPosition)
    {
        _positions = positions;
        _keyPosition = keyPosition;
    }

    /// <summary>The 0-based sheet column of each template column (indexed by <see cref="RosterColumn"/>), -1 when absent.</summary>
    public IReadOnlyList<int> Positions => _positions;

    /// <summary>
    /// Columns a clerk's file must have. The read-only columns come with rosters exported from the register and
    /// are absent from a roster of new persons; 班级/部门 is optional everywhere.
    /// </summary>
    public static bool IsRequired(RosterColumn column) => column is not (
        RosterColumn.PersonalNumber or RosterColumn.Category or RosterColumn.OriginalName
        or RosterColumn.OriginalIdNumber or RosterColumn.ClassOrDepartment);

    /// <summary>Maps the header cells, or returns FILE_TEMPLATE_UNRECOGNIZED naming the missing, unknown and repeated columns.</summary>
    public static RosterHeader? Recognize(IReadOnlyList<RosterCell> cells, out RosterFinding? problem)
    {
        var positions = Enumerable.Repeat(-1, RosterTemplate.Columns.Count).ToArray();
        var unknown = new List<string>();
        var duplicated = new List<string>();
        var keyPosition = -1;
        for (var i = 0; i < cells.Count; i++)
        {
            if (cells[i].IsBlank)
            {
                continue;
            }

            var text = cells[i].Text!;
            if (string.Equals(text.Trim(), RosterRowKey.Header, StringComparison.Ordinal))
            {
                // The portal's own row key column (first one counts): not roster data, never "unknown".
                keyPosition = keyPosition < 0 ? i : keyPosition;
            }
            else if (RosterTemplate.ByHeader(text) is not { } spec)
            {
                unknown.Add(text);
            }
            else if (positions[(int)spec.Column] >= 0)
            {
                duplicated.Add(spec.Header);
            }
            else
            {
                positions[(int)spec.Column] = i;
            }
        }

        var missing = RosterTemplate.Columns
            .Where(c => IsRequired(c.Column) && positions[(int)c.Column] < 0)
            .Select(c => c.Header)
            .ToList();
        if (missing.Count > 0 || unknown.Count > 0 || duplicated.Count > 0)
        {
            problem = RosterFileFindings.HeaderUnrecognized(missing, unknown, duplicated);
            return null;
        }

        problem = null;
        return new RosterHeader(positions, keyPosition);
    }

    /// <summary>
    /// The data row, or null when every template cell is blank. Cells under a blank header are not roster data
    /// and are ignored, so a stray note beside the table neither creates a row nor blocks the upload.
    /// </summary>
    public RosterRow? ToRow(int rowNumber, IRowCursor cursor)
    {
        var cells = new RosterCell[_positions.Length];
        var blank = true;
        for (var c = 0; c < _positions.Length; c++)
        {
            if (_positions[c] >= 0)
            {
                cells[c] = cursor.Cell(_positions[c]);
                blank &= cells[c].IsBlank;
            }
        }

        if (blank)
        {
            return null;
        }

        var key = _keyPosition >= 0 ? cursor.Cell(_keyPosition) : default;
        return new RosterRow(rowNumber, cells) { Key = key.IsBlank ? null : key.Text!.Trim() };
    }
}
