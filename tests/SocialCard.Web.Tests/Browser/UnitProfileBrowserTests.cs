using Microsoft.Playwright;
using SocialCard.Core.Units;
using SocialCard.Web.Tests.Infrastructure;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace SocialCard.Web.Tests.Browser;

/// <summary>
/// The clerk's loop (issue #9) in Chromium with JavaScript on: a declaration refused for an incomplete unit profile
/// (单位信息) and then for a missing photo, each time with what to do; the clerk fixes it and declares.
/// </summary>
[Trait("Category", "Browser")]
public sealed class UnitProfileBrowserTests(ITestOutputHelper output)
{
    [Fact(Timeout = 240_000)]
    public async Task Incomplete_unit_profile_refuses_the_declaration_with_what_to_fill_then_the_clerk_fills_it_and_declares()
    {
        await using var factory = new KestrelPortalFactory();
        var baseAddress = factory.Start();
        var unit = await TestData.CreateUnitWithClerkAsync(factory, completeProfile: false);
        await using var browser = await BrowserSession.StartAsync(baseAddress);
        var page = browser.Page;
        await page.SetViewportSizeAsync(1366, 768);
        await browser.SignInAsync(unit.Number, TestData.Password);
        await NewBatchWithPersonAsync(page, "2026年第一批在职人员", "韩梅梅", Ids.Make(year: 1988, male: false));

        await page.GetByRole(AriaRole.Button, new() { Name = "申报此批次" }).ClickAsync();
        await Expect(page.Locator(".notice.error[role=alert]")).ToHaveTextAsync("请先完善单位信息（缺少：联系人、联系电话、电子邮箱、单位地址）后再申报：点击页面上方的“单位信息”填写。");
        await Expect(page.Locator("#profile-missing")).ToContainTextAsync("联系人、联系电话、电子邮箱、单位地址");
        await Expect(page.Locator("h1 .status")).ToHaveTextAsync("填报中");
        output.WriteLine(await browser.ScreenshotAsync("unit-profile-refused.png"));

        // The navigation's 单位信息 and the notice's link both lead to the profile page; the notice's comes back here.
        await Expect(page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = "单位信息" })).ToHaveAttributeAsync("href", "/Unit/Profile");
        await page.Locator("#profile-missing").GetByRole(AriaRole.Link, new() { Name = "填写单位信息" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "单位信息", Exact = false })).ToBeVisibleAsync();
        await page.GetByLabel("联系人").FillAsync("韩老师");
        await page.GetByLabel("联系电话").FillAsync("0536 8234567");
        await page.GetByLabel("电子邮箱").FillAsync("hr@example.com");
        await page.GetByLabel("单位地址").FillAsync("山东省潍坊市奎文区示例路8号");
        await page.GetByRole(AriaRole.Button, new() { Name = "保存单位信息" }).ClickAsync();
        await Expect(page.Locator("[role=alert]")).ToContainTextAsync("联系电话“0536 8234567”格式不对");
        output.WriteLine(await browser.ScreenshotAsync("unit-profile-phone-refused.png"));

        await page.GetByLabel("联系电话").FillAsync("0536－8234567");
        await page.GetByRole(AriaRole.Button, new() { Name = "保存单位信息" }).ClickAsync();
        await Expect(page.Locator("[role=status]")).ToHaveTextAsync("单位信息已保存。");
        await Expect(page.Locator("#profile-missing")).ToHaveCountAsync(0);
        await page.GetByRole(AriaRole.Button, new() { Name = "申报此批次" }).ClickAsync();
        await Expect(page.Locator("[role=status]")).ToContainTextAsync("批次已申报");
        await Expect(page.Locator("h1 .status")).ToHaveTextAsync("已申报");
        output.WriteLine(await browser.ScreenshotAsync("unit-profile-declared.png"));

        await page.GetByRole(AriaRole.Link, new() { Name = "单位信息" }).ClickAsync();
        await Expect(page.GetByLabel("联系电话")).ToHaveValueAsync("0536-8234567");
        output.WriteLine(await browser.ScreenshotAsync("unit-profile-page.png"));
        Assert.Empty(browser.Problems);
    }

    [Fact(Timeout = 240_000)]
    public async Task School_batch_with_a_person_lacking_a_photo_is_refused_with_the_count_then_declares_after_the_upload()
    {
        await using var factory = new KestrelPortalFactory();
        var baseAddress = factory.Start();
        var school = await TestData.CreateUnitWithClerkAsync(factory, "潍坊示例实验小学" + TestData.NextNumber("")[..4], type: UnitType.School);
        await using var browser = await BrowserSession.StartAsync(baseAddress);
        var page = browser.Page;
        await page.SetViewportSizeAsync(1366, 768);
        await browser.SignInAsync(school.Number, TestData.Password);
        var id = Ids.Make(year: 2015, male: true);
        await NewBatchWithPersonAsync(page, "2026年秋季一年级", "李小龙", id);
        var batchUrl = page.Url;

        await page.GetByRole(AriaRole.Button, new() { Name = "申报此批次" }).ClickAsync();
        await Expect(page.Locator(".notice.error[role=alert]")).ToHaveTextAsync("还有 1 人没有照片，请先上传照片再申报：李小龙");
        await Expect(page.Locator("h1 .status")).ToHaveTextAsync("填报中");
        output.WriteLine(await browser.ScreenshotAsync("photo-missing-refused.png"));

        await page.Locator("#photos").SetInputFilesAsync(new FilePayload { Name = $"{id}-李小龙.jpg", MimeType = "image/jpeg", Buffer = PhotoFiles.CompliantPortrait() });
        await page.GetByRole(AriaRole.Button, new() { Name = "上传照片" }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/Unit/Batches/Photos/", StringComparison.Ordinal));
        await Expect(page.Locator("#photos-matched")).ToHaveTextAsync("1");

        await page.GotoAsync(batchUrl);
        await page.GetByRole(AriaRole.Button, new() { Name = "申报此批次" }).ClickAsync();
        await Expect(page.Locator("[role=status]")).ToContainTextAsync("批次已申报");
        await Expect(page.Locator("h1 .status")).ToHaveTextAsync("已申报");
        output.WriteLine(await browser.ScreenshotAsync("photo-missing-declared.png"));
        Assert.Empty(browser.Problems);
    }

    /// <summary>New batch on the unit's start page and one valid person entered on the form; ends on the batch page.</summary>
    private static async Task NewBatchWithPersonAsync(IPage page, string title, string name, string id)
    {
        await page.GotoAsync("/Unit");
        await page.GetByLabel("批次名称").FillAsync(title);
        await page.GetByRole(AriaRole.Button, new() { Name = "新建批次" }).ClickAsync();
        await Expect(page.Locator("[role=status]")).ToContainTextAsync("已新建批次");
        var batchUrl = page.Url;
        await EnterPersonAsync(page, name, id);
        await page.GotoAsync(batchUrl);
    }

    /// <summary>From a batch page: 录入人员, a valid person (sex from the ID number), 保存, and the saved notice.</summary>
    internal static async Task EnterPersonAsync(IPage page, string name, string id)
    {
        await page.GetByRole(AriaRole.Link, new() { Name = "录入人员" }).ClickAsync();
        await page.GetByLabel("姓名", new() { Exact = true }).FillAsync(name);
        await page.GetByLabel("公民身份号码", new() { Exact = true }).FillAsync(id);
        await page.GetByLabel("性别", new() { Exact = true }).SelectOptionAsync(Core.Persons.CitizenId.Parse(id).Id!.Sex == Core.Persons.Sex.Male ? "男" : "女");
        await page.GetByLabel("民族", new() { Exact = true }).SelectOptionAsync("01");
        await page.GetByLabel("联系电话", new() { Exact = true }).FillAsync("13912345678");
        await page.GetByLabel("邮政编码", new() { Exact = true }).FillAsync("261041");
        await page.GetByLabel("常住地址", new() { Exact = true }).FillAsync("山东省潍坊市奎文区示例路8号");
        await page.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        await Expect(page.Locator("[role=status]")).ToContainTextAsync("已保存");
    }
}
