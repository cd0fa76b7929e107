namespace SocialCard.Core.Rosters;

/// <summary>
/// A cell as read from the clerk's file. <see cref="Text"/> is the cell's text (for numbers, the text
/// Excel would show, e.g. "4.30111E+17"); <see cref="WasNumeric"/> tells that the cell held a number,
/// which for an ID number means digits may already be lost (ID_NUMERIC_CELL).
/// </summary>
public readonly record struct RosterCell(string? Text, bool WasNumeric = false)
{
    public bool IsBlank => string.IsNullOrWhiteSpace(Text);
}

/// <summary>
/// One data row. <see cref="RowNumber"/> is the spreadsheet row as the clerk sees it (header = 1).
/// <see cref="Cells"/> is indexed by <see cref="RosterColumn"/> (a missing optional column is blank).
/// </summary>
public sealed record RosterRow(int RowNumber, RosterCell[] Cells)
{
    public RosterCell this[RosterColumn column] => Cells[(int)column];
}

/// <summary>One finding on one cell (or on the row, <see cref="Column"/> null, or the file, <see cref="Row"/> 0).</summary>
public sealed record RosterFinding(int Row, RosterColumn? Column, Validation.Finding Finding, string? Value)
{
    /// <summary>The column header as the clerk sees it, or "" for row- and file-level findings.</summary>
    public string ColumnHeader => Column is { } c ? RosterTemplate.Spec(c).Header : "";
}

/// <summary>A person of the unit's insured-person register, as imported from the insurance system.</summary>
public sealed record RegisterEntry(string PersonalNumber, string? Category, string Name, string IdNumber);

/// <summary>Limits a deployment sets for uploaded rosters.</summary>
public sealed record RosterLimits(long MaxBytes = 20 * 1024 * 1024, int MaxRows = 100_000);
