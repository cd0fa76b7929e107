using System.Text;
using SocialCard.Core.Rosters;
using SocialCard.Core.Tests.Support;
using static SocialCard.Core.Tests.Rosters.ReaderTestSupport;

namespace SocialCard.Core.Tests.Rosters;

/// <summary>Cell text, blank rows and row numbers of .xlsx and .csv rosters.</summary>
public class ReaderCellTests
{
    private static RosterRow ReadOne(RosterBuilderLine line, bool inlineStrings = false)
    {
        var xlsx = new RosterBuilder { InlineStrings = inlineStrings }.Add(line).ToXlsx();
        return Assert.Single(Rows(Read(xlsx, "花名册.xlsx")));
    }

    [Fact]
    public void An_id_number_typed_as_a_number_shows_as_excel_shows_it()
    {
        var row = ReadOne(new RosterBuilderLine { IdNumber = 430111199001010573d });

        Assert.Equal(new RosterCell("4.30111E+17", WasNumeric: true), row[RosterColumn.IdNumber]);
    }

    [Fact]
    public void A_fifteen_digit_number_keeps_every_digit()
    {
        var row = ReadOne(new RosterBuilderLine { IdNumber = 130503670401001d });

        Assert.Equal(new RosterCell("130503670401001", WasNumeric: true), row[RosterColumn.IdNumber]);
    }

    [Fact]
    public void Phone_and_postcode_typed_as_numbers_keep_their_plain_digits()
    {
        var row = ReadOne(new RosterBuilderLine { Phone = 13912345678d, Postcode = 261041 });

        Assert.Equal(new RosterCell("13912345678", WasNumeric: true), row[RosterColumn.Phone]);
        Assert.Equal(new RosterCell("261041", WasNumeric: true), row[RosterColumn.Postcode]);
    }

    [Theory]
    [InlineData(1.5, "1.5")]
    [InlineData(0.1 + 0.2, "0.3")]
    [InlineData(-42d, "-42")]
    [InlineData(123456789012.5, "1.23457E+11")]
    [InlineData(1e15, "1E+15")]
    public void Other_numbers_follow_excels_general_format(double value, string shown)
    {
        Assert.Equal(new RosterCell(shown, WasNumeric: true), ReadOne(new RosterBuilderLine { Address = value })[RosterColumn.Address]);
    }

    [Fact]
    public void A_date_cell_reads_as_yyyy_MM_dd()
    {
        var row = ReadOne(new RosterBuilderLine { BirthDate = new DateTime(1990, 1, 31) });

        Assert.Equal("1990-01-31", row[RosterColumn.BirthDate].Text);
    }

