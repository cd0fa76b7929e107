using SocialCard.Core.Documents;

namespace SocialCard.Core.Tests.Documents;

public class DocumentPdfTests
{
    [Fact]
    public void Summary_table_with_70_rows_fills_several_pages_with_repeated_headers_and_totals()
    {
        var table = DocumentSamples.Table(70);
        var pdf = Write(s => SummaryTablePdf.Write(s, table));

        var pages = (70 + SummaryTablePdf.RowsPerPage - 1) / SummaryTablePdf.RowsPerPage;
        Assert.True(pages >= 2);
        Assert.Equal(pages, Poppler.RenderPageCount(pdf));
        var text = Poppler.Text(pdf);
        Assert.Equal(pages, Count(text, SummaryTablePdf.Title));
        Assert.Equal(pages, Count(text, "公民身份号码"));
        Assert.Contains($"第 1 页 / 共 {pages} 页", text);
        Assert.Contains($"合计 70 人", text);
        Assert.Contains("校验码 " + BatchDigest.Format(table.Digest), text);
        Assert.Contains("单位名称（盖章）", text);
        Assert.Contains(table.Rows[0].IdNumber, text); // full ID numbers on the sealed table
        Assert.Contains("刘䶮", text);
        Assert.Contains("阿依古丽·买买提", text);
    }

    [Fact]
    public void Three_application_forms_give_three_pages_with_photo_and_full_data()
    {
        var forms = Enumerable.Range(0, 3).Select(i => DocumentSamples.Form(i, i == 2 ? null : DocumentSamples.Photo(i))).ToList();
        var pdf = Write(s => ApplicationFormPdf.Write(s, forms));

        Assert.Equal(3, Poppler.RenderPageCount(pdf));
        var text = Poppler.Text(pdf);
        Assert.Equal(3, Count(text, ApplicationFormPdf.Title));
        Assert.Contains("刘䶮", text);
        Assert.Contains(forms[0].IdNumber, text);
        Assert.Contains("本人签字", text);
        Assert.Contains("居民身份证复印件粘贴处", text);
    }

    [Fact]
    public void Confirmation_form_shows_both_ID_numbers_when_a_15_digit_one_exists()
    {
        ConfirmationItem[] items = [new("姓名", "王堃"), new("性别", "男"), new("民族", "汉族"), new("联系电话", null)];
        var forms = new[]
        {
            new ConfirmationForm("王堃", "长沙市某某科技有限公司", items, "430111199001010573", "430111900101057"),
            new ConfirmationForm("李赟", "长沙市某某科技有限公司", items, "430111199001010581"),
        };
        var pdf = Write(s => ConfirmationFormPdf.Write(s, forms));

        Assert.Equal(2, Poppler.RenderPageCount(pdf));
        var text = Poppler.Text(pdf);
        Assert.Contains(ConfirmationFormPdf.Title, text);
        Assert.Contains("430111900101057", text);
        Assert.Contains("430111199001010573", text);
        Assert.Contains("18 位号码", text);
        Assert.Contains("15 位号码", text);
        Assert.Contains("430111199001010581", text);
    }

    [Fact]
    public void Items_the_registry_confirmed_come_ticked_with_dashes_and_the_others_stay_blank()
    {
        ConfirmationItem[] items =
        [
            new("身份证号码", "430111199001010573", MatchedRegistry: true),
            new("姓名", "王堃"),
            new("性别", "男", MatchedRegistry: true),
            new("民族", "汉族", MatchedRegistry: true),
            new("出生日期", "1990-01-01"),
        ];
        var pdf = Write(s => ConfirmationFormPdf.Write(s, [new ConfirmationForm("王堃", "长沙市某某科技有限公司", items, "430111199001010573")]));

        // Three prefilled blanks, plus the instructions that explain them.
        Assert.Equal(3 + 1, Occurrences(Poppler.Text(pdf), "---"));
        var unticked = Write(s => ConfirmationFormPdf.Write(s, [new ConfirmationForm("王堃", "长沙市某某科技有限公司", [.. items.Select(i => i with { MatchedRegistry = false })], "430111199001010573")]));
        Assert.Equal(1, Occurrences(Poppler.Text(unticked), "---"));
    }

    private static int Occurrences(string text, string part) => text.Split(part).Length - 1;

    [Fact]
    public void Name_in_the_primary_font_embeds_no_fallback_font()
    {
        var pdf = Write(s => ApplicationFormPdf.Write(s, [DocumentSamples.Form(5, null)])); // 陈小明
        Assert.DoesNotContain("HanaMin", Poppler.Fonts(pdf));
    }

    [Fact]
    public void Extension_B_character_is_drawn_with_Hanazono()
    {
        var pdf = Write(s => ApplicationFormPdf.Write(s, [DocumentSamples.Form(0, null)])); // 张𠀀
        var fonts = Poppler.Fonts(pdf);
        Assert.Contains("HanaMin", fonts);
        Assert.Contains("AR PL UMing CN", fonts);
        Assert.Contains("张", Poppler.Text(pdf));
    }

    [Fact]
    public void Printed_documents_name_no_AGPL_licence_in_their_metadata()
    {
        // PDFsharp 6.5.0 wrote "PDFsharp 6.5.0 (AGPL license)" as the Producer of every form; 6.2.4 (MIT) does not.
        byte[][] pdfs =
        [
            Write(s => ApplicationFormPdf.Write(s, [DocumentSamples.Form(1, null)])),
            Write(s => SummaryTablePdf.Write(s, DocumentSamples.Table(3))),
            Write(s => ConfirmationFormPdf.Write(s, [new ConfirmationForm("王堃", "长沙市某某科技有限公司", [new("姓名", "王堃")], "430111199001010573")])),
        ];
        foreach (var pdf in pdfs)
        {
            var info = Poppler.Info(pdf).Split('\n');
            var creator = Assert.Single(info, l => l.StartsWith("Creator:", StringComparison.Ordinal));
            var producer = Assert.Single(info, l => l.StartsWith("Producer:", StringComparison.Ordinal));
            Assert.Contains("SocialCard", creator);
            Assert.Contains("PDFsharp", producer);
            Assert.DoesNotContain("AGPL", creator, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("AGPL", producer, StringComparison.OrdinalIgnoreCase);
        }
    }

    private static byte[] Write(Action<Stream> write)
    {
        using var stream = new MemoryStream();
        write(stream);
        return stream.ToArray();
    }

    private static int Count(string text, string part)
    {
        var count = 0;
        for (var i = text.IndexOf(part, StringComparison.Ordinal); i >= 0; i = text.IndexOf(part, i + part.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
