using DocumentFormat.OpenXml.Spreadsheet;
using SocialCard.Core.Rosters;
using SocialCard.Core.Validation;

namespace SocialCard.Core.Tests.Rosters;

public sealed class AnnotatedWorkbookWriterTests
{
    internal const string Red = "FFFF9F9F";
    internal const string Yellow = "FFFFE27A";
    internal const string Green = "FFCBEFB6";
    private const string Data = RosterTemplate.DataSheetName;

    internal static readonly RosterFinding[] Findings =
    [
        F(3, RosterColumn.IdNumber, RuleCodes.IdBadChecksum, Severity.Error, "身份证号码校验码错误，请核对。", "430111199001010570"),
        F(3, RosterColumn.IdNumber, RuleCodes.DuplicateIdElsewhere, Severity.Warning, "此号码已在其他单位登记。", "430111199001010570"),
        F(3, RosterColumn.Sex, RuleCodes.SexMissing, Severity.Error, "请填写性别。", null),
        F(3, RosterColumn.Phone, RuleCodes.PhoneInvalid, Severity.Error, "联系电话应为11位手机号或“区号-号码”。", "1391234567"),
        F(2, RosterColumn.Name, RuleCodes.NameNormalized, Severity.Fixed, "姓名两端的空格已去掉。", " 王小明"),
        F(4, RosterColumn.IdNumber, RuleCodes.IdNumericCell, Severity.Error, "身份证号码被存成了数字，后几位已丢失，请设为文本后重新输入。", "4.30111199001011E+17"),
        F(4, RosterColumn.Name, RuleCodes.SameName, Severity.Warning, "与第5行同名，请核对两人的身份证号码。", "李四"),
        F(5, RosterColumn.Name, RuleCodes.SameName, Severity.Warning, "与第4行同名，请核对两人的身份证号码。", "李四"),
        F(6, null, RuleCodes.NameAndIdChanged, Severity.Error, "姓名和身份证号码不能同时修改：本表只改身份证号码，姓名请到大厅更正。", null),
    ];

    /// <summary>The cells the findings above mark, and their colour (the worst severity wins).</summary>
    internal static readonly Dictionary<string, string> Expected = new()
    {
        ["F3"] = Red,
        ["G3"] = Red,
        ["J3"] = Red,
        ["E2"] = Green,
        ["F4"] = Red,
        ["E4"] = Yellow,
        ["E5"] = Yellow,
        ["A6"] = Red,
    };

    internal static RosterFinding F(int row, RosterColumn? column, string code, Severity severity, string message, string? value) =>
        new(row, column, new Finding(code, severity, column?.ToString() ?? "", message), value);

    internal static byte[] Annotate(byte[] workbook, IReadOnlyList<RosterFinding> findings)
    {
        using var input = new MemoryStream(workbook);
        using var output = new MemoryStream();
        AnnotatedWorkbookWriter.AnnotateXlsx(input, output, findings);
        return output.ToArray();
    }

    [Fact]
    public void Fills_exactly_the_cells_with_findings_in_the_colour_of_their_worst_severity()
    {
        var original = XlsxClerkWorkbook.Build();
        using var before = XlsxTestBook.Open(original);
        using var after = XlsxTestBook.Open(Annotate(original, Findings));

        var beforeStyles = before.Cells(Data).ToDictionary(c => c.CellReference!.Value!, c => c.StyleIndex?.Value ?? 0);
        var afterCells = after.Cells(Data).ToDictionary(c => c.CellReference!.Value!);
        Assert.Equal(beforeStyles.Keys.Append("G3").Order(), afterCells.Keys.Order());
        foreach (var (reference, cell) in afterCells)
        {
            if (Expected.TryGetValue(reference, out var colour))
            {
                Assert.Equal(colour, after.FillRgb(after.Xf(cell.StyleIndex)));
            }
            else
            {
                Assert.Equal(beforeStyles[reference], cell.StyleIndex?.Value ?? 0);
            }
        }
    }

    [Fact]
    public void An_annotated_cell_keeps_its_own_format_apart_from_the_fill()
    {
        var original = XlsxClerkWorkbook.Build();
        using var before = XlsxTestBook.Open(original);
        using var after = XlsxTestBook.Open(Annotate(original, Findings));

        var was = before.Xf(before.Cell(Data, "F3")!.StyleIndex);
        var now = after.Xf(after.Cell(Data, "F3")!.StyleIndex);
        Assert.Equal(WithoutFill(was), WithoutFill(now));
        Assert.Equal(49u, now.NumberFormatId?.Value);
        Assert.False(XlsxTestBook.IsLocked(now));
        Assert.Equal(1u, now.BorderId?.Value);

        // The blue postcode cells are not annotated and keep their blue.
        Assert.Equal("FF9BC2E6", after.FillRgb(after.Xf(after.Cell(Data, "K3")!.StyleIndex)));
    }

