using Microsoft.Playwright;
using SocialCard.Web.Tests.Infrastructure;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace SocialCard.Web.Tests.Browser;

/// <summary>In Chromium: a clerk uploads a zip of 10 photos in mixed naming conventions plus 2 strays, reads the report and opens a review page with its overlay.</summary>
[Trait("Category", "Browser")]
public sealed class PhotoUploadBrowserTests(ITestOutputHelper output)
{
    [Fact(Timeout = 240_000)]
    public async Task Clerk_uploads_a_photo_zip_and_reviews_a_photo()
    {
        await using var factory = new KestrelPortalFactory();
        var baseAddress = factory.Start();
        var unit = await TestData.CreateUnitWithClerkAsync(factory);
        await using var browser = await BrowserSession.StartAsync(baseAddress);
        var page = browser.Page;
        await browser.SignInAsync(unit.Number, TestData.Password);
        await page.GetByLabel("批次名称").FillAsync("照片批次");
        await page.GetByRole(AriaRole.Button, new() { Name = "新建批次" }).ClickAsync();
        var batchUrl = page.Url;

        string[] names = ["赵一", "钱二", "孙三", "李四", "周五", "吴六", "郑七", "王八", "冯九", "陈十"];
        var ids = new List<string>();
        foreach (var (name, i) in names.Select((n, i) => (n, i)))
        {
            var id = Ids.Make(year: 1970 + i, male: i % 2 == 0);
            ids.Add(id);
            await page.GotoAsync(batchUrl);
            await UnitProfileBrowserTests.EnterPersonAsync(page, name, id);
        }

        var entries = new List<(string, byte[])>();
        for (var i = 0; i < 10; i++)
        {
            var file = (i % 4) switch
            {
                0 => $"{ids[i]}.jpg",
                1 => $"{ids[i]}-{names[i]}.jpg",
                2 => $"{ids[i]}{names[i]}.jpg",
                _ => $"{ids[i].ToLowerInvariant()}.JPG",
            };
            entries.Add((file, PhotoFiles.DrawnFigure(dpi: i == 3 ? 72 : 350)));
        }

        entries.Add(("110101199003070011-外人.jpg", PhotoFiles.DrawnFigure()));
        entries.Add(("合影.jpg", PhotoFiles.DrawnFigure()));

        await page.GotoAsync(batchUrl);
        await page.Locator("#photos").SetInputFilesAsync(new FilePayload { Name = "照片.zip", MimeType = "application/zip", Buffer = PhotoFiles.Zip(entries) });
        await page.GetByRole(AriaRole.Button, new() { Name = "上传照片" }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/Unit/Batches/Photos/", StringComparison.Ordinal));
        await Expect(page.Locator("#photos-matched")).ToHaveTextAsync("10");
        await Expect(page.Locator("#photos-unmatched")).ToHaveTextAsync("2");
        await Expect(page.Locator("#photo-files")).ToContainTextAsync("PHOTO_UNMATCHED_FILE");
        output.WriteLine(await browser.ScreenshotAsync("photo-report.png"));

        await page.GetByRole(AriaRole.Link, new() { Name = names[3] }).ClickAsync();
        await Expect(page.Locator("svg.photo-overlay")).ToBeVisibleAsync();
        await Expect(page.Locator("#photo-findings")).ToContainTextAsync("PHOTO_DPI");
        var loaded = await page.Locator(".photo-frame img").EvaluateAsync<bool>("img => img.complete && img.naturalWidth === 358");
        Assert.True(loaded, "The photo did not load at 358 px.");
        output.WriteLine(await browser.ScreenshotAsync("photo-review.png"));

        // A camera photo on the same person: 自动调整 shows the adjusted photo beside the original to accept.
        var camera = Core.Tests.Photos.Fixing.CameraOriginals.Jpeg(Core.Tests.Photos.Fixing.CameraOriginals.Render(1500, 2000, 2.8, 750, 800));
        await page.Locator("#photo").SetInputFilesAsync(new FilePayload { Name = "camera.jpg", MimeType = "image/jpeg", Buffer = camera });
        await page.GetByRole(AriaRole.Button, new() { Name = "上传并检查" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "自动调整" }).ClickAsync();
        await Expect(page.Locator("#photo-candidate svg.photo-overlay")).ToBeVisibleAsync();
        await Expect(page.Locator("#photo-candidate .finding-error")).ToHaveCountAsync(0);
        output.WriteLine(await browser.ScreenshotAsync("photo-adjusted.png"));
        await page.GetByRole(AriaRole.Button, new() { Name = "采用调整后的照片" }).ClickAsync();
        await Expect(page.Locator("[role=status]")).ToContainTextAsync("已采用");
        Assert.Empty(browser.Problems);
    }
}
