using ExcelDataReader;

namespace SocialCard.Core.Rosters;

/// <summary>The roster sheet's rows and the template marker of the hidden code-list sheet, if any.</summary>
internal sealed record WorkbookRead(SheetRead Sheet, string? SheetMarker);

/// <summary>
/// Walks the sheets of a workbook once, in order: the roster is the sheet named
/// <see cref="RosterTemplate.DataSheetName"/>, or else the first visible sheet; the template marker is cell A1
/// of the sheet named <see cref="RosterTemplate.ListsSheetName"/>.
/// </summary>
internal static class ExcelWorkbookReader
{
    /// <summary>
    /// Only text with this prefix in A1 of 代码表 counts as a marker: other regions' templates have code-list
    /// sheets by the same common name, with a heading in A1.
    /// </summary>
    public const string MarkerPrefix = "SOCIALCARD-";

    public static WorkbookRead Read(IExcelDataReader reader, RosterLimits limits)
    {
        SheetRead? roster = null;
        var rosterIsNamed = false;
        string? marker = null;
        do
        {
            var name = reader.Name;
            if (name == RosterTemplate.ListsSheetName)
            {
                marker = ReadMarker(reader);
                continue;
            }

            var isNamed = name == RosterTemplate.DataSheetName;
            if (rosterIsNamed || !(isNamed || (roster is null && IsVisible(reader))))
            {
                continue;
            }

            // The first visible sheet is read as a fallback; a sheet named 人员信息 further on replaces it.
            roster = reader.RowCount > RosterSheetReader.MaxRowNumber
                ? SheetRead.Refused(RosterFileFindings.TooManyRowNumbers(RosterSheetReader.MaxRowNumber))
                : RosterSheetReader.Read(new ExcelRowCursor(reader), limits);
            rosterIsNamed = isNamed;
        }
        while (reader.NextResult());

        return new WorkbookRead(roster ?? SheetRead.Refused(RosterFileFindings.Empty()), marker);
    }

    private static bool IsVisible(IExcelDataReader reader) =>
        reader.VisibleState is null || string.Equals(reader.VisibleState, "visible", StringComparison.OrdinalIgnoreCase);

    private static string? ReadMarker(IExcelDataReader reader)
    {
        if (!reader.Read() || reader.FieldCount == 0)
        {
            return null;
        }

        var a1 = CellText.From(reader.GetValue(0)).Text;
        return a1 is not null && a1.StartsWith(MarkerPrefix, StringComparison.Ordinal) ? a1 : null;
    }
}