    [Fact]
    public void Booleans_read_as_excel_shows_them()
    {
        var row = ReadOne(new RosterBuilderLine { Sex = true, Ethnicity = false });

        Assert.Equal("TRUE", row[RosterColumn.Sex].Text);
        Assert.Equal("FALSE", row[RosterColumn.Ethnicity].Text);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Text_is_trimmed_of_surrounding_whitespace_only(bool inlineStrings)
    {
        var row = ReadOne(new RosterBuilderLine { Name = " \t阿依古丽•买买提\u3000", Address = "  潍坊市 奎文区  " }, inlineStrings);

        Assert.Equal(new RosterCell("阿依古丽•买买提"), row[RosterColumn.Name]);
        Assert.Equal("潍坊市 奎文区", row[RosterColumn.Address].Text);
    }

    [Fact]
    public void A_whitespace_only_cell_is_blank()
    {
        Assert.True(ReadOne(new RosterBuilderLine { Phone = "   " })[RosterColumn.Phone].IsBlank);
    }

    [Fact]
    public void Text_that_looks_like_a_number_stays_text()
    {
        var row = ReadOne(new RosterBuilderLine { IdNumber = Ids.MaleConst, Postcode = "061000" });

        Assert.Equal(new RosterCell(Ids.MaleConst), row[RosterColumn.IdNumber]);
        Assert.Equal("061000", row[RosterColumn.Postcode].Text);
    }

    [Fact]
    public void Extension_b_characters_survive()
    {
        Assert.Equal("𠮷野家", ReadOne(new RosterBuilderLine { Name = "𠮷野家" })[RosterColumn.Name].Text);
    }

    [Fact]
    public void Blank_rows_are_dropped_and_row_numbers_are_the_sheets()
    {
        // Header on row 3 (two empty rows above), data on 4 and 6, styled empty rows 7–36 after them.
        var builder = new RosterBuilder(headerRow: 3) { TrailingStyledRows = 30 };
        builder.Add(RosterBuilderLine.Person("赵一", 1)).Skip().Add(RosterBuilderLine.Person("钱二", 2));

        var rows = Rows(Read(builder.ToXlsx(), "花名册.xlsx"));

        Assert.Equal([4, 6], rows.Select(r => r.RowNumber));
        Assert.Equal(["赵一", "钱二"], rows.Select(r => r[RosterColumn.Name].Text));
    }

    [Fact]
    public void A_row_with_only_empty_strings_is_blank()
    {
        var builder = new RosterBuilder();
        builder.Add(new RosterBuilderLine()).AddRaw("", " ", "", "", "", "", "", "", "", "", "", "", "").Add(new RosterBuilderLine());

        Assert.Equal([2, 4], Rows(Read(builder.ToXlsx(), "花名册.xlsx")).Select(r => r.RowNumber));
    }

    [Fact]
    public void Columns_are_found_by_header_wherever_they_are()
    {
        var headers = RosterTemplate.Columns.Select(c => c.Header).Reverse().ToList();
        var builder = new RosterBuilder(headers).Add(new RosterBuilderLine { ClassOrDepartment = "三年级二班", PersonalNumber = "P001" });

        var row = Assert.Single(Rows(Read(builder.ToXlsx(), "花名册.xlsx")));

        Assert.Equal("张三", row[RosterColumn.Name].Text);
        Assert.Equal("三年级二班", row[RosterColumn.ClassOrDepartment].Text);
        Assert.Equal("P001", row[RosterColumn.PersonalNumber].Text);
        Assert.Equal(Ids.MaleConst, row[RosterColumn.IdNumber].Text);
    }

    [Fact]
    public void Cells_under_a_blank_header_are_ignored()
    {
        // A note typed to the right of the table: not roster data, and a row holding only a note is no person.
        var headers = RosterTemplate.Columns.Select(c => c.Header).Append("").ToList();
        var builder = new RosterBuilder(headers);
        builder.Add(new RosterBuilderLine());
        builder.AddRaw([.. Enumerable.Repeat<object?>(null, RosterTemplate.Columns.Count), "备注：下周补充"]);

        var rows = Rows(Read(builder.ToXlsx(), "花名册.xlsx"));

        Assert.Single(rows);
        Assert.Equal(RosterTemplate.Columns.Count, rows[0].Cells.Length);
    }

    [Fact]
    public void The_sheet_named_like_the_template_is_read_even_when_not_first()
    {
        var builder = new RosterBuilder { SheetBefore = RosterTemplate.InstructionsSheetName };
        builder.Add(new RosterBuilderLine());

        Assert.Equal("张三", Assert.Single(Rows(Read(builder.ToXlsx(), "花名册.xlsx")))[RosterColumn.Name].Text);
    }

    [Fact]
    public void Without_the_template_sheet_name_the_first_sheet_is_read()
    {
        var builder = new RosterBuilder { SheetName = "Sheet1", VersionInListsSheet = RosterTemplate.Version };
        builder.Add(new RosterBuilderLine());

        var result = Read(builder.ToXlsx(), "花名册.xlsx");

        Assert.Single(Rows(result));
        Assert.Equal(RosterTemplate.Version, result.TemplateVersion);
    }

    public static TheoryData<string, bool> CsvEncodings => new()
    {
        { "utf-8", false },
        { "utf-8", true },
        { "gb18030", false },
        { "utf-16", true },
    };

    [Theory]
    [MemberData(nameof(CsvEncodings))]
    public void Csv_is_read_in_utf8_with_or_without_bom_gb18030_and_utf16(string encodingName, bool byteOrderMark)
    {
        _ = new RosterReader(); // registers the code pages that provide GB18030
        var encoding = Encoding.GetEncoding(encodingName);
        var builder = new RosterBuilder();
        builder.Add(new RosterBuilderLine { Name = "欧阳娜娜", Address = "山东省潍坊市奎文区胜利东街1号" }).Add(new RosterBuilderLine { Name = "阿依古丽·买买提" });

        var result = Read(builder.ToCsv(encoding, byteOrderMark), "花名册.csv");

        var rows = Rows(result);
        Assert.Equal(RosterFormat.Csv, result.Format);
        Assert.Null(result.TemplateVersion);
        Assert.Equal(["欧阳娜娜", "阿依古丽·买买提"], rows.Select(r => r[RosterColumn.Name].Text));
        Assert.Equal("山东省潍坊市奎文区胜利东街1号", rows[0][RosterColumn.Address].Text);
        Assert.Equal(Ids.MaleConst, rows[0][RosterColumn.IdNumber].Text);
        Assert.False(rows[0][RosterColumn.IdNumber].WasNumeric);
    }

    [Fact]
    public void Gbk_bytes_written_by_chinese_excel_are_decoded()
    {
        _ = new RosterReader();
        var header = string.Join(',', RosterTemplate.Columns.Select(c => c.Header));
        var line = $",,,,王小明,{Ids.MaleConst},男,1990-01-01,汉族,13912345678,261041,潍坊市奎文区,";
        var gbk = Encoding.GetEncoding(936).GetBytes(header + "\r\n" + line + "\r\n");

        var row = Assert.Single(Rows(Read(gbk, "花名册.csv")));

        Assert.Equal("王小明", row[RosterColumn.Name].Text);
        Assert.Equal("潍坊市奎文区", row[RosterColumn.Address].Text);
    }

    [Fact]
    public void Csv_quotes_commas_line_breaks_and_blank_lines_follow_rfc_4180()
    {
        var header = string.Join(',', RosterTemplate.Columns.Select(c => c.Header));
        var csv = header + "\n"
            + $",,,,\"张三\",{Ids.MaleConst},男,1990-01-01,汉族,13912345678,261041,\"潍坊市,奎文区\"\"东\"\"街\",\n"
            + "\n"
            + $",,,,李四,{Ids.FemaleConst},女,,汉族,13912345678,261041,\"第一行\r\n第二行\",\r\n"
            + $",,,,王五,{Ids.MaleConst},男,,汉族,13912345678,261041,地址";

        var rows = Rows(Read(Encoding.UTF8.GetBytes(csv), "花名册.csv"));

        Assert.Equal([2, 4, 5], rows.Select(r => r.RowNumber));
        Assert.Equal("潍坊市,奎文区\"东\"街", rows[0][RosterColumn.Address].Text);
        Assert.Equal("第一行\r\n第二行", rows[1][RosterColumn.Address].Text);
        Assert.True(rows[1][RosterColumn.BirthDate].IsBlank);
        Assert.Equal("地址", rows[2][RosterColumn.Address].Text);
    }

    [Fact]
    public void Csv_rows_shorter_than_the_header_have_blank_cells()
    {
        var header = string.Join(',', RosterTemplate.Columns.Select(c => c.Header));
        var csv = header + "\r\n,,,,张三," + Ids.MaleConst + "\r\n";

        var row = Assert.Single(Rows(Read(Encoding.UTF8.GetBytes(csv), "花名册.csv")));

        Assert.Equal("张三", row[RosterColumn.Name].Text);
        Assert.True(row[RosterColumn.Address].IsBlank);
    }

    [Fact]
    public void A_csv_saved_after_excel_mangled_an_id_keeps_the_mangled_text()
    {
        var csv = new RosterBuilder().Add(new RosterBuilderLine { IdNumber = "4.30111E+17" }).ToCsv(Encoding.UTF8, byteOrderMark: false);

        Assert.Equal(new RosterCell("4.30111E+17"), Assert.Single(Rows(Read(csv, "花名册.csv")))[RosterColumn.IdNumber]);
    }
}
