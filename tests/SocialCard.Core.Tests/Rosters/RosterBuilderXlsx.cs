using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.CustomProperties;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.VariantTypes;
using SocialCard.Core.Rosters;

namespace SocialCard.Core.Tests.Rosters;

/// <summary>The .xlsx side of the builder: sheets are streamed with <see cref="OpenXmlWriter"/> so that 100,000 rows stay quick.</summary>
internal sealed partial class RosterBuilder
{
    private const uint DateStyle = 1;

    public byte[] ToXlsx()
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbookPart = document.AddWorkbookPart();
            AddStyles(workbookPart);
            var strings = new SharedStrings(InlineStrings);
            var sheets = new Sheets();
            uint sheetId = 1;

            void AddSheet(string name, IEnumerable<(int RowNumber, object?[] Cells)> rows, int trailingStyledRows, bool hidden)
            {
                var part = workbookPart.AddNewPart<WorksheetPart>();
                WriteSheet(part, rows, trailingStyledRows, strings);
                sheets.Append(new Sheet
                {
                    Id = workbookPart.GetIdOfPart(part),
                    SheetId = sheetId++,
                    Name = name,
                    State = hidden ? SheetStateValues.Hidden : null,
                });
            }

            if (SheetBefore is { } before)
            {
                AddSheet(before, [(1, ["请在“人员信息”表中填写"])], 0, hidden: false);
            }

            AddSheet(SheetName, AllRows(), TrailingStyledRows, hidden: false);
            if (VersionInListsSheet is { } version)
            {
                AddSheet(RosterTemplate.ListsSheetName, [(1, [version]), (2, ["01", "汉族"])], 0, hidden: true);
            }

            strings.WriteTo(workbookPart);
            workbookPart.Workbook = new Workbook(sheets);
            workbookPart.Workbook.Save();
            if (VersionProperty is { } property)
            {
                AddCustomProperty(document, "SocialCardTemplate", property);
            }
        }

        return stream.ToArray();
    }

    private static void WriteSheet(WorksheetPart part, IEnumerable<(int RowNumber, object?[] Cells)> rows, int trailingStyledRows, SharedStrings strings)
    {
        using var writer = OpenXmlWriter.Create(part);
        writer.WriteStartElement(new Worksheet());
        writer.WriteStartElement(new SheetData());
        var last = 0;
        foreach (var (rowNumber, cells) in rows)
        {
            var row = new Row { RowIndex = (uint)rowNumber };
            for (var i = 0; i < cells.Length; i++)
            {
                if (cells[i] is { } value)
                {
                    row.Append(MakeCell(Reference(i, rowNumber), value, strings));
                }
            }

            writer.WriteElement(row);
            last = rowNumber;
        }

        for (var k = 1; k <= trailingStyledRows; k++)
        {
            var rowNumber = last + k;
            writer.WriteElement(new Row(new Cell { CellReference = Reference(0, rowNumber), StyleIndex = DateStyle })
            {
                RowIndex = (uint)rowNumber,
                StyleIndex = DateStyle,
                CustomFormat = true,
            });
        }

        writer.WriteEndElement();
        writer.WriteEndElement();
    }

    private static Cell MakeCell(string reference, object value, SharedStrings strings) => value switch
    {
        string s => strings.Cell(reference, s),
        bool b => new Cell { CellReference = reference, DataType = CellValues.Boolean, CellValue = new CellValue(b ? "1" : "0") },
        DateTime d => new Cell { CellReference = reference, StyleIndex = DateStyle, CellValue = new CellValue(d.ToOADate().ToString("R", CultureInfo.InvariantCulture)) },
        IConvertible n => new Cell { CellReference = reference, CellValue = new CellValue(n.ToDouble(CultureInfo.InvariantCulture).ToString("R", CultureInfo.InvariantCulture)) },
        _ => throw new ArgumentException($"Unsupported cell value {value.GetType()}", nameof(value)),
    };

    /// <summary>"A1"-style reference of a 0-based column and a 1-based row.</summary>
    public static string Reference(int column, int row)
    {
        var letters = "";
        for (var c = column + 1; c > 0; c = (c - 1) / 26)
        {
            letters = (char)('A' + ((c - 1) % 26)) + letters;
        }

        return letters + row.ToString(CultureInfo.InvariantCulture);
    }

    private static void AddStyles(WorkbookPart workbookPart)
    {
        // Style 1 is numFmtId 14, Excel's built-in short date: its cells read back as dates.
        var styles = workbookPart.AddNewPart<WorkbookStylesPart>();
        styles.Stylesheet = new Stylesheet(
            new Fonts(new Font()) { Count = 1 },
            new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2 },
            new Borders(new Border()) { Count = 1 },
            new CellFormats(new CellFormat(), new CellFormat { NumberFormatId = 14, ApplyNumberFormat = true }) { Count = 2 });
        styles.Stylesheet.Save();
    }

    private static void AddCustomProperty(SpreadsheetDocument document, string name, string value)
    {
        var part = document.AddCustomFilePropertiesPart();
        part.Properties = new Properties(new CustomDocumentProperty
        {
            FormatId = "{D5CDD505-2E9C-101B-9397-08002B2CF9AE}",
            PropertyId = 2,
            Name = name,
            VTLPWSTR = new VTLPWSTR(value),
        });
        part.Properties.Save();
    }

    /// <summary>The shared-string table Excel writes, or inline strings.</summary>
    private sealed class SharedStrings(bool inline)
    {
        private readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);
        private readonly List<string> _items = [];

        public Cell Cell(string reference, string text)
        {
            if (inline)
            {
                return new Cell { CellReference = reference, DataType = CellValues.InlineString, InlineString = new InlineString(Text(text)) };
            }

            if (!_index.TryGetValue(text, out var i))
            {
                _index[text] = i = _items.Count;
                _items.Add(text);
            }

            return new Cell { CellReference = reference, DataType = CellValues.SharedString, CellValue = new CellValue(i.ToString(CultureInfo.InvariantCulture)) };
        }

        public void WriteTo(WorkbookPart workbookPart)
        {
            if (_items.Count == 0)
            {
                return;
            }

            var part = workbookPart.AddNewPart<SharedStringTablePart>();
            using var writer = OpenXmlWriter.Create(part);
            writer.WriteStartElement(new SharedStringTable());
            foreach (var item in _items)
            {
                writer.WriteElement(new SharedStringItem(Text(item)));
            }

            writer.WriteEndElement();
        }

        private static Text Text(string text) => new(text) { Space = SpaceProcessingModeValues.Preserve };
    }
}