    [Fact]
    public void Each_annotated_cell_gets_one_comment_with_a_code_and_message_line_per_finding()
    {
        var original = XlsxClerkWorkbook.Build();
        using var after = XlsxTestBook.Open(Annotate(original, Findings));

        var comments = after.Comments(Data);
        Assert.Equal(Expected.Keys.Append(XlsxClerkWorkbook.ClerkCommentCell).Order(), comments.Keys.Order());
        Assert.Equal(
            ["ID_BAD_CHECKSUM：身份证号码校验码错误，请核对。", "DUPLICATE_ID_ELSEWHERE：此号码已在其他单位登记。"],
            comments["F3"].Split('\n'));
        Assert.Equal("SEX_MISSING：请填写性别。", comments["G3"]);
        Assert.StartsWith("NAME_AND_ID_CHANGED：", comments["A6"], StringComparison.Ordinal);
        Assert.Equal(XlsxClerkWorkbook.ClerkComment, comments[XlsxClerkWorkbook.ClerkCommentCell]);
        Assert.Equal("", after.Text(Data, "G3"));
    }

    [Fact]
    public void The_comment_drawing_has_a_note_box_for_every_comment()
    {
        using var after = XlsxTestBook.Open(Annotate(XlsxClerkWorkbook.Build(), Findings));

        var part = after.Part(Data);
        var legacy = part.Worksheet.GetFirstChild<LegacyDrawing>()!;
        var vml = System.Xml.Linq.XDocument.Load(part.GetPartById(legacy.Id!).GetStream());
        var notes = vml.Descendants().Where(e => e.Name.LocalName == "ClientData" && (string?)e.Attribute("ObjectType") == "Note")
            .Select(e => XlsxTestBook.Ref(
                int.Parse(e.Elements().Single(x => x.Name.LocalName == "Row").Value, System.Globalization.CultureInfo.InvariantCulture) + 1,
                int.Parse(e.Elements().Single(x => x.Name.LocalName == "Column").Value, System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(after.Comments(Data).Keys.Order(), notes.Order());
        var ids = vml.Descendants().Where(e => e.Name.LocalName == "shape").Select(e => (string?)e.Attribute("id")).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
    }

    [Fact]
    public void Errors_sheet_lists_every_finding_with_row_column_code_level_message_and_value()
    {
        var findings = Findings.Append(F(0, null, RuleCodes.FileTooLarge, Severity.Warning, "文件较大。", null)).ToList();
        using var after = XlsxTestBook.Open(Annotate(XlsxClerkWorkbook.Build(), findings));
        const string Errors = RosterTemplate.ErrorsSheetName;

        Assert.Equal(["行号", "列", "代码", "级别", "说明", "原值"], Enumerable.Range(0, 6).Select(c => after.Text(Errors, XlsxTestBook.Ref(1, c))));
        Assert.Equal(findings.Count + 1, after.Sheet(Errors).Descendants<Row>().Count());
        Assert.Equal([null, "文件", "FILE_TOO_LARGE", "提醒"], Enumerable.Range(0, 4).Select(c => after.Text(Errors, XlsxTestBook.Ref(2, c))));

        var lines = Enumerable.Range(3, Findings.Length).Select(r => Enumerable.Range(0, 6).Select(c => after.Text(Errors, XlsxTestBook.Ref(r, c)) ?? "").ToArray()).ToList();
        foreach (var f in Findings)
        {
            Assert.Contains(lines, l =>
                l[0] == f.Row.ToString(System.Globalization.CultureInfo.InvariantCulture)
                && l[1] == (f.Column is null ? "整行" : f.ColumnHeader)
                && l[2] == f.Finding.Code
                && l[3] == (f.Finding.Severity switch { Severity.Error => "错误", Severity.Warning => "提醒", _ => "已修正" })
                && l[4] == f.Finding.Message
                && l[5] == (f.Value ?? ""));
        }

        Assert.Null(after.Cell(Errors, "A3")!.DataType);
    }

    [Fact]
    public void Everything_else_is_unchanged()
    {
        var original = XlsxClerkWorkbook.Build();
        using var before = XlsxTestBook.Open(original);
        using var after = XlsxTestBook.Open(Annotate(original, Findings));

        Assert.Equal([Data, XlsxClerkWorkbook.ExtraSheet, RosterTemplate.ErrorsSheetName], after.SheetNames);
        Assert.Equal(before.Values(Data), after.Values(Data));
        Assert.Equal(before.Values(XlsxClerkWorkbook.ExtraSheet), after.Values(XlsxClerkWorkbook.ExtraSheet));
        Assert.Equal(
            before.Cells(XlsxClerkWorkbook.ExtraSheet).Select(c => c.OuterXml),
            after.Cells(XlsxClerkWorkbook.ExtraSheet).Select(c => c.OuterXml));
        Assert.Equal(before.CellFormats.Select(x => x.OuterXml), after.CellFormats.Take(before.CellFormats.Length).Select(x => x.OuterXml));
        Assert.Equal(
            before.WorkbookPart.Workbook.DefinedNames!.OuterXml,
            after.WorkbookPart.Workbook.DefinedNames!.OuterXml);
        Assert.True(after.Sheet(Data).GetFirstChild<SheetProtection>()!.Sheet?.Value);
        Assert.Equal(24d, after.Sheet(Data).GetFirstChild<Columns>()!.Elements<Column>().Single().Width?.Value);
        Assert.Equal(CellValues.SharedString, after.Cell(Data, "A2")!.DataType?.Value);
        Assert.Null(after.Cell(Data, "F4")!.DataType);
    }

    [Fact]
    public void Annotated_workbooks_are_valid_against_the_open_xml_schema()
    {
        var once = Annotate(XlsxClerkWorkbook.Build(), Findings);
        using var clerk = XlsxTestBook.Open(once);
        using var again = XlsxTestBook.Open(Annotate(once, [Findings[0]]));
        using var template = XlsxTestBook.Open(Annotate(TemplateWriterTests.Template(), Findings));

        Assert.Empty(clerk.SchemaErrors());
        Assert.Empty(again.SchemaErrors());
        Assert.Empty(template.SchemaErrors());
    }

    [Fact]
    public void Annotating_an_annotated_file_replaces_the_earlier_annotation()
    {
        var original = XlsxClerkWorkbook.Build();
        var first = Annotate(original, Findings);
        var remaining = new[] { Findings[7] }; // only the same-name warning on row 5 is left

        using var before = XlsxTestBook.Open(original);
        using var again = XlsxTestBook.Open(Annotate(first, remaining));

        Assert.Single(again.SheetNames, n => n == RosterTemplate.ErrorsSheetName);
        Assert.Equal(2, again.Sheet(RosterTemplate.ErrorsSheetName).Descendants<Row>().Count());
        Assert.Equal(["E5", XlsxClerkWorkbook.ClerkCommentCell], again.Comments(Data).Keys.Order());
        Assert.Equal(Yellow, again.FillRgb(again.Xf(again.Cell(Data, "E5")!.StyleIndex)));
        foreach (var reference in Expected.Keys.Where(r => r != "E5"))
        {
            var was = before.Cell(Data, reference)?.StyleIndex?.Value ?? 0;
            Assert.Equal(before.Xf(was).OuterXml, again.Xf(again.Cell(Data, reference)!.StyleIndex).OuterXml);
        }

        Assert.Equal(before.Values(Data), again.Values(Data));
    }

    [Fact]
    public void Annotating_twice_with_the_same_findings_adds_no_further_formats()
    {
        var once = Annotate(XlsxClerkWorkbook.Build(), Findings);
        var twice = Annotate(once, Findings);

        using var a = XlsxTestBook.Open(once);
        using var b = XlsxTestBook.Open(twice);
        Assert.Equal(a.CellFormats.Length, b.CellFormats.Length);
        Assert.Equal(a.Fills.Length, b.Fills.Length);
        Assert.Equal(a.Comments(Data), b.Comments(Data));
        Assert.Equal(a.Values(RosterTemplate.ErrorsSheetName), b.Values(RosterTemplate.ErrorsSheetName));
    }

    [Fact]
    public void A_clerk_comment_on_an_annotated_cell_is_replaced()
    {
        var finding = F(2, RosterColumn.ClassOrDepartment, RuleCodes.AddressBadChars, Severity.Error, "测试。", null);
        using var after = XlsxTestBook.Open(Annotate(XlsxClerkWorkbook.Build(), [finding]));

        Assert.Equal("ADDRESS_BAD_CHARS：测试。", after.Comments(Data)[XlsxClerkWorkbook.ClerkCommentCell]);
    }

    [Fact]
    public void Header_is_found_below_blank_rows_on_a_differently_named_first_sheet()
    {
        var original = XlsxClerkWorkbook.Build(dataSheetName: "Sheet1", headerRow: 3, withClassColumn: false);
        var findings = new[]
        {
            F(5, RosterColumn.IdNumber, RuleCodes.IdBadChecksum, Severity.Error, "校验码错误。", null),
            F(5, RosterColumn.ClassOrDepartment, RuleCodes.AddressBadChars, Severity.Warning, "此列不在文件中。", null),
        };
        using var after = XlsxTestBook.Open(Annotate(original, findings));

        Assert.Equal(Red, after.FillRgb(after.Xf(after.Cell("Sheet1", "F5")!.StyleIndex)));
        Assert.Equal(Yellow, after.FillRgb(after.Xf(after.Cell("Sheet1", "A5")!.StyleIndex)));
        Assert.Equal(["A5", "F5"], after.Comments("Sheet1").Keys.Where(k => k != XlsxClerkWorkbook.ClerkCommentCell).Order());
    }

    [Fact]
    public void Values_and_messages_xml_cannot_hold_are_escaped()
    {
        var finding = F(3, RosterColumn.Address, RuleCodes.AddressBadChars, Severity.Error, "地址含有控制字符\u0007。", "潍坊\u0001市_x0041_");
        using var after = XlsxTestBook.Open(Annotate(XlsxClerkWorkbook.Build(), [finding]));

        Assert.Equal("潍坊\u0001市_x0041_", XlsxTestBook.Unescape(after.Text(RosterTemplate.ErrorsSheetName, "F2")!));
        Assert.Equal("ADDRESS_BAD_CHARS：地址含有控制字符\u0007。", XlsxTestBook.Unescape(after.Comments(Data)["L3"]));
    }

    [Fact]
    public void No_findings_still_adds_an_empty_errors_sheet_and_changes_no_cell()
    {
        var original = XlsxClerkWorkbook.Build();
        using var before = XlsxTestBook.Open(original);
        using var after = XlsxTestBook.Open(Annotate(original, []));

        Assert.Single(after.Sheet(RosterTemplate.ErrorsSheetName).Descendants<Row>());
        Assert.Equal(before.Cells(Data).Select(c => c.OuterXml), after.Cells(Data).Select(c => c.OuterXml));
        Assert.Equal(before.Comments(Data), after.Comments(Data));
    }

    [Fact]
    public void The_portal_template_can_be_annotated_and_keeps_its_protection_and_validations()
    {
        var template = TemplateWriterTests.Template();
        using var after = XlsxTestBook.Open(Annotate(template, [F(2, RosterColumn.PersonalNumber, RuleCodes.ReadOnlyChanged, Severity.Error, "个人编号不能修改。", "x")]));

        var xf = after.Xf(after.Cell(Data, "A2")!.StyleIndex);
        Assert.Equal(Red, after.FillRgb(xf));
        Assert.True(XlsxTestBook.IsLocked(xf));
        Assert.Equal(49u, xf.NumberFormatId?.Value);
        Assert.NotNull(after.Sheet(Data).GetFirstChild<SheetProtection>());
        Assert.Equal(RosterTemplate.Columns.Count, after.Sheet(Data).Descendants<DataValidation>().Count());
        Assert.Equal(
            [Data, RosterTemplate.InstructionsSheetName, RosterTemplate.ListsSheetName, RosterTemplate.ErrorsSheetName],
            after.SheetNames);
    }

    [Fact]
    public void Beyond_the_comment_limit_cells_are_still_filled_and_listed_and_the_header_says_so()
    {
        var people = AnnotatedWorkbookWriter.MaxCellComments + 100;
        var register = Enumerable.Range(0, people).Select(i => new RegisterEntry($"37{i:D8}", "在职", "张三", "430111199001010573"));
        var findings = Enumerable.Range(2, people).Select(r => F(r, RosterColumn.Sex, RuleCodes.SexMissing, Severity.Error, "请填写性别。", null)).ToList();
        using var after = XlsxTestBook.Open(Annotate(TemplateWriterTests.Template(register), findings));

        var comments = after.Comments(Data);
        Assert.Equal(AnnotatedWorkbookWriter.MaxCellComments + 1, comments.Count);
        Assert.Contains($"共有{people}个单元格有问题", comments["A1"], StringComparison.Ordinal);
        Assert.Contains("G2001", comments.Keys);
        Assert.DoesNotContain("G2002", comments.Keys);
        var cells = after.Cells(Data).ToDictionary(c => c.CellReference!.Value!);
        Assert.All(Enumerable.Range(2, people), r => Assert.Equal(Red, after.FillRgb(after.Xf(cells[$"G{r}"].StyleIndex))));
        Assert.Equal(people + 1, after.Sheet(RosterTemplate.ErrorsSheetName).Descendants<Row>().Count());
    }

    private static string WithoutFill(CellFormat xf)
    {
        var copy = (CellFormat)xf.CloneNode(true);
        copy.FillId = null;
        copy.ApplyFill = null;
        return copy.OuterXml;
    }
}
