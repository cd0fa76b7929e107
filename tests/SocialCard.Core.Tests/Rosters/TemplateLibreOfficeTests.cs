using DocumentFormat.OpenXml.Spreadsheet;
using SocialCard.Core.Rosters;

namespace SocialCard.Core.Tests.Rosters;

/// <summary>
/// The template must survive the office suite many clerks use: LibreOffice opens it, keeps the ID numbers
/// as text and the input messages, and saves it back as xlsx and csv.
/// </summary>
public sealed class TemplateLibreOfficeTests : IDisposable
{
    private readonly string dir = XlsxLibreOffice.NewTempFolder();

    public void Dispose() => XlsxLibreOffice.TryDelete(dir);

    [Fact]
    public void LibreOffice_round_trip_keeps_sheets_text_ids_validations_and_version()
    {
        var input = Path.Combine(dir, "template.xlsx");
        File.WriteAllBytes(input, TemplateWriterTests.Template());

        var converted = XlsxLibreOffice.Convert(input, "xlsx", Path.Combine(dir, "out"));

        using var book = XlsxTestBook.Open(converted);
        Assert.Equal([RosterTemplate.DataSheetName, RosterTemplate.InstructionsSheetName, RosterTemplate.ListsSheetName], book.SheetNames);
        Assert.Equal(SheetStateValues.Hidden, book.Sheets[2].State?.Value);
        Assert.Equal(RosterTemplate.Version, book.Text(RosterTemplate.ListsSheetName, "A1"));
        var id = book.Cell(RosterTemplate.DataSheetName, "F2")!;
        Assert.Equal("11010120170210193X", book.TextOf(id));
        Assert.Equal(CellValues.SharedString, id.DataType?.Value);
        Assert.Equal("430111199001010576", book.Text(RosterTemplate.DataSheetName, "F3"));
        Assert.Equal("阿依古丽·买买提", book.Text(RosterTemplate.DataSheetName, "E3"));
        for (var c = 0; c < RosterTemplate.Columns.Count; c++)
        {
            Assert.Equal(RosterTemplate.Columns[c].Header, book.Text(RosterTemplate.DataSheetName, XlsxTestBook.Ref(1, c)));
        }

        var prompts = book.Sheet(RosterTemplate.DataSheetName).Descendants<DataValidation>().Select(v => v.PromptTitle?.Value).ToHashSet();
        Assert.All(RosterTemplate.Columns, spec => Assert.Contains(spec.InputTitle, prompts));
        Assert.NotNull(book.Sheet(RosterTemplate.DataSheetName).GetFirstChild<SheetProtection>());
        Assert.Equal("@", book.NumberFormatCode(book.Xf(book.Cell(RosterTemplate.DataSheetName, "F2")!.StyleIndex)));
    }

    [Fact]
    public void LibreOffice_csv_export_shows_the_ids_digit_for_digit()
    {
        var input = Path.Combine(dir, "template.xlsx");
        File.WriteAllBytes(input, TemplateWriterTests.Template());

        // 44 = comma, 34 = double quote, 76 = UTF-8, 1 = start at line 1.
        var csv = File.ReadAllLines(XlsxLibreOffice.Convert(input, "csv:Text - txt - csv (StarCalc):44,34,76,1", Path.Combine(dir, "csv")));

        Assert.Equal(string.Join(',', RosterTemplate.Columns.Select(c => c.Header)), csv[0].Replace("\"", "", StringComparison.Ordinal));
        Assert.Contains("11010120170210193X", csv[1], StringComparison.Ordinal);
        Assert.Contains("430111199001010576", csv[2], StringComparison.Ordinal);
        Assert.DoesNotContain(csv, line => line.Contains("E+", StringComparison.Ordinal));
    }

    [Fact]
    public void Template_renders_to_pdf_and_png_for_review()
    {
        var input = Path.Combine(dir, "template.xlsx");
        File.WriteAllBytes(input, TemplateWriterTests.Template());

        var pdf = XlsxLibreOffice.Convert(input, "pdf", Path.Combine(dir, "pdf"));
        var png = XlsxLibreOffice.RenderFirstPage(pdf, Path.Combine(XlsxLibreOffice.ReviewFolder, "template"));

        // Only existence is asserted; a person judges the picture (see the writer's report).
        Assert.True(new FileInfo(png).Length > 0);
        Assert.True(new FileInfo(pdf).Length < 2_000_000, "the template's print area should be a few pages, not the whole formatted column");
    }
}
