using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using SocialCard.Core.Rosters;

namespace SocialCard.Core.Tests.Rosters;

/// <summary>
/// A workbook as a clerk might upload it: the template's columns on a protected sheet with shared and
/// inline strings, an ID typed as a number, their own cell formats, their own comment (with its VML
/// drawing, as Excel writes it), a defined name and an extra sheet.
/// </summary>
internal static class XlsxClerkWorkbook
{
    public const string ExtraSheet = "备注";
    public const string ClerkAuthor = "王老师";
    public const string ClerkComment = "班级待确认";
    public const string ClerkCommentCell = "M2";

    /// <summary>Format 1: bold, bordered text — the clerk's look for the ID column.</summary>
    public const uint BoldText = 1;

    /// <summary>Format 2: a blue fill the clerk uses for highlighted cells.</summary>
    public const uint Blue = 2;

    /// <param name="dataSheetName">The data sheet's name (the reader also accepts another first sheet).</param>
    /// <param name="headerRow">Row of the header; rows above it stay empty.</param>
    public static byte[] Build(string dataSheetName = RosterTemplate.DataSheetName, int headerRow = 1, bool withClassColumn = true)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbookPart = document.AddWorkbookPart();
            workbookPart.AddNewPart<WorkbookStylesPart>().Stylesheet = Styles();
            var strings = new List<string>();
            var sharedPart = workbookPart.AddNewPart<SharedStringTablePart>();

            var data = workbookPart.AddNewPart<WorksheetPart>();
            var rows = new SheetData();
            var columns = RosterTemplate.Columns.Where(c => withClassColumn || c.Column != RosterColumn.ClassOrDepartment).ToList();
            rows.Append(new Row(columns.Select((c, i) => Shared(XlsxTestBook.Ref(headerRow, i), c.Header, strings))) { RowIndex = (uint)headerRow });
            var r = headerRow + 1;
            foreach (var values in People)
            {
                var row = new Row { RowIndex = (uint)r };
                for (var i = 0; i < columns.Count; i++)
                {
                    var value = values[(int)columns[i].Column];
                    var reference = XlsxTestBook.Ref(r, i);
                    if (value is null)
                    {
                        continue;
                    }

                    Cell cell = value.StartsWith('#')
                        ? new Cell(new CellValue(value[1..])) { CellReference = reference }
                        : i % 2 == 0 ? Shared(reference, value, strings) : Inline(reference, value);
                    if (columns[i].Column == RosterColumn.IdNumber)
                    {
                        cell.StyleIndex = BoldText;
                    }
                    else if (columns[i].Column == RosterColumn.Postcode)
                    {
                        cell.StyleIndex = Blue;
                    }

                    row.Append(cell);
                }

                rows.Append(row);
                r++;
            }

            sharedPart.SharedStringTable = new SharedStringTable(strings.Select(s => new SharedStringItem(new Text(s)))) { Count = (uint)strings.Count, UniqueCount = (uint)strings.Count };

            var comments = data.AddNewPart<WorksheetCommentsPart>();
            comments.Comments = new Comments(
                new Authors(new Author(ClerkAuthor)),
                new CommentList(new Comment(new CommentText(new Run(new Text(ClerkComment)))) { Reference = ClerkCommentCell, AuthorId = 0 }));
            var vml = data.AddNewPart<VmlDrawingPart>();
            using (var vmlStream = new MemoryStream(Encoding.UTF8.GetBytes(ExcelStyleVml)))
            {
                vml.FeedData(vmlStream);
            }

            data.Worksheet = new Worksheet(
                new Columns(new Column { Min = 6, Max = 6, Width = 24, CustomWidth = true }),
                rows,
                new SheetProtection { Sheet = true, Objects = true, Scenarios = true },
                new LegacyDrawing { Id = data.GetIdOfPart(vml) });

            var extra = workbookPart.AddNewPart<WorksheetPart>();
            extra.Worksheet = new Worksheet(new SheetData(
                new Row(Inline("A1", "说明"), Inline("B1", "本表由学校填写")) { RowIndex = 1 },
                new Row(new Cell(new CellValue("42")) { CellReference = "A2", StyleIndex = Blue }) { RowIndex = 2 }));

