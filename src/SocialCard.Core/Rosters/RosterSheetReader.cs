namespace SocialCard.Core.Rosters;

/// <summary>Rows of one sheet, or the file-level finding that stops them.</summary>
internal sealed record SheetRead(IReadOnlyList<RosterRow> Rows, RosterFinding? Refusal)
{
    public static SheetRead Refused(RosterFinding finding) => new([], finding);
}

/// <summary>
/// Finds the header (the first non-blank row), then collects the non-blank data rows with their spreadsheet
/// row numbers, enforcing the row limit. Shared by the .xlsx, .xls and .csv readers.
/// </summary>
internal static class RosterSheetReader
{
    /// <summary>Excel's last row. A file claiming more is damaged or crafted to make the reader spin.</summary>
    public const int MaxRowNumber = 1_048_576;

    // The header is looked for only near the top and the left: scanning every one of 16,384 possible
    // columns of up to a million blank rows would let a 2 KB file cost minutes.
    public const int HeaderSearchRows = 1000;
    public const int HeaderSearchColumns = 256;

    public static SheetRead Read(IRowCursor cursor, RosterLimits limits)
    {
        RosterHeader? header = null;
        var rows = new List<RosterRow>();
        var rowNumber = 0;
        while (cursor.Read())
        {
            if (++rowNumber > MaxRowNumber)
            {
                return SheetRead.Refused(RosterFileFindings.TooManyRowNumbers(MaxRowNumber));
            }

            if (header is null)
            {
                if (rowNumber > HeaderSearchRows)
                {
                    return SheetRead.Refused(RosterFileFindings.HeaderNotFound(HeaderSearchRows));
                }

                var cells = HeaderCells(cursor);
                if (cells.All(c => c.IsBlank))
                {
                    continue;
                }

                header = RosterHeader.Recognize(cells, out var problem);
                if (problem is not null)
                {
                    return SheetRead.Refused(problem);
                }

                continue;
            }

            if (header.ToRow(rowNumber, cursor) is not { } row)
            {
                continue;
            }

            if (rows.Count >= limits.MaxRows)
            {
                return SheetRead.Refused(RosterFileFindings.TooManyRows(limits.MaxRows));
            }

            rows.Add(row);
        }

        return rows.Count == 0 ? SheetRead.Refused(RosterFileFindings.Empty()) : new SheetRead(rows, null);
    }

    private static RosterCell[] HeaderCells(IRowCursor cursor)
    {
        var count = Math.Min(cursor.FieldCount, HeaderSearchColumns);
        var cells = new RosterCell[count];
        for (var i = 0; i < count; i++)
        {
            cells[i] = cursor.Cell(i);
        }

        return cells;
    }
}
