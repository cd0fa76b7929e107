using SocialCard.Core.Rosters;
using SocialCard.Core.Validation;

namespace SocialCard.Core.Tests.Rosters;

/// <summary>
/// The annotated workbook must open in LibreOffice with its fills, notes and 错误清单, and keep the
/// clerk's values (xlsx and csv round trips); a PDF/PNG is left for a person to look at.
/// </summary>
public sealed class AnnotatedLibreOfficeTests : IDisposable
{
    private readonly string dir = XlsxLibreOffice.NewTempFolder();

    public void Dispose() => XlsxLibreOffice.TryDelete(dir);

    [Fact]
    public void LibreOffice_round_trip_keeps_values_fills_comments_and_the_errors_sheet()
    {
        var original = XlsxClerkWorkbook.Build();
        var input = Path.Combine(dir, "annotated.xlsx");
        File.WriteAllBytes(input, AnnotatedWorkbookWriterTests.Annotate(original, AnnotatedWorkbookWriterTests.Findings));

        using var before = XlsxTestBook.Open(original);
        using var book = XlsxTestBook.Open(XlsxLibreOffice.Convert(input, "xlsx", Path.Combine(dir, "out")));

        const string Data = RosterTemplate.DataSheetName;
        Assert.Equal([Data, XlsxClerkWorkbook.ExtraSheet, RosterTemplate.ErrorsSheetName], book.SheetNames);
        foreach (var (reference, text) in before.Values(Data).Where(v => before.Cell(Data, v.Key)!.DataType is not null))
        {
            Assert.Equal(text, book.Text(Data, reference));
        }

        foreach (var (reference, colour) in AnnotatedWorkbookWriterTests.Expected)
        {
            Assert.Equal(colour, book.FillRgb(book.Xf(book.Cell(Data, reference)!.StyleIndex)));
        }

        var comments = book.Comments(Data);
        Assert.Contains("ID_BAD_CHECKSUM：身份证号码校验码错误，请核对。", comments["F3"], StringComparison.Ordinal);
        Assert.Contains("SEX_MISSING", comments["G3"], StringComparison.Ordinal);
        Assert.Contains(XlsxClerkWorkbook.ClerkComment, comments[XlsxClerkWorkbook.ClerkCommentCell], StringComparison.Ordinal);
        Assert.Equal("ID_BAD_CHECKSUM", book.Text(RosterTemplate.ErrorsSheetName, "C3"));
    }

    [Fact]
    public void LibreOffice_csv_export_of_the_annotated_data_sheet_has_the_clerks_values()
    {
        var input = Path.Combine(dir, "annotated.xlsx");
        File.WriteAllBytes(input, AnnotatedWorkbookWriterTests.Annotate(XlsxClerkWorkbook.Build(), AnnotatedWorkbookWriterTests.Findings));

        var csv = File.ReadAllLines(XlsxLibreOffice.Convert(input, "csv:Text - txt - csv (StarCalc):44,34,76,1", Path.Combine(dir, "csv")));

        Assert.StartsWith("个人编号,人员类别,核对前姓名", csv[0].Replace("\"", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("11010120170210193X", csv[1], StringComparison.Ordinal);
        Assert.Contains("430111199001010570", csv[2], StringComparison.Ordinal);
        Assert.Equal(1 + XlsxClerkWorkbook.People.Length, csv.Length);
    }

    [Fact]
    public void Rows_written_for_an_xls_or_csv_upload_open_in_LibreOffice()
    {
        var input = Path.Combine(dir, "fromrows.xlsx");
        File.WriteAllBytes(input, AnnotatedFromRowsTests.Write());

        using var book = XlsxTestBook.Open(XlsxLibreOffice.Convert(input, "xlsx", Path.Combine(dir, "out")));

        Assert.Equal("4.30111E+17", book.Text(RosterTemplate.DataSheetName, "F3"));
        Assert.Contains("ID_NUMERIC_CELL", book.Comments(RosterTemplate.DataSheetName)["F3"], StringComparison.Ordinal);
    }

    [Fact]
    public void Annotated_workbooks_render_to_pdf_and_png_for_review()
    {
        var template = TemplateWriterTests.Template();
        var findings = new[]
        {
            AnnotatedWorkbookWriterTests.F(2, RosterColumn.IdNumber, RuleCodes.IdBadChecksum, Severity.Error, "校验码错误。", null),
            AnnotatedWorkbookWriterTests.F(3, RosterColumn.Sex, RuleCodes.SexMissing, Severity.Error, "请填写性别。", null),
            AnnotatedWorkbookWriterTests.F(3, RosterColumn.Name, RuleCodes.NameNormalized, Severity.Fixed, "已规范。", null),
            AnnotatedWorkbookWriterTests.F(4, RosterColumn.Name, RuleCodes.SameName, Severity.Warning, "同名。", null),
            AnnotatedWorkbookWriterTests.F(4, RosterColumn.PersonalNumber, RuleCodes.ReadOnlyChanged, Severity.Error, "不能修改。", null),
        };
        var pngs = new List<string>();
        foreach (var (name, bytes) in new[] { ("annotated-template", AnnotatedWorkbookWriterTests.Annotate(template, findings)), ("annotated-clerk", AnnotatedWorkbookWriterTests.Annotate(XlsxClerkWorkbook.Build(), AnnotatedWorkbookWriterTests.Findings)) })
        {
            var input = Path.Combine(dir, name + ".xlsx");
            File.WriteAllBytes(input, bytes);
            var pdf = XlsxLibreOffice.Convert(input, "pdf", Path.Combine(dir, "pdf"));
            pngs.Add(XlsxLibreOffice.RenderFirstPage(pdf, Path.Combine(XlsxLibreOffice.ReviewFolder, name)));
        }

        // Only existence is asserted; a person judges the pictures (see the writer's report).
        Assert.All(pngs, png => Assert.True(new FileInfo(png).Length > 0));
    }
}
