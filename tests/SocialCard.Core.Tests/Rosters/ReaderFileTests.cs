using System.Text;
using ExcelDataReader;
using SocialCard.Core.Rosters;
using SocialCard.Core.Validation;
using static SocialCard.Core.Tests.Rosters.ReaderTestSupport;

namespace SocialCard.Core.Tests.Rosters;

/// <summary>The file-level codes: FILE_UNREADABLE, FILE_TOO_LARGE, FILE_EMPTY, FILE_TEMPLATE_UNRECOGNIZED.</summary>
public class ReaderFileTests
{
    private static byte[] ValidXlsx(int rows = 2)
    {
        var builder = new RosterBuilder();
        for (var i = 0; i < rows; i++)
        {
            builder.Add(new RosterBuilderLine());
        }

        return builder.ToXlsx();
    }

    [Fact]
    public void A_template_workbook_reads()
    {
        var result = Read(ValidXlsx(), "花名册.xlsx");

        Assert.Equal(RosterFormat.Xlsx, result.Format);
        Assert.Equal(2, Rows(result).Count);
    }

    [Theory]
    [InlineData("花名册.xlsm")]
    [InlineData("花名册.xlsb")]
    [InlineData("花名册.et")]
    [InlineData("花名册.pdf")]
    [InlineData("花名册")]
    public void Other_extensions_are_refused_saying_what_to_upload(string fileName)
    {
        var result = Read(ValidXlsx(), fileName);

        var message = FileFinding(result, RuleCodes.FileUnreadable);
        Assert.Contains("请上传 .xlsx、.xls 或 .csv 格式的花名册文件", message);
        Assert.Null(result.Format);
    }

    [Fact]
    public void A_macro_extension_says_macros_are_not_accepted()
    {
        Assert.Contains("启用宏", FileFinding(Read(ValidXlsx(), "a.XLSM"), RuleCodes.FileUnreadable));
    }

    [Theory]
    [InlineData("ROSTER.XLSX")]
    [InlineData("花名册.xlsx ")]
    [InlineData(@"C:\资料.2024\花名册.xlsx")]
    public void The_extension_is_found_in_names_browsers_send(string fileName)
    {
        Assert.Equal(2, Rows(Read(ValidXlsx(), fileName)).Count);
    }

    [Fact]
    public void A_windows_path_without_extension_is_refused()
    {
        Assert.Contains("无扩展名", FileFinding(Read(ValidXlsx(), @"C:\资料.2024\花名册"), RuleCodes.FileUnreadable));
    }

    [Fact]
    public void Text_that_is_not_a_spreadsheet_is_unreadable()
    {
        var message = FileFinding(Read(Encoding.UTF8.GetBytes("这不是表格"), "花名册.xlsx"), RuleCodes.FileUnreadable);
        Assert.Contains(".xlsx", message);
    }

    [Fact]
    public void A_photo_renamed_to_xlsx_is_unreadable()
    {
        FileFinding(Read(RosterBuilderHostile.Png, "照片.xlsx"), RuleCodes.FileUnreadable);
    }

    [Fact]
    public void A_photo_renamed_to_csv_is_unreadable()
    {
        Assert.Contains("不是文本格式", FileFinding(Read(RosterBuilderHostile.Png, "照片.csv"), RuleCodes.FileUnreadable));
    }

    [Fact]
    public void An_empty_upload_named_xlsx_is_unreadable()
    {
        FileFinding(Read([], "花名册.xlsx"), RuleCodes.FileUnreadable);
    }

    [Fact]
    public void A_truncated_workbook_is_unreadable()
    {
        var xlsx = ValidXlsx();
        Assert.Contains("损坏", FileFinding(Read(xlsx[..(xlsx.Length / 2)], "花名册.xlsx"), RuleCodes.FileUnreadable));
    }

    [Fact]
    public void A_word_document_renamed_to_xlsx_is_unreadable()
    {
        FileFinding(Read(RosterBuilderHostile.WordDocument(), "花名册.xlsx"), RuleCodes.FileUnreadable);
    }

    [Theory]
    [InlineData("花名册.xls", "压缩包或 .xlsx")]
    [InlineData("花名册.csv", "压缩包或 .xlsx")]
    public void An_xlsx_under_another_extension_is_refused_as_a_mismatch(string fileName, string actual)
    {
        var message = FileFinding(Read(ValidXlsx(), fileName), RuleCodes.FileUnreadable);
        Assert.Contains("不符", message);
        Assert.Contains(actual, message);
    }

