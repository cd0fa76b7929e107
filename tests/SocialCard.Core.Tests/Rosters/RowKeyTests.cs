using DocumentFormat.OpenXml.Spreadsheet;
using SocialCard.Core.Rosters;

namespace SocialCard.Core.Tests.Rosters;

/// <summary>
/// The hidden 系统行标识 column: written by the annotator and the batch-as-roster writer, read back by the reader, hidden
/// from the clerk, and rewritten (never accumulated) when an annotated workbook is annotated again.
/// </summary>
public sealed class RowKeyTests
{
    private static readonly string KeyA = new RosterRowKey(7, 101, "0123456789ab", "abcdefabcdef").ToString();
    private static readonly string KeyB = new RosterRowKey(7, 102, RosterRowKey.Stale, "0011223344ff").ToString();

    [Theory]
    [InlineData("SC1-7-101-0123456789ab-abcdefabcdef", true)]
    [InlineData(" SC1-7-101-0123456789ab-abcdefabcdef ", true)]
    [InlineData("SC1-7-101-0123456789AB-abcdefabcdef", false)]
    [InlineData("SC1-7-101-0123456789a-abcdefabcdef", false)]
    [InlineData("SC2-7-101-0123456789ab-abcdefabcdef", false)]
    [InlineData("SC1--7-101-0123456789ab-abcdefabcdef", false)]
    [InlineData("SC1-x-101-0123456789ab-abcdefabcdef", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void Parse_accepts_only_the_portals_own_format(string? text, bool valid)
    {
        var key = RosterRowKey.Parse(text);
        Assert.Equal(valid, key is not null);
        if (key is not null)
        {
            Assert.Equal((7, 101, "0123456789ab", "abcdefabcdef"), (key.BatchId, key.PersonId, key.PersonStamp, key.RowStamp));
            Assert.Equal(text!.Trim(), key.ToString());
        }
    }

    [Fact]
    public void The_stamp_ignores_surrounding_blanks_but_tells_any_edit()
    {
        Assert.Equal(RosterRowKey.Stamp(["张三", "", null]), RosterRowKey.Stamp([" 张三 ", null, " "]));
        Assert.NotEqual(RosterRowKey.Stamp(["张三", "1"]), RosterRowKey.Stamp(["张三", "2"]));
        Assert.NotEqual(RosterRowKey.Stamp(["张三", ""]), RosterRowKey.Stamp(["", "张三"]));
    }

    [Fact]
    public void Annotating_writes_each_rows_key_into_a_hidden_column_that_the_reader_gives_back()
    {
        var annotated = Annotate(XlsxClerkWorkbook.Build(), new Dictionary<int, string> { [2] = KeyA, [3] = KeyB });

        Assert.Equal(new Dictionary<int, string> { [2] = KeyA, [3] = KeyB }, ReadKeys(annotated));
        using var book = XlsxTestBook.Open(annotated);
        var header = book.Cells(RosterTemplate.DataSheetName).Single(c => book.TextOf(c) == RosterRowKey.Header);
        Assert.True(IsHidden(book, Column(header)));
    }

    [Fact]
    public void Annotating_again_replaces_the_keys_and_drops_those_of_rows_no_longer_keyed()
    {
        var once = Annotate(XlsxClerkWorkbook.Build(), new Dictionary<int, string> { [2] = KeyA, [3] = KeyB });
        var twice = Annotate(once, new Dictionary<int, string> { [3] = KeyA });

        Assert.Equal(new Dictionary<int, string> { [3] = KeyA }, ReadKeys(twice));
        using var book = XlsxTestBook.Open(twice);
        Assert.Single(book.Cells(RosterTemplate.DataSheetName), c => book.TextOf(c) == RosterRowKey.Header);
    }

    [Fact]
    public void A_workbook_annotated_without_keys_has_no_key_column()
    {
        var annotated = Annotate(XlsxClerkWorkbook.Build(), null);
        using var book = XlsxTestBook.Open(annotated);
        Assert.DoesNotContain(book.Cells(RosterTemplate.DataSheetName), c => book.TextOf(c) == RosterRowKey.Header);
        Assert.Empty(ReadKeys(annotated));
    }

    [Fact]
    public void The_rows_written_from_values_carry_their_keys_and_read_back_unchanged()
    {
        var read = new RosterReader().Read(new MemoryStream(XlsxClerkWorkbook.Build()), "a.xlsx", ReaderTestSupport.Limits);
        Assert.True(read.Succeeded);
        var keys = read.Rows.ToDictionary(r => r.RowNumber, r => new RosterRowKey(1, r.RowNumber, RosterRowKey.Stale, RosterRowKey.RowStampOf(r)).ToString());
        using var output = new MemoryStream();
        AnnotatedWorkbookWriter.WriteFromRows(output, read.Rows, [], ["在职"], 24, keys);

        var back = new RosterReader().Read(new MemoryStream(output.ToArray()), "b.xlsx", ReaderTestSupport.Limits);
        Assert.True(back.Succeeded);
        Assert.Equal(keys, back.Rows.Where(r => r.Key is not null).ToDictionary(r => r.RowNumber, r => r.Key!));

        // Untouched rows give back the very stamp they were written with: the portal can tell them from edited ones.
        Assert.All(back.Rows, r => Assert.Equal(RosterRowKey.Parse(r.Key)!.RowStamp, RosterRowKey.RowStampOf(r)));
    }

    private static byte[] Annotate(byte[] workbook, IReadOnlyDictionary<int, string>? keys)
    {
        using var input = new MemoryStream(workbook);
        using var output = new MemoryStream();
        AnnotatedWorkbookWriter.AnnotateXlsx(input, output, [], keys);
        return output.ToArray();
    }

    private static Dictionary<int, string> ReadKeys(byte[] workbook)
    {
        var read = new RosterReader().Read(new MemoryStream(workbook), "x.xlsx", ReaderTestSupport.Limits);
        Assert.True(read.Succeeded, string.Join("; ", read.FileFindings.Select(f => f.Finding.Message)));
        return read.Rows.Where(r => r.Key is not null).ToDictionary(r => r.RowNumber, r => r.Key!);
    }

    private static int Column(Cell cell) =>
        cell.CellReference!.Value!.TakeWhile(char.IsAsciiLetterUpper).Aggregate(0, (n, c) => (n * 26) + (c - 'A' + 1));

    private static bool IsHidden(XlsxTestBook book, int column) =>
        book.Sheet(RosterTemplate.DataSheetName).Descendants<Column>().Any(c => c.Min! <= column && column <= c.Max! && c.Hidden?.Value == true);
}
