using System.Globalization;
using System.Xml;
using System.Xml.Linq;

namespace SocialCard.Core.Rosters;

/// <summary>
/// One streaming pass over the clerk's data sheet, before anything is changed: the header row, the column
/// styles, the styles of the rows and cells that findings point at, and the sheet's comment drawing.
/// Rows nobody points at are skipped unparsed.
/// </summary>
internal sealed class XlsxSheetSurvey
{
    /// <summary>The first row with a non-blank cell (0 if none); the reader treats it as the header.</summary>
    public int HeaderRow { get; private set; }

    /// <summary>The header row's cells: column index → (cell type, value or inline text).</summary>
    public Dictionary<int, (string? Type, string Value)> HeaderCells { get; } = [];

    public List<(int Min, int Max, uint Style)> ColumnStyles { get; } = [];

    /// <summary>Row formats (s with customFormat) of the surveyed rows.</summary>
    public Dictionary<int, uint> RowStyles { get; } = [];

    /// <summary>Existing cells of the surveyed rows: (row, column) → style index.</summary>
    public Dictionary<(int Row, int Column), uint> CellStyles { get; } = [];

    /// <summary>The last column (zero-based) of the sheet's &lt;dimension&gt;, or -1 when the sheet does not say.</summary>
    public int DimensionLastColumn { get; private set; } = -1;

    /// <summary>The relationship id of &lt;legacyDrawing&gt; (the VML drawing that shows comments), if any.</summary>
    public string? LegacyDrawingId { get; private set; }

    public static XlsxSheetSurvey Read(Stream sheetXml, IReadOnlySet<int> rowsOfInterest)
    {
        var survey = new XlsxSheetSurvey();
        using var reader = XmlReader.Create(sheetXml, XlsxXml.ReaderSettings);
        reader.MoveToContent();
        var lastRow = 0;
        while (!reader.EOF)
        {
            if (reader.NodeType != XmlNodeType.Element || reader.Depth == 0 || (reader.Depth == 1 && reader.LocalName == "sheetData"))
            {
                reader.Read();
            }
            else if (reader.Depth == 1 && reader.LocalName == "cols")
            {
                survey.ReadColumns((XElement)XNode.ReadFrom(reader));
            }
            else if (reader.Depth == 1 && reader.LocalName == "dimension")
            {
                var last = reader.GetAttribute("ref")?.Split(':')[^1];
                survey.DimensionLastColumn = XlsxCellRef.ColumnOf(last);
                reader.Skip();
            }
            else if (reader.Depth == 1 && reader.LocalName == "legacyDrawing")
            {
                survey.LegacyDrawingId = reader.GetAttribute("id", XlsxXml.RelNs);
                reader.Skip();
            }
            else if (reader.Depth == 2 && reader.LocalName == "row")
            {
                lastRow = ParseInt(reader.GetAttribute("r")) ?? lastRow + 1;
                if (survey.HeaderRow == 0 || rowsOfInterest.Contains(lastRow))
                {
                    survey.ReadRow(lastRow, (XElement)XNode.ReadFrom(reader));
                }
                else
                {
                    reader.Skip();
                }
            }
            else
            {
                reader.Skip();
            }
        }

        return survey;
    }

    /// <summary>The cells of a row as (column index, element), numbering cells that omit their reference.</summary>
    public static IEnumerable<(int Column, XElement Cell)> Cells(XElement row)
    {
        var column = -1;
        foreach (var c in row.Elements().Where(e => e.Name.LocalName == "c"))
        {
            var parsed = XlsxCellRef.ColumnOf((string?)c.Attribute("r"));
            column = parsed >= 0 ? parsed : column + 1;
            yield return (column, c);
        }
    }

    public static int? ParseInt(string? text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;

    public static uint? ParseUInt(string? text) =>
        uint.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;

    private void ReadColumns(XElement cols)
    {
        foreach (var col in cols.Elements().Where(e => e.Name.LocalName == "col"))
        {
            if (ParseInt((string?)col.Attribute("min")) is { } min && ParseInt((string?)col.Attribute("max")) is { } max
                && ParseUInt((string?)col.Attribute("style")) is { } style)
            {
                ColumnStyles.Add((min - 1, max - 1, style));
            }
        }
    }

    private void ReadRow(int rowNumber, XElement row)
    {
        if ((string?)row.Attribute("customFormat") is "1" or "true" && ParseUInt((string?)row.Attribute("s")) is { } rowStyle)
        {
            RowStyles[rowNumber] = rowStyle;
        }

        var header = new Dictionary<int, (string?, string)>();
        foreach (var (column, c) in Cells(row))
        {
            CellStyles[(rowNumber, column)] = ParseUInt((string?)c.Attribute("s")) ?? 0;
            if (HeaderRow == 0 && Content(c) is { } content)
            {
                header[column] = content;
            }
        }

        if (HeaderRow == 0 && header.Count > 0)
        {
            HeaderRow = rowNumber;
            foreach (var (column, content) in header)
            {
                HeaderCells[column] = content;
            }
        }
    }

    /// <summary>
    /// A cell's type and raw content if it is not blank. A shared-string cell counts as non-blank: the string
    /// is only looked up later, and a header of blanks in the string table is not a roster anyone accepted.
    /// </summary>
    private static (string? Type, string Value)? Content(XElement c)
    {
        var type = (string?)c.Attribute("t");
        string? value;
        if (type == "inlineStr")
        {
            var inline = c.Elements().FirstOrDefault(e => e.Name.LocalName == "is");
            value = inline is null ? null : XlsxText.Unescape(string.Concat(inline.Descendants()
                .Where(e => e.Name.LocalName == "t" && e.Ancestors().All(a => a.Name.LocalName != "rPh"))
                .Select(e => e.Value)));
        }
        else
        {
            value = c.Elements().FirstOrDefault(e => e.Name.LocalName == "v")?.Value;
        }

        return string.IsNullOrWhiteSpace(value) ? null : (type, type == "s" ? value : XlsxText.Unescape(value));
    }
}
