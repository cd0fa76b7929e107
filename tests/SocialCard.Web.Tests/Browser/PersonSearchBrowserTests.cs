using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SocialCard.Core.Persons;
using SocialCard.Data;
using SocialCard.Web.Tests.Http;
using SocialCard.Web.Tests.Infrastructure;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace SocialCard.Web.Tests.Browser;

/// <summary>
/// 查找人员 in Chromium with JavaScript on: from one batch the clerk finds, by name and by the last 6 digits, a
/// person of another batch, edits them and comes back to the results. Screenshots at 1366×768 of the results, the
/// edit page, the results after saving and the 使用说明 page.
/// </summary>
[Trait("Category", "Browser")]
public sealed class PersonSearchBrowserTests(ITestOutputHelper output)
{
    [Fact(Timeout = 240_000)]
    public async Task Search_by_name_and_by_the_last_6_digits_finds_the_person_in_another_batch_then_edit_and_return()
    {
        await using var factory = new KestrelPortalFactory();
        var baseAddress = factory.Start();
        var unit = await TestData.CreateUnitWithClerkAsync(factory);
        var id = Ids.Make(year: 1986, month: 11, day: 19);
        var (here, there) = await PersonSearchTests.SeedAsync(
            factory, unit.Id, [("林平之", Ids.Make(year: 1986, month: 11, day: 20), false)], [("令狐冲", id, true), ("岳灵珊", Ids.Make(year: 1986, month: 11, day: 21, male: false), false)]);

        await using var session = await BrowserSession.StartAsync(baseAddress);
        var page = session.Page;
        await page.SetViewportSizeAsync(1366, 768);
        try
        {
            await session.SignInAsync(unit.Number, TestData.Password);

            // The clerk is on the first batch's page and looks for someone entered in the second.
            await page.GotoAsync($"/Unit/Batches/Details/{here.BatchId}");
            await page.GetByRole(AriaRole.Navigation, new() { Name = "主导航" }).GetByRole(AriaRole.Link, new() { Name = "查找人员", Exact = true }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "查找人员", Exact = true })).ToBeVisibleAsync();
            var box = page.GetByLabel("姓名或身份证号码");
            await box.FillAsync("令狐冲");
            await page.GetByRole(AriaRole.Button, new() { Name = "查找", Exact = true }).ClickAsync();
            var hits = page.Locator("#search-hits tbody tr");
            await Expect(hits).ToHaveCountAsync(1);
            await Expect(hits.First).ToContainTextAsync(CitizenId.Mask(id));
            await Expect(hits.First.GetByRole(AriaRole.Link, new() { Name = "第二批", Exact = true })).ToHaveAttributeAsync("href", $"/Unit/Batches/Details/{there.BatchId}");
            await Expect(hits.First).ToContainTextAsync("1 个错误");

            // The last 6 digits find the same person; the list shows the number masked.
            await box.FillAsync(id[^6..]);
            await page.GetByRole(AriaRole.Button, new() { Name = "查找", Exact = true }).ClickAsync();
            await Expect(hits).ToHaveCountAsync(1);
            await Expect(hits.First).ToHaveAttributeAsync("data-person", there.PersonId.ToString(System.Globalization.CultureInfo.InvariantCulture));
            Assert.DoesNotContain(id, await page.Locator("#search-results").InnerHTMLAsync(), StringComparison.Ordinal);
            await ScreenshotAsync(session, "search-results.png");

            // Select → edit: the saved person's page does not say "not saved"; correct the sex and save.
            await hits.First.GetByRole(AriaRole.Link, new() { Name = "修改 令狐冲（第二批）" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "修改人员信息" })).ToBeVisibleAsync();
            await Expect(page.Locator(".notice.error")).ToContainTextAsync("此人员已保存");
            await Expect(page.Locator(".notice.error")).Not.ToContainTextAsync("尚未保存");
            await Expect(page.Locator("#back-to-origin")).ToHaveTextAsync("查找结果");
            await ScreenshotAsync(session, "search-edit.png");
            await page.GetByLabel("性别", new() { Exact = true }).SelectOptionAsync("男");
            await page.GetByRole(AriaRole.Button, new() { Name = "保存", Exact = true }).ClickAsync();

            // Back on the results of the same search, with the person now clean.
            await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/Unit/Persons/Search");
            Assert.Equal("?q=" + id[^6..], new Uri(page.Url).Query);
            await Expect(page.Locator("[role=status]")).ToContainTextAsync("已保存令狐冲");
            await Expect(hits).ToHaveCountAsync(1);
            await Expect(hits.First).ToContainTextAsync("通过");
            await Expect(box).ToHaveValueAsync(id[^6..]);
            await ScreenshotAsync(session, "search-after-save.png");

            await page.GetByRole(AriaRole.Navigation, new() { Name = "主导航" }).GetByRole(AriaRole.Link, new() { Name = "使用说明", Exact = true }).ClickAsync();
            await Expect(page.Locator("#help-steps")).ToContainTextAsync("撤销申报");
            await ScreenshotAsync(session, "unit-help.png");

            await using (var scope = factory.CreateScope())
            {
                var stored = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Persons.AsNoTracking().SingleAsync(p => p.Id == there.PersonId);
                Assert.Equal(Sex.Male, stored.Sex);
                Assert.Equal(0, stored.ErrorCount);
            }

            Assert.True(session.Problems.Count == 0, "The browser reported problems:\n" + string.Join("\n", session.Problems));
        }
        catch
        {
            await ScreenshotAsync(session, "search-failure.png");
            foreach (var problem in session.Problems)
            {
                output.WriteLine(problem);
            }

            throw;
        }
    }

    private async Task ScreenshotAsync(BrowserSession session, string name) => output.WriteLine("Screenshot: " + await session.ScreenshotAsync(name));
}
