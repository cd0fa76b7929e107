using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SocialCard.Core.Rosters;
using SocialCard.Data;
using SocialCard.Web.Tests.Infrastructure;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace SocialCard.Web.Tests.Browser;

/// <summary>
/// The annotated workbook's round trip as a clerk walks it in Chromium with JavaScript on: upload a roster with
/// errors, download 下载标注了错误的花名册, fix two errors in the workbook and one in the browser, change one person in
/// both places, upload the workbook again. The batch keeps exactly its persons, every fix stands, the conflict is
/// shown and blocks 申报 until the clerk settles it; then the batch declares (issue #9 item 2).
/// </summary>
[Trait("Category", "Browser")]
public sealed class WorkbookRoundTripBrowserTests(ITestOutputHelper output)
{
    private const string GoodPhone = "13912345678";

    [Fact(Timeout = 300_000)]
    public async Task The_annotated_workbook_comes_back_onto_its_own_persons_and_the_conflict_is_settled_in_the_page()
    {
        await using var factory = new KestrelPortalFactory();
        var baseAddress = factory.Start();
        var unit = await TestData.CreateUnitWithClerkAsync(factory);
        await using var browser = await BrowserSession.StartAsync(baseAddress);
        var page = browser.Page;
        await browser.SignInAsync(unit.Number, TestData.Password);

        await page.GotoAsync("/Unit");
        await page.GetByLabel("批次名称").FillAsync("往返");
        await page.GetByRole(AriaRole.Button, new() { Name = "新建批次" }).ClickAsync();
        await page.WaitForURLAsync(new Regex("/Unit/Batches/Details/[0-9]+$"));
        var batchUrl = page.Url;
        var batchId = int.Parse(batchUrl[(batchUrl.LastIndexOf('/') + 1)..], System.Globalization.CultureInfo.InvariantCulture);

        var wang = Ids.Make(year: 1985, month: 1, day: 2, male: false);
        var li = Ids.Make(year: 1986, month: 2, day: 3);
        var zhao18 = Ids.Make(year: 1970, month: 4, day: 5, male: false);
        var zhao15 = zhao18[..6] + zhao18[8..17];
        var chen = Ids.Make(year: 1990, month: 6, day: 7, male: false);
        var template = await DownloadAsync(page, () => page.GetByRole(AriaRole.Link, new() { Name = "下载花名册模板" }).ClickAsync());
        var roster = RosterFiles.Fill(template, new Dictionary<int, Dictionary<RosterColumn, RosterValue>>
        {
            [2] = Row("王芳", wang, "女", "12345", "幸福路1号"),
            [3] = Row("李强", Ids.WithWrongCheck(li), "男", GoodPhone, "幸福路2号"),
            [4] = Row("赵敏", zhao15, "女", GoodPhone, "幸福路3号"),
            [5] = Row("陈静", chen, "女", GoodPhone, "幸福路4号"),
        });
        await UploadAsync(page, "花名册.xlsx", roster);
        await Expect(page.Locator("#check-grid")).ToContainTextAsync("ID_BAD_CHECKSUM");
        var original = await PersonIdsAsync(factory, batchId);
        Assert.Equal(4, original.Count);

        var annotated = await DownloadAsync(page, () => page.GetByRole(AriaRole.Link, new() { Name = "下载标注了错误的花名册" }).ClickAsync());

        // In the browser: 采用18位号码 for 赵敏, a new address for 陈静 (修改 returns to the check page).
        await page.Locator("#check-grid tr", new() { HasText = "赵敏" }).GetByRole(AriaRole.Button, new() { Name = "采用18位号码" }).ClickAsync();
        await Expect(page.Locator("[role=status]")).ToContainTextAsync("已将 赵敏 的身份证号码改为18位");
        await page.Locator("#check-grid tr", new() { HasText = "陈静" }).GetByRole(AriaRole.Link, new() { Name = "修改" }).ClickAsync();
        await page.GetByLabel("常住地址", new() { Exact = true }).FillAsync("网页上改的地址5号");
        await page.GetByRole(AriaRole.Button, new() { Name = "保存", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(new Regex("/Unit/Batches/Check/"));

        // In the workbook: the phone and the ID number that were wrong, and 陈静's phone (changed in both places).
        var fixedWorkbook = RosterFiles.Fill(annotated, new Dictionary<int, Dictionary<RosterColumn, RosterValue>>
        {
            [2] = new() { [RosterColumn.Phone] = GoodPhone },
            [3] = new() { [RosterColumn.IdNumber] = li },
            [5] = new() { [RosterColumn.Phone] = "13700001111" },
        });
        await page.GotoAsync(batchUrl);
        await UploadAsync(page, "花名册-错误标注.xlsx", fixedWorkbook);
        await Expect(page.Locator("#upload-keyed")).ToContainTextAsync("1 行在表格和网页上都改过");
        var conflict = page.Locator("#conflict-rows tbody tr");
        await Expect(conflict).ToHaveCountAsync(1);
        await Expect(conflict).ToContainTextAsync("13700001111");
        await Expect(conflict).ToContainTextAsync("网页上改的地址5号");
        await Expect(page.Locator("#check-grid")).Not.ToContainTextAsync("ID_BAD_CHECKSUM");
        await Expect(page.Locator("#check-grid")).Not.ToContainTextAsync("DUPLICATE_ID_IN_FILE");
        output.WriteLine(await browser.ScreenshotAsync("roundtrip-conflict.png"));
        Assert.Equal(original, await PersonIdsAsync(factory, batchId));

        // 赵敏 kept her 18-digit number although her row still held 15 digits; the grid lists the batch's four.
        await page.GotoAsync(batchUrl);
        await Expect(page.Locator("tr", new() { HasText = "赵敏" })).ToContainTextAsync(zhao18[^4..]);
        await Expect(page.Locator(".facts")).ToContainTextAsync("4 人");

        // An open conflict blocks 申报 with what to do.
        await page.GetByRole(AriaRole.Button, new() { Name = "申报此批次" }).ClickAsync();
        await Expect(page.Locator("[role=alert]")).ToContainTextAsync("上传冲突");
        output.WriteLine(await browser.ScreenshotAsync("roundtrip-declare-refused.png"));

        // 采用表格中的值: the edit form holds the workbook's row, with the notice; saving settles the conflict.
        await page.GotoAsync(batchUrl.Replace("/Details/", "/Check/", StringComparison.Ordinal));
        await page.Locator("#conflict-rows").GetByRole(AriaRole.Link, new() { Name = "采用表格中的值…" }).ClickAsync();
        await Expect(page.Locator("#conflict-notice")).ToBeVisibleAsync();
        await Expect(page.GetByLabel("联系电话", new() { Exact = true })).ToHaveValueAsync("13700001111");
        output.WriteLine(await browser.ScreenshotAsync("roundtrip-take-workbook.png"));
        await page.GetByRole(AriaRole.Button, new() { Name = "保存", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(new Regex("/Unit/Batches/Check/"));
        await Expect(page.Locator("#conflicts")).ToHaveCountAsync(0);

        await page.GotoAsync(batchUrl);
        await page.GetByRole(AriaRole.Button, new() { Name = "申报此批次" }).ClickAsync();
        await Expect(page.Locator("[role=status]")).ToContainTextAsync("批次已申报");
        output.WriteLine(await browser.ScreenshotAsync("roundtrip-declared.png"));
        Assert.Equal(original, await PersonIdsAsync(factory, batchId));
        Assert.Empty(browser.Problems);
    }

    private static Dictionary<RosterColumn, RosterValue> Row(string name, string id, string sex, string phone, string address) => new()
    {
        [RosterColumn.Name] = name,
        [RosterColumn.IdNumber] = id,
        [RosterColumn.Sex] = sex,
        [RosterColumn.Ethnicity] = "汉族",
        [RosterColumn.Phone] = phone,
        [RosterColumn.Postcode] = "261000",
        [RosterColumn.Address] = address,
    };

    private static async Task UploadAsync(IPage page, string name, byte[] workbook)
    {
        await page.SetInputFilesAsync("#roster", new FilePayload { Name = name, MimeType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", Buffer = workbook });
        await page.GetByRole(AriaRole.Button, new() { Name = "上传并检查" }).ClickAsync();
        await page.WaitForURLAsync(new Regex("/Unit/Batches/Check/"));
    }

    private static async Task<byte[]> DownloadAsync(IPage page, Func<Task> click)
    {
        var download = await page.RunAndWaitForDownloadAsync(click);
        await using var stream = await download.CreateReadStreamAsync();
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy);
        return copy.ToArray();
    }

    private static async Task<List<int>> PersonIdsAsync(PortalFactory factory, int batchId)
    {
        await using var scope = factory.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().Persons.AsNoTracking()
            .Where(p => p.BatchId == batchId).OrderBy(p => p.Id).Select(p => p.Id).ToListAsync();
    }
}
