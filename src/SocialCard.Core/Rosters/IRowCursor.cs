namespace SocialCard.Core.Rosters;

/// <summary>Forward-only access to the rows of one sheet, whatever the file format.</summary>
internal interface IRowCursor
{
    /// <summary>Moves to the next spreadsheet row (blank rows included, so that row numbers stay right).</summary>
    bool Read();

    /// <summary>The number of columns of the current row that may hold a value.</summary>
    int FieldCount { get; }

    /// <summary>The cell at a 0-based column of the current row; blank beyond <see cref="FieldCount"/>.</summary>
    RosterCell Cell(int column);
}