            workbookPart.Workbook = new Workbook(
                new Sheets(
                    new Sheet { Name = dataSheetName, SheetId = 1, Id = workbookPart.GetIdOfPart(data) },
                    new Sheet { Name = ExtraSheet, SheetId = 2, Id = workbookPart.GetIdOfPart(extra) }),
                new DefinedNames(new DefinedName($"'{ExtraSheet}'!$A$1:$B$2") { Name = "ClerkNotes" }));
        }

        return stream.ToArray();
    }

    /// <summary>Rows 2–6 (header row + 1 …): value per template column; "#…" is a number cell, null an absent cell.</summary>
    public static readonly string?[][] People =
    [
        ["3701000001", "学生", "王小明", "11010120170210193X", "王小明", "11010120170210193X", "男", "2017-02-10", "01 汉族", "13912345678", "261041", "山东省潍坊市奎文区胜利东街1号", "一年级一班"],
        ["3701000002", "在职", "张三", "430111199001010576", "张三", "430111199001010570", null, "1990-01-01", "汉族", "1391234567", "261041", "山东省潍坊市奎文区", null],
        [null, null, null, null, "李四", "#4.30111199001011E+17", "男", "1990-01-01", "01 汉族", "13912345679", "261041", "潍坊市", null],
        [null, null, null, null, "李四", "430111199001010581", "女", "1990-01-01", "01 汉族", "13912345670", "261041", "潍坊市", null],
        ["3701000005", "在职", "赵六", "430111199001010573", "钱七", "430111199001010581", "男", "1990-01-01", "01 汉族", "13912345671", "261041", "潍坊市", null],
    ];

    private static Stylesheet Styles() => new(
        new Fonts(
            new Font(new FontSize { Val = 11 }, new FontName { Val = "宋体" }),
            new Font(new Bold(), new FontSize { Val = 11 }, new FontName { Val = "宋体" }))
        { Count = 2 },
        new Fills(
            new Fill(new PatternFill { PatternType = PatternValues.None }),
            new Fill(new PatternFill { PatternType = PatternValues.Gray125 }),
            new Fill(new PatternFill(new ForegroundColor { Rgb = "FF9BC2E6" }) { PatternType = PatternValues.Solid }))
        { Count = 3 },
        new Borders(
            new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder()),
            new Border(
                new LeftBorder { Style = BorderStyleValues.Thin },
                new RightBorder { Style = BorderStyleValues.Thin },
                new TopBorder { Style = BorderStyleValues.Thin },
                new BottomBorder { Style = BorderStyleValues.Thin },
                new DiagonalBorder()))
        { Count = 2 },
        new CellStyleFormats(new CellFormat()) { Count = 1 },
        new CellFormats(
            new CellFormat { FontId = 0, FillId = 0, BorderId = 0, NumberFormatId = 0 },
            new CellFormat(new Protection { Locked = false }) { FontId = 1, FillId = 0, BorderId = 1, NumberFormatId = 49, ApplyFont = true, ApplyBorder = true, ApplyNumberFormat = true, ApplyProtection = true },
            new CellFormat { FontId = 0, FillId = 2, BorderId = 0, NumberFormatId = 0, ApplyFill = true })
        { Count = 3 });

    private static Cell Shared(string reference, string text, List<string> strings)
    {
        var index = strings.IndexOf(text);
        if (index < 0)
        {
            strings.Add(text);
            index = strings.Count - 1;
        }

        return new Cell(new CellValue(index.ToString(System.Globalization.CultureInfo.InvariantCulture))) { CellReference = reference, DataType = CellValues.SharedString };
    }

    private static Cell Inline(string reference, string text) =>
        new(new InlineString(new Text(text))) { CellReference = reference, DataType = CellValues.InlineString };

    // Shaped like the drawing Excel writes for one note on M2 (row 1, column 12, zero-based).
    private const string ExcelStyleVml = """
        <xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel">
         <o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="1"/></o:shapelayout>
         <v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe"><v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>
         <v:shape id="_x0000_s1025" type="#_x0000_t202" style="position:absolute;margin-left:600pt;margin-top:2pt;width:100pt;height:50pt;z-index:1;visibility:hidden" fillcolor="#ffffe1" o:insetmode="auto">
          <v:fill color2="#ffffe1"/><v:shadow on="t" color="black" obscured="t"/><v:path o:connecttype="none"/>
          <v:textbox style="mso-direction-alt:auto"><div style="text-align:left"></div></v:textbox>
          <x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/><x:Anchor>13, 15, 0, 2, 15, 15, 4, 16</x:Anchor><x:AutoFill>False</x:AutoFill><x:Row>1</x:Row><x:Column>12</x:Column></x:ClientData>
         </v:shape>
        </xml>
        """;
}
