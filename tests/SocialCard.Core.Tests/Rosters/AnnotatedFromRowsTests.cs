using DocumentFormat.OpenXml.Spreadsheet;
using SocialCard.Core.Rosters;
using SocialCard.Core.Validation;

namespace SocialCard.Core.Tests.Rosters;

/// <summary>Clerks who uploaded .xls or .csv get an annotated .xlsx in the template layout.</summary>
public sealed class AnnotatedFromRowsTests
{
    private const string Data = RosterTemplate.DataSheetName;

    internal static readonly RosterRow[] Rows =
    [
        Row(2, ("3701000001", false), ("学生", false), ("王小明", false), ("11010120170210193X", false), ("王小明", false), ("11010120170210193X", false), ("男", false)),
        Row(3, ("", false), ("", false), ("", false), ("", false), ("李四", false), ("4.30111E+17", true), ("女", false)),
        Row(6, ("3701000003", false), ("在职", false), ("张三", false), ("430111199001010576", false), ("张三", false), ("430111199001010576", false), ("1", false)),
    ];

    internal static readonly RosterFinding[] Findings =
    [
        AnnotatedWorkbookWriterTests.F(3, RosterColumn.IdNumber, RuleCodes.IdNumericCell, Severity.Error, "身份证号码被存成了数字，请设为文本后重新输入。", "4.30111E+17"),
        AnnotatedWorkbookWriterTests.F(6, RosterColumn.Sex, RuleCodes.SexInvalid, Severity.Fixed, "性别“1”已改为“男”。", "1"),
        AnnotatedWorkbookWriterTests.F(6, RosterColumn.Phone, RuleCodes.PhoneMissing, Severity.Error, "请填写联系电话。", null),
    ];

    internal static readonly string[] Categories = ["学生", "在职"];

    internal static byte[] Write(IReadOnlyList<string>? categories = null, int addressMaxLength = 24)
    {
        using var output = new MemoryStream();
        AnnotatedWorkbookWriter.WriteFromRows(output, Rows, Findings, categories ?? Categories, addressMaxLength);
        return output.ToArray();
    }

    private static RosterRow Row(int number, params (string Text, bool Numeric)[] cells)
    {
        var all = new RosterCell[RosterTemplate.Columns.Count];
        for (var i = 0; i < cells.Length; i++)
        {
            all[i] = new RosterCell(cells[i].Text, cells[i].Numeric);
        }

        return new RosterRow(number, all);
    }

    [Fact]
    public void Values_land_at_their_row_numbers_as_text_under_the_template_header()
    {
        using var book = XlsxTestBook.Open(Write());

        Assert.Equal([Data, RosterTemplate.InstructionsSheetName, RosterTemplate.ListsSheetName, RosterTemplate.ErrorsSheetName], book.SheetNames);
        Assert.Equal(RosterTemplate.Columns.Select(c => c.Header), Enumerable.Range(0, RosterTemplate.Columns.Count).Select(c => book.Text(Data, XlsxTestBook.Ref(1, c))));
        Assert.Equal("11010120170210193X", book.Text(Data, "F2"));
        Assert.Equal("4.30111E+17", book.Text(Data, "F3"));
        Assert.Equal("430111199001010576", book.Text(Data, "F6"));
        Assert.Equal(["1", "2", "3", "6"], book.Sheet(Data).Descendants<Row>().Select(r => r.RowIndex!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Assert.All(book.Cells(Data).Where(c => c.CellValue is not null || c.InlineString is not null), c => Assert.Equal(CellValues.InlineString, c.DataType?.Value));
        Assert.Equal(RosterTemplate.Version, book.Text(RosterTemplate.ListsSheetName, "A1"));
    }

    [Fact]
    public void Findings_are_annotated_and_listed_as_for_an_xlsx_upload()
    {
        using var book = XlsxTestBook.Open(Write());

        Assert.Equal(AnnotatedWorkbookWriterTests.Red, book.FillRgb(book.Xf(book.Cell(Data, "F3")!.StyleIndex)));
        Assert.Equal(AnnotatedWorkbookWriterTests.Green, book.FillRgb(book.Xf(book.Cell(Data, "G6")!.StyleIndex)));
        Assert.Equal(AnnotatedWorkbookWriterTests.Red, book.FillRgb(book.Xf(book.Cell(Data, "J6")!.StyleIndex)));
        Assert.Equal(["F3", "G6", "J6"], book.Comments(Data).Keys.Order());
        Assert.Equal(Findings.Length + 1, book.Sheet(RosterTemplate.ErrorsSheetName).Descendants<Row>().Count());
        Assert.Equal(49u, book.Xf(book.Cell(Data, "F3")!.StyleIndex).NumberFormatId?.Value);
    }

    [Fact]
    public void The_sheet_is_not_protected_so_the_clerk_can_correct_grey_columns_too()
    {
        using var book = XlsxTestBook.Open(Write());

        Assert.Null(book.Sheet(Data).GetFirstChild<SheetProtection>());
        Assert.Equal("FFD9D9D9", book.FillRgb(book.Xf(book.Cell(Data, "A2")!.StyleIndex)));
    }

    [Fact]
    public void Categories_are_the_ones_given_not_those_in_the_rows()
    {
        using var book = XlsxTestBook.Open(Write());
        Assert.Equal(["人员类别", "学生", "在职"], new[] { "C1", "C2", "C3" }.Select(r => book.Text(RosterTemplate.ListsSheetName, r)));

        using var given = XlsxTestBook.Open(Write(["退休"]));
        Assert.Equal("退休", given.Text(RosterTemplate.ListsSheetName, "C2"));
        Assert.True(string.IsNullOrEmpty(given.Text(RosterTemplate.ListsSheetName, "C3")));
    }
}
