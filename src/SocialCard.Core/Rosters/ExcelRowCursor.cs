using ExcelDataReader;

namespace SocialCard.Core.Rosters;

/// <summary>The current sheet of an ExcelDataReader reader (.xlsx streamed from its sheet XML, or .xls).</summary>
internal sealed class ExcelRowCursor(IExcelDataReader reader) : IRowCursor
{
    public int FieldCount => reader.FieldCount;

    public bool Read() => reader.Read();

    public RosterCell Cell(int column) => column < reader.FieldCount ? CellText.From(reader.GetValue(column)) : default;
}
