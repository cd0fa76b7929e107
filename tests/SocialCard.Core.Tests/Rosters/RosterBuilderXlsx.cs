using System.Globalization;
using System.Text;
using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.CustomProperties;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.VariantTypes;
using SocialCard.Core.Rosters;

namespace SocialCard.Core.Tests.Rosters;

/// <summary>The .xlsx side of the builder: the Open XML SDK makes the package and its parts; sheet XML is streamed.</summary>
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

    private const string MainNamespace = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

    /// <summary>
    /// Writes the sheet XML straight into the part the SDK created: building a DOM element per cell (even
    /// through <see cref="OpenXmlWriter"/>) made 100,000 rows take seconds.
    /// </summary>
    private static void WriteSheet(WorksheetPart part, IEnumerable<(int RowNumber, object?[] Cells)> rows, int trailingStyledRows, SharedStrings strings)
    {
        using var stream = part.GetStream(FileMode.Create);
        using var xml = XmlWriter.Create(stream, new XmlWriterSettings { Encoding = new UTF8Encoding(false) });
        xml.WriteStartElement("worksheet", MainNamespace);
        xml.WriteStartElement("sheetData", MainNamespace);
        var last = 0;
        foreach (var (rowNumber, cells) in rows)
        {
            xml.WriteStartElement("row", MainNamespace);
            xml.WriteAttributeString("r", rowNumber.ToString(CultureInfo.InvariantCulture));
            for (var i = 0; i < cells.Length; i++)
            {
                if (cells[i] is { } value)
                {
                    WriteCell(xml, Reference(i, rowNumber), value, strings);
                }
            }

            xml.WriteEndElement();
            last = rowNumber;
        }

        for (var k = 1; k <= trailingStyledRows; k++)
        {
            // <row r="…" s="1" customFormat="1"><c r="A…" s="1"/></row>: formatting, no value.
            var rowNumber = last + k;
            xml.WriteStartElement("row", MainNamespace);
            xml.WriteAttributeString("r", rowNumber.ToString(CultureInfo.InvariantCulture));
            xml.WriteAttributeString("s", DateStyle.ToString(CultureInfo.InvariantCulture));
            xml.WriteAttributeString("customFormat", "1");
            xml.WriteStartElement("c", MainNamespace);
            xml.WriteAttributeString("r", Reference(0, rowNumber));
            xml.WriteAttributeString("s", DateStyle.ToString(CultureInfo.InvariantCulture));
            xml.WriteEndElement();
            xml.WriteEndElement();
        }

        xml.WriteEndElement();
        xml.WriteEndElement();
    }

    private static void WriteCell(XmlWriter xml, string reference, object value, SharedStrings strings)
    {
        xml.WriteStartElement("c", MainNamespace);
        xml.WriteAttributeString("r", reference);
        switch (value)
        {
            case string s:
                strings.WriteCell(xml, s);
                break;
            case bool b:
                xml.WriteAttributeString("t", "b");
                xml.WriteElementString("v", MainNamespace, b ? "1" : "0");
                break;
            case DateTime d:
                xml.WriteAttributeString("s", DateStyle.ToString(CultureInfo.InvariantCulture));
                xml.WriteElementString("v", MainNamespace, d.ToOADate().ToString("R", CultureInfo.InvariantCulture));
                break;
            case IConvertible n:
                xml.WriteElementString("v", MainNamespace, n.ToDouble(CultureInfo.InvariantCulture).ToString("R", CultureInfo.InvariantCulture));
                break;
            default:
                throw new ArgumentException($"Unsupported cell value {value.GetType()}", nameof(value));
        }

        xml.WriteEndElement();
    }

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

        /// <summary>Writes the type attribute and the content of a text cell (inside its open &lt;c&gt;).</summary>
        public void WriteCell(XmlWriter xml, string text)
        {
            if (inline)
            {
                xml.WriteAttributeString("t", "inlineStr");
                xml.WriteStartElement("is", MainNamespace);
                WriteText(xml, text);
                xml.WriteEndElement();
                return;
            }

            if (!_index.TryGetValue(text, out var i))
            {
                _index[text] = i = _items.Count;
                _items.Add(text);
            }

            xml.WriteAttributeString("t", "s");
            xml.WriteElementString("v", MainNamespace, i.ToString(CultureInfo.InvariantCulture));
        }

        public void WriteTo(WorkbookPart workbookPart)
        {
            if (_items.Count == 0)
            {
                return;
            }

            var part = workbookPart.AddNewPart<SharedStringTablePart>();
            using var stream = part.GetStream(FileMode.Create);
            using var xml = XmlWriter.Create(stream, new XmlWriterSettings { Encoding = new UTF8Encoding(false) });
            xml.WriteStartElement("sst", MainNamespace);
            foreach (var item in _items)
            {
                xml.WriteStartElement("si", MainNamespace);
                WriteText(xml, item);
                xml.WriteEndElement();
            }

            xml.WriteEndElement();
        }

        private static void WriteText(XmlWriter xml, string text)
        {
            // xml:space="preserve" keeps the surrounding spaces some tests plant.
            xml.WriteStartElement("t", MainNamespace);
            xml.WriteAttributeString("xml", "space", null, "preserve");
            xml.WriteString(text);
            xml.WriteEndElement();
        }
    }
}
