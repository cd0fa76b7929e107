using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;

namespace SocialCard.Core.Rosters;

/// <summary>
/// Streams the 错误清单 sheet: one line per finding (行号, 列, 代码, 级别, 说明, 原值), file-level findings
/// first, then by row and column. 行号 is a number so the list sorts and filters; everything else is text.
/// </summary>
internal static class XlsxErrorsSheet
{
    private static readonly (string Header, double Width)[] Columns =
        [("行号", 8), ("列", 18), ("代码", 26), ("级别", 8), ("说明", 70), ("原值", 30)];

    public static void Write(Stream target, IReadOnlyList<RosterFinding> findings, uint headerStyle, uint wrapStyle)
    {
        using var w = OpenXmlWriter.Create(target);
        w.WriteStartElement(new Worksheet());
        w.WriteElement(new SheetProperties(new PageSetupProperties { FitToPage = true }));
        w.WriteElement(new SheetViews(new SheetView(
            new Pane { VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen },
            new Selection { Pane = PaneValues.BottomLeft, ActiveCell = "A2", SequenceOfReferences = new ListValue<StringValue> { InnerText = "A2" } })
        { WorkbookViewId = 0 }));
        w.WriteElement(new SheetFormatProperties { DefaultRowHeight = 15 });
        var cols = new DocumentFormat.OpenXml.Spreadsheet.Columns();
        for (var i = 0; i < Columns.Length; i++)
        {
            cols.Append(new Column { Min = (uint)i + 1, Max = (uint)i + 1, Width = Columns[i].Width, CustomWidth = true });
        }

        w.WriteElement(cols);
        w.WriteStartElement(new SheetData());
        w.WriteStartElement(new Row(), [new OpenXmlAttribute("r", "", "1")]);
        for (var i = 0; i < Columns.Length; i++)
        {
            XlsxDataSheetWriter.WriteCell(w, XlsxCellRef.Ref(1, i), headerStyle, Columns[i].Header);
        }

        w.WriteEndElement();
        var r = 2;
        foreach (var f in Ordered(findings))
        {
            WriteFinding(w, r++, f, wrapStyle);
        }

        w.WriteEndElement();
        w.WriteElement(new PrintOptions { GridLines = true });
        w.WriteElement(new PageMargins { Left = 0.4, Right = 0.4, Top = 0.5, Bottom = 0.5, Header = 0.3, Footer = 0.3 });
        w.WriteElement(new PageSetup { PaperSize = 9, Orientation = OrientationValues.Landscape, FitToWidth = 1, FitToHeight = 0 });
        w.WriteEndElement();
    }

    public static IEnumerable<RosterFinding> Ordered(IEnumerable<RosterFinding> findings) =>
        findings.OrderBy(f => f.Row).ThenBy(f => f.Column is { } c ? (int)c : -1);

    /// <summary>列 for a finding: the column header, or 整行 / 文件 for row- and file-level findings.</summary>
    public static string ColumnText(RosterFinding f) => f.Row <= 0 ? "文件" : f.Column is null ? "整行" : f.ColumnHeader;

    private static void WriteFinding(OpenXmlWriter w, int r, RosterFinding f, uint wrapStyle)
    {
        var rowText = r.ToString(CultureInfo.InvariantCulture);
        w.WriteStartElement(new Row(), [new OpenXmlAttribute("r", "", rowText)]);
        if (f.Row > 0)
        {
            w.WriteStartElement(new Cell(), [new OpenXmlAttribute("r", "", "A" + rowText)]);
            w.WriteElement(new CellValue(f.Row.ToString(CultureInfo.InvariantCulture)));
            w.WriteEndElement();
        }

        Text(w, "B" + rowText, ColumnText(f));
        Text(w, "C" + rowText, f.Finding.Code);
        Text(w, "D" + rowText, XlsxFindingText.Label(f.Finding.Severity));
        XlsxDataSheetWriter.WriteCell(w, "E" + rowText, wrapStyle, XlsxFindingText.Explanation(f.Finding));
        Text(w, "F" + rowText, f.Value);
        w.WriteEndElement();
    }

    private static void Text(OpenXmlWriter w, string reference, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            XlsxDataSheetWriter.WriteCell(w, reference, 0, value);
        }
    }
}
