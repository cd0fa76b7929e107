using DocumentFormat.OpenXml.Spreadsheet;
using SocialCard.Core.Rosters;
using SocialCard.Core.Validation;

namespace SocialCard.Core.Tests.Rosters;

/// <summary>Formula injection: text that starts like a formula is written inert (quoted) and read back as typed.</summary>
public sealed class SpreadsheetTextTests
{
    /// <summary>An address a hostile clerk might type, hoping a hall's or the card centre's Excel runs it.</summary>
    public const string Hyperlink = "=HYPERLINK(\"http://x\",\"点我\")";

    [Theory]
    [InlineData("=1+1")]
    [InlineData("+8613912345678")]
    [InlineData("-2+3")]
    [InlineData("@SUM(A1)")]
    [InlineData("\t=1+1")]
    [InlineData("\r=1+1")]
    [InlineData(Hyperlink)]
    public void Formula_like_text_gets_one_quote_and_is_restored(string value)
    {
        var written = SpreadsheetText.Neutralise(value);
        Assert.Equal("'" + value, written);
        Assert.Equal(value, SpreadsheetText.Restore(written));
    }

    [Theory]
    [InlineData("山东省潍坊市奎文区示例路8号")]
    [InlineData("1990-05-17")]
    [InlineData("0536-8881234")]
    [InlineData("'引号开头")]
    [InlineData("")]
    public void Other_text_is_left_alone_both_ways(string value)
    {
        Assert.Equal(value, SpreadsheetText.Neutralise(value));
        Assert.Equal(value, SpreadsheetText.Restore(value));
    }

    [Fact]
    public void Only_the_one_quote_the_writer_adds_is_taken_off()
    {
        Assert.Equal("'=1", SpreadsheetText.Neutralise("=1"));
        Assert.Equal("=1", SpreadsheetText.Restore("'=1"));
        Assert.Equal("=1", SpreadsheetText.Restore(SpreadsheetText.Restore("'=1")));

        // Text that already starts with a quote is not formula-like: written and read as it is.
        Assert.Equal("''=1", SpreadsheetText.Neutralise("''=1"));
        Assert.Equal("''=1", SpreadsheetText.Restore("''=1"));
    }

    [Fact]
    public void Annotated_workbook_from_csv_rows_holds_the_address_as_inert_text_and_reads_back_as_typed()
    {
        var cells = new RosterCell[RosterTemplate.Columns.Count];
        cells[(int)RosterColumn.Name] = new RosterCell("张三");
        cells[(int)RosterColumn.Address] = new RosterCell(Hyperlink);
        cells[(int)RosterColumn.ClassOrDepartment] = new RosterCell("@SUM(1+1)");
        var finding = AnnotatedWorkbookWriterTests.F(2, RosterColumn.Address, RuleCodes.AddressTooLong, Severity.Error, "常住地址太长。", Hyperlink);
        using var output = new MemoryStream();
        AnnotatedWorkbookWriter.WriteFromRows(output, [new RosterRow(2, cells)], [finding], ["在职"], 24);
        var bytes = output.ToArray();

        using (var book = XlsxTestBook.Open(bytes))
        {
            AssertInert(book, RosterTemplate.DataSheetName, XlsxTestBook.Ref(2, RosterColumn.Address), Hyperlink);
            AssertInert(book, RosterTemplate.DataSheetName, XlsxTestBook.Ref(2, RosterColumn.ClassOrDepartment), "@SUM(1+1)");
            AssertInert(book, RosterTemplate.ErrorsSheetName, "F2", Hyperlink); // 原值
        }

        var read = new RosterReader().Read(new MemoryStream(bytes), "annotated.xlsx", ReaderTestSupport.Limits);
        Assert.True(read.Succeeded, string.Join(" | ", read.FileFindings.Select(f => f.Finding.Message)));
        var row = Assert.Single(read.Rows);
        Assert.Equal(Hyperlink, row[RosterColumn.Address].Text);
        Assert.Equal("@SUM(1+1)", row[RosterColumn.ClassOrDepartment].Text);
    }

    /// <summary>The cell is a plain (inline) string that starts with a quote, and the sheet holds no formula at all.</summary>
    internal static void AssertInert(XlsxTestBook book, string sheet, string reference, string original)
    {
        var cell = book.Cell(sheet, reference) ?? throw new Xunit.Sdk.XunitException($"No cell {reference} on {sheet}.");
        Assert.Equal(CellValues.InlineString, cell.DataType?.Value);
        Assert.Null(cell.CellFormula);
        Assert.Equal("'" + original, book.TextOf(cell));
        Assert.Empty(book.Sheet(sheet).Descendants<CellFormula>());
        Assert.DoesNotContain("<x:f>", book.Part(sheet).Worksheet.OuterXml, StringComparison.Ordinal);
        Assert.DoesNotContain("<f>", book.Part(sheet).Worksheet.OuterXml, StringComparison.Ordinal);
    }
}
