using Microsoft.Playwright;
using SocialCard.Core.Rosters;
using SocialCard.Web.Tests.Infrastructure;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace SocialCard.Web.Tests.Browser;

/// <summary>
/// In Chromium: a clerk uploads a roster with one bad row, sees it on the result page, is refused when
/// declaring (the refusal names the person), removes the row, declares, withdraws and declares again.
/// </summary>
[Trait("Category", "Browser")]
public sealed class BatchLifecycleBrowserTests(ITestOutputHelper output)
{
    [Fact(Timeout = 240_000)]
    public async Task Clerk_uploads_declares_withdraws_and_redeclares()
    {
        await using var factory = new KestrelPortalFactory();
        var baseAddress = factory.Start();
        var unit = await TestData.CreateUnitWithClerkAsync(factory);
        await using var browser = await BrowserSession.StartAsync(baseAddress);
        var page = browser.Page;

        await browser.SignInAsync(unit.Number, TestData.Password);
        await page.GetByLabel("批次名称").FillAsync("2026年春季在职人员");
        await page.GetByRole(AriaRole.Button, new() { Name = "新建批次" }).ClickAsync();
        await Expect(page.Locator("h1")).ToContainTextAsync("2026年春季在职人员");
        var batchUrl = page.Url;

        var good = Ids.Make(male: true);
        var bad = Ids.WithWrongCheck(Ids.Make(male: false));
        await page.Locator("#roster").SetInputFilesAsync(new FilePayload
        {
            Name = "花名册.xlsx",
            MimeType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            Buffer = RosterFiles.Fill(Template(), new Dictionary<int, Dictionary<RosterColumn, RosterValue>>
            {
                [2] = Person("张三", good, "男"),
                [3] = Person("李四", bad, "女"),
            }),
        });
        await page.GetByRole(AriaRole.Button, new() { Name = "上传并检查" }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/Unit/Batches/Check/", StringComparison.Ordinal));
        await Expect(page.Locator("#upload-summary")).ToContainTextAsync("新增 2 人");
        var badCell = page.Locator("tr[data-row='3'] td[data-column='IdNumber']");
        await Expect(badCell).ToContainTextAsync("ID_BAD_CHECKSUM");
        await Expect(page.Locator("tr[data-row='2'] td.cell-error")).ToHaveCountAsync(0);
        output.WriteLine(await browser.ScreenshotAsync("roster-check.png"));

        await page.GotoAsync(batchUrl);
        await page.GetByRole(AriaRole.Button, new() { Name = "申报此批次" }).ClickAsync();
        await Expect(page.Locator("[role=alert]")).ToContainTextAsync("李四");
        await Expect(page.Locator("h1 .status")).ToHaveTextAsync("填报中");
        output.WriteLine(await browser.ScreenshotAsync("declare-refused.png"));

        await page.GetByRole(AriaRole.Button, new() { Name = "删除 李四" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "申报此批次" }).ClickAsync();
        await Expect(page.Locator("h1 .status")).ToHaveTextAsync("已申报");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "录入人员" })).ToHaveCountAsync(0);

        await page.GetByRole(AriaRole.Button, new() { Name = "撤销申报" }).ClickAsync();
        await Expect(page.Locator("h1 .status")).ToHaveTextAsync("填报中");
        await page.GetByRole(AriaRole.Button, new() { Name = "申报此批次" }).ClickAsync();
        await Expect(page.Locator("h1 .status")).ToHaveTextAsync("已申报");
        var history = page.Locator("table.grid").Last;
        await Expect(history).ToContainTextAsync("撤销申报");
        await Expect(history.Locator("tr", new() { HasText = "填报中 → 已申报" })).ToHaveCountAsync(2);
        output.WriteLine(await browser.ScreenshotAsync("redeclared.png"));
        Assert.Empty(browser.Problems);
    }

    private static byte[] Template()
    {
        using var stream = new MemoryStream();
        RosterTemplateWriter.Write(stream, [], ["在职", "退休"], 24);
        return stream.ToArray();
    }

    private static Dictionary<RosterColumn, RosterValue> Person(string name, string id, string sex) => new()
    {
        [RosterColumn.Name] = name,
        [RosterColumn.IdNumber] = id,
        [RosterColumn.Sex] = sex,
        [RosterColumn.Ethnicity] = "01 汉族",
        [RosterColumn.Phone] = "13912345678",
        [RosterColumn.Postcode] = "261041",
        [RosterColumn.Address] = "山东省潍坊市奎文区示例路8号",
    };
}
