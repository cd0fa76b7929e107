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

    /// <summary>The text of the row's <see cref="RosterRowKey.Header"/> cell, in a workbook the portal handed out.</summary>
    public string? Key { get; init; }
}

/// <summary>One finding on one cell (or on the row, <see cref="Column"/> null, or the file, <see cref="Row"/> 0).</summary>
public sealed record RosterFinding(int Row, RosterColumn? Column, Validation.Finding Finding, string? Value)
{
    /// <summary>The column header as the clerk sees it, or "" for row- and file-level findings.</summary>
    public string ColumnHeader => Column is { } c ? RosterTemplate.Spec(c).Header : "";
}

/// <summary>A person of the unit's insured-person register, as imported from the insurance system.</summary>
public sealed record RegisterEntry(string PersonalNumber, string? Category, string Name, string IdNumber)
{
    /// <summary>
    /// What the portal already knows about the person from the unit's batches, indexed by <see cref="RosterColumn"/>
    /// (null: nothing). The template prefills the clerk's columns (性别 … 班级/部门) from it; 姓名 and 身份证号码 stay the
    /// register's, so the upload still compares against the insurance system.
    /// </summary>
    public IReadOnlyList<string?>? Known { get; init; }
}

/// <summary>Limits a deployment sets for uploaded rosters.</summary>
public sealed record RosterLimits(long MaxBytes, int MaxRows);
