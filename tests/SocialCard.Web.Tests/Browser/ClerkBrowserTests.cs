using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SocialCard.Core.Persons;
using SocialCard.Data;
using SocialCard.Web.Tests.Infrastructure;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace SocialCard.Web.Tests.Browser;

/// <summary>
/// The clerk's path through the portal in a real Chromium: sign in, new batch, a person with a wrong
/// check digit, the Chinese finding beside the ID field, the correction, the saved and masked row.
/// Screenshots of both moments go to SOCIALCARD_TEST_ARTIFACTS (or the test output's artifacts folder).
/// </summary>
[Trait("Category", "Browser")]
public sealed partial class ClerkBrowserTests(ITestOutputHelper output)
{
    private const string FailureScreenshot = "clerk-failure.png";

    [Fact(Timeout = 240_000)]
    public async Task Clerk_fixes_a_wrong_check_digit_in_the_browser()
    {
        var artifacts = ArtifactsDirectory();
        File.Delete(Path.Combine(artifacts, FailureScreenshot));
        await using var factory = new KestrelPortalFactory();
        var baseAddress = factory.Start();
        output.WriteLine($"Portal listening on {baseAddress}");
        var unit = await TestData.CreateUnitWithClerkAsync(factory);

        await using var session = await BrowserSession.StartAsync(baseAddress);
        var page = session.Page;
        var browserProblems = session.Problems;

        try
        {
            // Sign in with the unit number, as a clerk does.
            await page.GotoAsync("/Account/Login");
            await page.GetByLabel("单位编号 / 账号").FillAsync(unit.Number);
            await page.GetByLabel("密码", new() { Exact = true }).FillAsync(TestData.Password);
            await page.GetByRole(AriaRole.Button, new() { Name = "登录", Exact = true }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Link, new() { Name = "采集批次", Exact = true })).ToBeVisibleAsync();

            // New batch on the unit's start page.
            await page.GotoAsync("/Unit");
            await page.GetByLabel("批次名称").FillAsync("2026年第一批在职人员");
            await page.GetByRole(AriaRole.Button, new() { Name = "新建批次", Exact = true }).ClickAsync();
            await page.WaitForURLAsync(BatchDetailsUrl());
            var batchId = int.Parse(BatchDetailsUrl().Match(page.Url).Groups["id"].Value, System.Globalization.CultureInfo.InvariantCulture);
            await Expect(page.Locator("[role=status]")).ToContainTextAsync("已新建批次");

            // A valid person, except that the ID number's check digit is wrong.
            await page.GetByRole(AriaRole.Link, new() { Name = "录入人员", Exact = true }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "录入人员", Exact = true })).ToBeVisibleAsync();
            var id = Ids.Make(male: false);
            var wrongId = Ids.WithWrongCheck(id);
            await page.GetByLabel("姓名", new() { Exact = true }).FillAsync("王小红");
            var idField = page.GetByLabel("公民身份号码", new() { Exact = true });
            await idField.FillAsync(wrongId);
            await page.GetByLabel("性别", new() { Exact = true }).SelectOptionAsync("女");
            await page.GetByLabel("民族", new() { Exact = true }).SelectOptionAsync("01");
            await page.GetByLabel("联系电话", new() { Exact = true }).FillAsync("13912345678");
            await page.GetByLabel("邮政编码", new() { Exact = true }).FillAsync("261041");
            await page.GetByLabel("常住地址", new() { Exact = true }).FillAsync("山东省潍坊市奎文区示例路8号");
            await page.GetByRole(AriaRole.Button, new() { Name = "保存", Exact = true }).ClickAsync();

            // The finding is in Chinese, inside the ID number's own field, and nothing was saved.
            var idFindings = page.Locator("#IdNumber-findings");
            await Expect(idFindings).ToBeVisibleAsync();
            await Expect(idFindings).ToContainTextAsync("校验");
            await Expect(idFindings).ToContainTextAsync("ID_BAD_CHECKSUM");
            await Expect(page.Locator(".field").Filter(new() { Has = idField }).Locator("#IdNumber-findings")).ToBeVisibleAsync();
            await Expect(idField).ToHaveClassAsync(new Regex(@"\binvalid\b"));
            await Expect(page.Locator(".notice.error[role=alert]")).ToContainTextAsync("尚未保存");
            await Expect(page.Locator("#Name-findings")).ToHaveCountAsync(0);
            await Expect(idField).ToHaveValueAsync(wrongId);
            await AssertBelowAsync(idField, idFindings);
            output.WriteLine("ID finding shown: " + await idFindings.InnerTextAsync());
            await ScreenshotAsync(page, artifacts, "clerk-wrong-check-digit.png");
            Assert.Equal(0, await PersonCountAsync(factory, batchId));

            // The clerk corrects the number; the other fields are still filled in.
            await Expect(page.GetByLabel("姓名", new() { Exact = true })).ToHaveValueAsync("王小红");
            await idField.FillAsync(id);
            await page.GetByRole(AriaRole.Button, new() { Name = "保存", Exact = true }).ClickAsync();
            await page.WaitForURLAsync(BatchDetailsUrl());
            Assert.EndsWith($"/Unit/Batches/Details/{batchId}", new Uri(page.Url).AbsolutePath, StringComparison.Ordinal);

            var persons = page.Locator("#persons");
            await Expect(page.Locator("[role=status]")).ToContainTextAsync("已保存王小红");
            await Expect(persons).ToContainTextAsync("王小红");
            await Expect(persons).ToContainTextAsync(CitizenId.Mask(id));
            await Expect(persons.Locator("tbody tr")).ToHaveCountAsync(1);
            Assert.DoesNotContain(id, await page.ContentAsync(), StringComparison.Ordinal);
            await ScreenshotAsync(page, artifacts, "clerk-person-saved.png");

            await using (var scope = factory.CreateScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
                var stored = await db.Persons.AsNoTracking().SingleAsync(p => p.BatchId == batchId);
                Assert.Equal(id, stored.IdNumber);
                Assert.Equal("王小红", stored.Name);
                Assert.Equal(Sex.Female, stored.Sex);
                Assert.Equal(unit.Id, stored.UnitId);
                Assert.Equal(0, stored.ErrorCount);
            }

            Assert.True(browserProblems.Count == 0, "The browser reported problems:\n" + string.Join("\n", browserProblems));
        }
        catch
        {
            await TryScreenshotAsync(page, artifacts, FailureScreenshot);
            foreach (var problem in browserProblems)
            {
                output.WriteLine(problem);
            }

            throw;
        }
    }

    [GeneratedRegex(@"/Unit/Batches/Details/(?<id>\d+)$")]
    private static partial Regex BatchDetailsUrl();

    private static string ArtifactsDirectory()
    {
        var dir = Environment.GetEnvironmentVariable("SOCIALCARD_TEST_ARTIFACTS") is { Length: > 0 } value
            ? value
            : Path.Combine(AppContext.BaseDirectory, "artifacts");
        Directory.CreateDirectory(dir);
        return Path.GetFullPath(dir);
    }

    /// <summary>The finding is rendered under its input (same column, lower on the page), not elsewhere on the page.</summary>
    private static async Task AssertBelowAsync(ILocator field, ILocator message)
    {
        var fieldBox = await field.BoundingBoxAsync() ?? throw new InvalidOperationException("The ID field is not rendered.");
        var messageBox = await message.BoundingBoxAsync() ?? throw new InvalidOperationException("The ID finding is not rendered.");
        Assert.True(messageBox.Y >= fieldBox.Y + fieldBox.Height, $"Finding at y={messageBox.Y} is not below the field (y={fieldBox.Y}, h={fieldBox.Height}).");
        Assert.True(messageBox.Y - (fieldBox.Y + fieldBox.Height) < 120, $"Finding at y={messageBox.Y} is far from the field ending at y={fieldBox.Y + fieldBox.Height}.");
        Assert.True(messageBox.X < fieldBox.X + fieldBox.Width && messageBox.X + messageBox.Width > fieldBox.X, "The finding is not in the ID field's column.");
    }

    private async Task ScreenshotAsync(IPage page, string directory, string fileName)
    {
        var path = Path.Combine(directory, fileName);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        output.WriteLine($"Screenshot: {path}");
    }

    private async Task TryScreenshotAsync(IPage page, string directory, string fileName)
    {
        try
        {
            await ScreenshotAsync(page, directory, fileName);
        }
        catch (PlaywrightException ex)
        {
            output.WriteLine($"No failure screenshot: {ex.Message}");
        }
    }

    private static async Task<int> PersonCountAsync(PortalFactory factory, int batchId)
    {
        await using var scope = factory.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().Persons.CountAsync(p => p.BatchId == batchId);
    }
}