    [Fact]
    public void An_xls_renamed_to_xlsx_is_refused_as_a_mismatch()
    {
        byte[] ole = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, .. new byte[1016]];

        Assert.Contains("旧版 .xls", FileFinding(Read(ole, "花名册.xlsx"), RuleCodes.FileUnreadable));
    }

    [Fact]
    public void Text_named_xls_is_unreadable()
    {
        FileFinding(Read(Encoding.UTF8.GetBytes("<html><table><tr><td>姓名</td></tr></table></html>"), "导出.xls"), RuleCodes.FileUnreadable);
    }

    [Theory]
    [InlineData("花名册.xlsx")]
    [InlineData("花名册.xls")]
    public void A_password_protected_workbook_asks_to_remove_the_password(string fileName)
    {
        var message = FileFinding(Read(RosterBuilderHostile.EncryptedOle(), fileName), RuleCodes.FileUnreadable);
        Assert.StartsWith("文件设置了密码，请取消密码后重新上传", message);
    }

    [Fact]
    public void A_workbook_with_a_vba_project_is_a_macro_workbook()
    {
        var xlsm = RosterBuilderHostile.WithEntry(ValidXlsx(), "xl/vbaProject.bin", [1, 2, 3]);

        Assert.Contains("宏", FileFinding(Read(xlsm, "花名册.xlsx"), RuleCodes.FileUnreadable));
    }

    [Fact]
    public void A_renamed_xlsm_is_recognised_by_its_content_type()
    {
        var xlsm = RosterBuilderHostile.WithPartText(ValidXlsx(), "[Content_Types].xml", text => Replacing(
            text,
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
            "application/vnd.ms-excel.sheet.macroEnabled.main+xml"));

        Assert.Contains("宏", FileFinding(Read(xlsm, "花名册.xlsx"), RuleCodes.FileUnreadable));
    }

    [Fact]
    public void A_zip_bomb_is_refused_by_its_compression_ratio()
    {
        var bomb = RosterBuilderHostile.ZipBomb(megabytes: 40);
        Assert.True(bomb.Length < 200 * 1024, $"the bomb should be small, is {bomb.Length} bytes");

        Assert.Contains("解压后过大", FileFinding(Read(bomb, "花名册.xlsx"), RuleCodes.FileUnreadable));
    }

    [Fact]
    public void A_zip_that_inflates_past_fifty_times_the_byte_limit_is_refused()
    {
        // 7 entries of 900 KB, each under the size from which ratios are checked, 6.3 MB in all: more than 50 × 100 KB.
        var zip = RosterBuilderHostile.ManyMidSizeEntries(megabytes: 6);
        var limits = ReaderTestSupport.Limits with { MaxBytes = 100 * 1024 };
        Assert.True(zip.Length < limits.MaxBytes);

        Assert.Contains("解压后过大", FileFinding(Read(zip, "花名册.xlsx", limits), RuleCodes.FileUnreadable));
    }

    [Fact]
    public void A_zip_with_thousands_of_entries_is_refused()
    {
        FileFinding(Read(RosterBuilderHostile.ManyEntries(1500), "花名册.xlsx"), RuleCodes.FileUnreadable);
    }

    [Theory]
    [InlineData("xl/worksheets/")]
    [InlineData("xl/sharedStrings")]
    [InlineData("docProps/")]
    public void A_document_type_definition_in_any_part_is_refused(string partPrefix)
    {
        const string entityBomb = "<!DOCTYPE lol [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">]>";
        var xlsx = new RosterBuilder { VersionProperty = RosterTemplate.Version }.Add(new RosterBuilderLine()).ToXlsx();
        var part = EntryName(xlsx, n => n.StartsWith(partPrefix, StringComparison.Ordinal));
        var hostile = RosterBuilderHostile.WithPartText(xlsx, part, text => InsertBeforeRoot(text, entityBomb));

        Assert.Contains("文档类型定义", FileFinding(Read(hostile, "花名册.xlsx"), RuleCodes.FileUnreadable));
    }

    [Fact]
    public void ExcelDataReader_itself_prohibits_document_type_definitions()
    {
        // Defence in depth: the package check refuses DTDs first, and the parser would not expand them either.
        var xlsx = ValidXlsx();
        var sheet = EntryName(xlsx, n => n.StartsWith("xl/worksheets/", StringComparison.Ordinal));
        var hostile = RosterBuilderHostile.WithPartText(xlsx, sheet, text => InsertBeforeRoot(text, "<!DOCTYPE x [<!ENTITY a \"b\">]>"));
        _ = new RosterReader(); // registers the code pages ExcelDataReader needs

        Assert.Throws<System.Xml.XmlException>(() =>
        {
            using var reader = ExcelReaderFactory.CreateOpenXmlReader(new MemoryStream(hostile));
            while (reader.Read())
            {
            }
        });
    }

    [Fact]
    public void A_file_over_the_byte_limit_is_too_large_and_says_the_limit()
    {
        var xlsx = ValidXlsx();
        var limits = ReaderTestSupport.Limits with { MaxBytes = 1024 };

        var message = FileFinding(Read(xlsx, "花名册.xlsx", limits), RuleCodes.FileTooLarge);
        Assert.Contains("1 KB", message);
        Assert.Contains("拆分", message);
    }

    [Theory]
    [InlineData("花名册.xlsx")]
    [InlineData("花名册.csv")]
    public void More_rows_than_the_limit_are_too_large_and_say_the_limit(string fileName)
    {
        var builder = new RosterBuilder();
        for (var i = 0; i < 4; i++)
        {
            builder.Add(new RosterBuilderLine()).Skip();
        }

        var bytes = fileName.EndsWith(".csv", StringComparison.Ordinal) ? builder.ToCsv(Encoding.UTF8, byteOrderMark: true) : builder.ToXlsx();

        Assert.Contains("3行", FileFinding(Read(bytes, fileName, ReaderTestSupport.Limits with { MaxRows = 3 }), RuleCodes.FileTooLarge));
        Assert.Equal(4, Rows(Read(bytes, fileName, ReaderTestSupport.Limits with { MaxRows = 4 })).Count);
    }

    [Fact]
    public void A_header_without_rows_is_empty()
    {
        Assert.Contains("没有人员数据", FileFinding(Read(new RosterBuilder().ToXlsx(), "花名册.xlsx"), RuleCodes.FileEmpty));
    }

    [Fact]
    public void A_header_followed_only_by_styled_blank_rows_is_empty()
    {
        FileFinding(Read(new RosterBuilder { TrailingStyledRows = 50 }.ToXlsx(), "花名册.xlsx"), RuleCodes.FileEmpty);
    }

    [Fact]
    public void A_sheet_without_any_cell_is_empty()
    {
        FileFinding(Read(new RosterBuilder(headers: []).ToXlsx(), "花名册.xlsx"), RuleCodes.FileEmpty);
    }

    [Theory]
    [InlineData(new byte[0])]
    [InlineData(new byte[] { 0xEF, 0xBB, 0xBF, 0x0D, 0x0A, 0x0D, 0x0A })]
    public void An_empty_csv_is_empty(byte[] bytes)
    {
        FileFinding(Read(bytes, "花名册.csv"), RuleCodes.FileEmpty);
    }

    [Fact]
    public void A_csv_with_only_a_header_is_empty()
    {
        FileFinding(Read(new RosterBuilder().ToCsv(Encoding.UTF8, byteOrderMark: false), "花名册.csv"), RuleCodes.FileEmpty);
    }

    [Fact]
    public void A_foreign_header_names_the_missing_and_the_unknown_columns()
    {
        var headers = RosterTemplate.Columns.Select(c => c.Header).Where(h => h is not ("身份证号码" or "性别")).Append("备注");
        var xlsx = new RosterBuilder(headers).Add(new RosterBuilderLine()).ToXlsx();

        var message = FileFinding(Read(xlsx, "花名册.xlsx"), RuleCodes.FileTemplateUnrecognized);
        Assert.Contains("缺少“身份证号码”“性别”", message);
        Assert.Contains("“备注”", message);
        Assert.Contains("重新下载模板", message);
        Assert.Contains("不要增加、删除或改名", message);
    }

    [Fact]
    public void A_repeated_header_is_named()
    {
        var headers = RosterTemplate.Columns.Select(c => c.Header).Append("姓名");
        var csv = new RosterBuilder(headers).Add(new RosterBuilderLine()).ToCsv(Encoding.UTF8, byteOrderMark: false);

        Assert.Contains("重复的“姓名”", FileFinding(Read(csv, "花名册.csv"), RuleCodes.FileTemplateUnrecognized));
    }

    [Fact]
    public void A_title_row_above_the_header_is_not_the_template()
    {
        var xlsx = new RosterBuilder(headerRow: 2).Add(new RosterBuilderLine()).ToXlsx();
        var withTitle = RosterBuilderHostile.WithPartText(
            xlsx,
            EntryName(xlsx, n => n.StartsWith("xl/worksheets/", StringComparison.Ordinal)),
            text => Replacing(text, "<sheetData>", "<sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>社保卡信息采集表</t></is></c></row>"));

        var message = FileFinding(Read(withTitle, "花名册.xlsx"), RuleCodes.FileTemplateUnrecognized);
        Assert.Contains("社保卡信息采集表", message);
        Assert.Contains("缺少“姓名”", message);
    }

    [Fact]
    public void Only_the_required_columns_are_enough()
    {
        var required = new[] { "姓名", "身份证号码", "性别", "出生日期", "民族", "联系电话", "邮政编码", "常住地址" };
        var rows = Rows(Read(new RosterBuilder(required).Add(new RosterBuilderLine()).ToXlsx(), "花名册.xlsx"));

        Assert.Equal("张三", Assert.Single(rows)[RosterColumn.Name].Text);
        Assert.True(rows[0][RosterColumn.PersonalNumber].IsBlank);
    }

    [Theory]
    [InlineData("SOCIALCARD-ROSTER-0", null)]
    [InlineData(null, "SOCIALCARD-ROSTER-0")]
    [InlineData("SOCIALCARD-ROSTER-0", RosterTemplate.Version)]
    [InlineData(RosterTemplate.Version, "旧模板")]
    public void An_outdated_template_marker_asks_for_the_new_template(string? inListsSheet, string? property)
    {
        var xlsx = new RosterBuilder { VersionInListsSheet = inListsSheet, VersionProperty = property }.Add(new RosterBuilderLine()).ToXlsx();

        var result = Read(xlsx, "花名册.xlsx");

        Assert.Contains("模板版本已过期", FileFinding(result, RuleCodes.FileTemplateUnrecognized));
        Assert.Contains("请重新下载模板", result.FileFindings[0].Finding.Message);
        Assert.NotEqual(RosterTemplate.Version, result.TemplateVersion);
    }

    [Fact]
    public void The_current_template_marker_is_reported()
    {
        var xlsx = new RosterBuilder { VersionInListsSheet = RosterTemplate.Version, VersionProperty = RosterTemplate.Version }
            .Add(new RosterBuilderLine()).ToXlsx();

        var result = Read(xlsx, "花名册.xlsx");

        Assert.Single(Rows(result));
        Assert.Equal(RosterTemplate.Version, result.TemplateVersion);
    }

    [Fact]
    public void Either_marker_alone_is_reported()
    {
        Assert.Equal(RosterTemplate.Version, Read(new RosterBuilder { VersionInListsSheet = RosterTemplate.Version }.Add(new RosterBuilderLine()).ToXlsx(), "a.xlsx").TemplateVersion);
        Assert.Equal(RosterTemplate.Version, Read(new RosterBuilder { VersionProperty = RosterTemplate.Version }.Add(new RosterBuilderLine()).ToXlsx(), "a.xlsx").TemplateVersion);
    }

    [Fact]
    public void Without_a_marker_matching_headers_are_enough()
    {
        var result = Read(ValidXlsx(), "花名册.xlsx");

        Assert.Null(result.TemplateVersion);
        Assert.Equal(2, Rows(result).Count);
    }

    [Fact]
    public void Another_regions_code_list_sheet_is_not_a_marker()
    {
        var result = Read(new RosterBuilder { VersionInListsSheet = "民族代码" }.Add(new RosterBuilderLine()).ToXlsx(), "花名册.xlsx");

        Assert.Null(result.TemplateVersion);
        Assert.Single(Rows(result));
    }

    [Fact]
    public void Row_numbers_beyond_excels_last_row_are_refused_before_reading()
    {
        var xlsx = new RosterBuilder().Add(new RosterBuilderLine()).ToXlsx();
        var sheet = EntryName(xlsx, n => n.StartsWith("xl/worksheets/", StringComparison.Ordinal));
        var hostile = RosterBuilderHostile.WithPartText(xlsx, sheet, text => Replacing(
            text, "</sheetData>", "<row r=\"1048577\"><c r=\"A1048577\"><v>1</v></c></row></sheetData>"));

        Assert.Contains("1,048,576", FileFinding(Read(hostile, "花名册.xlsx"), RuleCodes.FileUnreadable));
    }

    private static string InsertBeforeRoot(string xml, string doctype)
    {
        // After the XML declaration, before the root element.
        var declarationEnd = xml.StartsWith("<?xml", StringComparison.Ordinal) ? xml.IndexOf("?>", StringComparison.Ordinal) + 2 : 0;
        return xml[..declarationEnd] + doctype + xml[declarationEnd..];
    }
}
