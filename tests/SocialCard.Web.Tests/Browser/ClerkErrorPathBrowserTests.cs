using System.Text;
using Microsoft.Playwright;
using SocialCard.Web.Tests.Infrastructure;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace SocialCard.Web.Tests.Browser;

/// <summary>
/// The clerk's error paths in Chromium with JavaScript on (the upload form is then sent by upload.js): every refusal
/// of an upload is shown (a roster over the size limit on the check page, as a recorded refused upload); deleting one of two rows with one ID number leaves the other clean; deleting and declaring
/// ask first, and the question before 申报 names the same-name persons to check. Screenshots at 1366×768.
/// </summary>
[Trait("Category", "Browser")]
public sealed class ClerkErrorPathBrowserTests(ITestOutputHelper output)
{
    private const string Header = "姓名,身份证号码,性别,出生日期,民族,联系电话,邮政编码,常住地址\r\n";

    [Fact(Timeout = 240_000)]
    public async Task Every_upload_refusal_is_shown_with_JavaScript_on_and_the_batch_stays_empty()
    {
        await using var factory = new ConfiguredKestrelPortalFactory(new Dictionary<string, string?> { ["Rosters:MaxBytes"] = "4096", ["Photos:MaxUploadMegabytes"] = "1" });
        var baseAddress = factory.Start();
        var unit = await TestData.CreateUnitWithClerkAsync(factory);
        await using var browser = await BrowserSession.StartAsync(baseAddress);
        var page = browser.Page;
        await browser.SignInAsync(unit.Number, TestData.Password);
        var batchUrl = await NewBatchAsync(page, "出错的上传");

        // A zip that is not a zip.
        await page.SetInputFilesAsync("#photos", new FilePayload { Name = "坏的照片.zip", MimeType = "application/zip", Buffer = Encoding.ASCII.GetBytes("PK\u0003\u0004 this is not really a zip archive") });
        await page.GetByRole(AriaRole.Button, new() { Name = "上传照片" }).ClickAsync();
        await Expect(page.Locator("[role=alert]")).ToContainTextAsync("坏的照片.zip：");
        Assert.Equal(batchUrl, page.Url);
        await browser.ScreenshotAsync("clerk-refused-zip.png");

        // A photo archive over Photos:MaxUploadMegabytes: refused in the page before anything is sent.
        await page.SetInputFilesAsync("#photos", new FilePayload { Name = "全校照片.zip", MimeType = "application/zip", Buffer = new byte[1_600_000] });
        await page.GetByRole(AriaRole.Button, new() { Name = "上传照片" }).ClickAsync();
        await Expect(page.Locator("form[action*='UploadPhotos'] [role=alert]")).ToContainTextAsync("一次上传不能超过 1 MB");
        await browser.ScreenshotAsync("clerk-refused-photo-limit.png");
        await page.GotoAsync(batchUrl);

        // A roster over Rosters:MaxBytes but within what the portal receives (twice that): sent with the progress
        // bar, recorded as a refused upload (FILE_TOO_LARGE), and the refusal shown on the check page it leads to.
        var big = Csv(Enumerable.Range(0, 50).Select(i => ($"测试{i}", Ids.Make(year: 1961), "男")));
        Assert.InRange(big.Length, 4097, 8192);
        await page.SetInputFilesAsync("#roster", new FilePayload { Name = "大花名册.csv", MimeType = "text/csv", Buffer = big });
        await page.GetByRole(AriaRole.Button, new() { Name = "上传并检查" }).ClickAsync();
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/Unit/Batches/Check/[0-9]+\\?upload="));
        await Expect(page.Locator("#upload-summary [role=alert]")).ToContainTextAsync("文件未能导入，批次未作任何改动。");
        await Expect(page.Locator("#file-findings")).ToContainTextAsync("超过了4 KB的上限：请拆分成几个文件分别上传");
        await Expect(page.Locator("#file-findings")).ToContainTextAsync("FILE_TOO_LARGE");
        await browser.ScreenshotAsync("clerk-refused-oversize.png");
        await page.GotoAsync(batchUrl);

        // A roster beyond what the portal receives: refused in the page before it is sent.
        var huge = Csv(Enumerable.Range(0, 120).Select(i => ($"测试{i}", Ids.Make(year: 1961), "男")));
        Assert.True(huge.Length > 8192);
        await page.SetInputFilesAsync("#roster", new FilePayload { Name = "全部花名册.csv", MimeType = "text/csv", Buffer = huge });
        await page.GetByRole(AriaRole.Button, new() { Name = "上传并检查" }).ClickAsync();
        await Expect(page.Locator("form[action*='handler=Upload'] [role=alert]").First).ToContainTextAsync("文件太大（超过 8 KB），上限为 4 KB");
        Assert.Equal(batchUrl, page.Url);
        await browser.ScreenshotAsync("clerk-refused-oversize-unsent.png");
        await page.GotoAsync(batchUrl);

        // A file that is not the template.
        await page.SetInputFilesAsync("#roster", new FilePayload { Name = "工资表.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes("工号,月份,应发工资\r\n1,2026-11,5000\r\n") });
        await page.GetByRole(AriaRole.Button, new() { Name = "上传并检查" }).ClickAsync();
        await Expect(page.Locator("body")).ToContainTextAsync("请重新下载模板");
        await browser.ScreenshotAsync("clerk-refused-template.png");

        await page.GotoAsync(batchUrl);
        await Expect(page.Locator(".facts")).ToContainTextAsync("0 人");
        Assert.Empty(browser.Problems);
    }

    [Fact(Timeout = 240_000)]
    public async Task Deleting_one_of_two_rows_with_one_ID_leaves_the_other_clean_and_declaring_asks_first()
    {
        await using var factory = new KestrelPortalFactory();
        var baseAddress = factory.Start();
        var unit = await TestData.CreateUnitWithClerkAsync(factory);
        await using var browser = await BrowserSession.StartAsync(baseAddress);
        var page = browser.Page;
        await browser.SignInAsync(unit.Number, TestData.Password);
        var batchUrl = await NewBatchAsync(page, "重复号码");

        var twice = Ids.Make(year: 1962);
        var roster = Csv([("张伟", twice, "男"), ("张卫", twice, "男"), ("李娜", Ids.Make(year: 1962, male: false), "女"), ("李娜", Ids.Make(year: 1963, male: false), "女")]);
        await page.SetInputFilesAsync("#roster", new FilePayload { Name = "花名册.csv", MimeType = "text/csv", Buffer = roster });
        await page.GetByRole(AriaRole.Button, new() { Name = "上传并检查" }).ClickAsync();
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/Unit/Batches/Check/"));
        await Expect(page.Locator("#check-grid")).ToContainTextAsync("DUPLICATE_ID_IN_FILE");

        // Declaring is refused while the duplicate stands.
        await page.GotoAsync(batchUrl);
        await page.GetByRole(AriaRole.Button, new() { Name = "申报此批次" }).ClickAsync();
        await Expect(page.Locator("[role=alert]")).ToContainTextAsync("仍有错误");

        // Answering 取消 deletes nothing.
        var questions = browser.Dialogs;
        var row = page.Locator("tr", new() { HasText = "张卫" });
        browser.ConfirmDialogs = false;
        await row.GetByRole(AriaRole.Button, new() { Name = "删除 张卫" }).ClickAsync();
        await page.WaitForTimeoutAsync(500);
        await Expect(page.Locator("tr", new() { HasText = "张卫" })).ToHaveCountAsync(1);
        Assert.Contains("确定删除 张卫", questions.Last());
        browser.ConfirmDialogs = true;

        await row.GetByRole(AriaRole.Button, new() { Name = "删除 张卫" }).ClickAsync();
        await Expect(page.Locator("[role=status]")).ToContainTextAsync("已删除 张卫");
        Assert.Contains("确定删除 张卫", questions.Last());

        // The other holder of the number is clean now, without being opened and saved.
        await page.GotoAsync(batchUrl.Replace("/Details/", "/Check/", StringComparison.Ordinal));
        await Expect(page.Locator("#check-grid")).Not.ToContainTextAsync("DUPLICATE_ID_IN_FILE");
        await browser.ScreenshotAsync("clerk-duplicate-deleted.png");

        // 申报 asks first and names the namesakes to check.
        await page.GotoAsync(batchUrl);
        await page.GetByRole(AriaRole.Button, new() { Name = "申报此批次" }).ClickAsync();
        await Expect(page.Locator("[role=status]")).ToContainTextAsync("批次已申报");
        Assert.Contains("尤其是重名的人员", questions.Last());
        Assert.Contains("李娜（2人）", questions.Last());
        await browser.ScreenshotAsync("clerk-declared.png");
        Assert.Empty(browser.Problems);
        output.WriteLine(string.Join("\n", questions));
    }

    private static async Task<string> NewBatchAsync(IPage page, string title)
    {
        await page.GotoAsync("/Unit");
        await page.GetByLabel("批次名称").FillAsync(title);
        await page.GetByRole(AriaRole.Button, new() { Name = "新建批次" }).ClickAsync();
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/Unit/Batches/Details/[0-9]+$"));
        return page.Url;
    }

    private static byte[] Csv(IEnumerable<(string Name, string Id, string Sex)> rows)
    {
        var text = new StringBuilder(Header);
        foreach (var (name, id, sex) in rows)
        {
            text.Append($"{name},{id},{sex},{id[6..10]}-{id[10..12]}-{id[12..14]},01,13912345678,261041,潍坊市奎文区示例路8号\r\n");
        }

        return Encoding.UTF8.GetBytes(text.ToString());
    }
}
