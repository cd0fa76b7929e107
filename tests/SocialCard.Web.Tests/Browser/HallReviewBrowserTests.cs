using System.Diagnostics;
using Microsoft.Playwright;
using SocialCard.Core.Persons;
using SocialCard.Core.Registry;
using SocialCard.Core.Rosters;
using SocialCard.Web.Tests.Infrastructure;
using SocialCard.Web.Tests.Review;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace SocialCard.Web.Tests.Browser;

/// <summary>
/// Issue #5 end to end in Chromium: a clerk uploads and declares a batch; hall staff open it, compare it with the
/// registry, see matched and mismatched persons, mark two for an on-site photo from the keyboard and accept it; the
/// clerk prints the summary table; hall staff print the application forms and export the batch.
/// </summary>
[Trait("Category", "Browser")]
public sealed class HallReviewBrowserTests(ITestOutputHelper output)
{
    [Fact(Timeout = 300_000)]
    public async Task Declare_compare_mark_accept_print_and_export()
    {
        await using var factory = new KestrelPortalFactory();
        var baseAddress = factory.Start();
        var hall = await TestData.CreateHallWithStaffAsync(factory);
        var unit = await TestData.CreateUnitWithClerkAsync(factory, hallId: hall.Id);
        var matching = DeclaredBatches.Matching(factory, 4);
        var renamed = DeclaredBatches.Matching(factory, 1).Single();
        var wrongName = HallReviewTests.OtherName(renamed.Name);
        var unknown = DeclaredBatches.Unknown(factory, 1).Single();
        var submitted = matching.Append(renamed with { Name = wrongName }).Append(unknown).ToList();

        await using var browser = await BrowserSession.StartAsync(baseAddress);
        var page = browser.Page;

        // 1. The clerk uploads the roster and declares the batch.
        await browser.SignInAsync(unit.Number, TestData.Password);
        await page.GetByLabel("批次名称").FillAsync("2026年冬季在职人员");
        await page.GetByRole(AriaRole.Button, new() { Name = "新建批次" }).ClickAsync();
        await Expect(page.Locator("h1")).ToContainTextAsync("2026年冬季在职人员");
        var unitBatchUrl = page.Url;
        await page.Locator("#roster").SetInputFilesAsync(new FilePayload
        {
            Name = "花名册.xlsx",
            MimeType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            Buffer = Roster(submitted),
        });
        await page.GetByRole(AriaRole.Button, new() { Name = "上传并检查" }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/Unit/Batches/Check/", StringComparison.Ordinal));
        await Expect(page.Locator("#upload-summary")).ToContainTextAsync("新增 6 人");
        await page.GotoAsync(unitBatchUrl);
        await page.GetByRole(AriaRole.Button, new() { Name = "申报此批次" }).ClickAsync();
        await Expect(page.Locator("h1 .status")).ToHaveTextAsync("已申报");
        output.WriteLine(await browser.ScreenshotAsync("e2e-1-declared.png"));
        await browser.SignOutAsync();

        // 2. Hall staff open the batch, compare, mark two persons for an on-site photo and accept.
        await browser.SignInAsync(hall.UserName, TestData.Password);
        await page.GetByRole(AriaRole.Link, new() { Name = "2026年冬季在职人员" }).ClickAsync();
        await Expect(page.Locator("h1")).ToContainTextAsync("2026年冬季在职人员");
        await page.GetByRole(AriaRole.Button, new() { Name = "与身份信息库比对" }).ClickAsync();
        await Expect(page.Locator(".notice")).ToContainTextAsync("比对完成");
        await Expect(page.Locator("#counts [data-count=matched]")).ToHaveTextAsync("4");
        await Expect(page.Locator("#counts [data-count=mismatched]")).ToHaveTextAsync("1");
        await Expect(page.Locator("#counts [data-count=notfound]")).ToHaveTextAsync("1");
        // The comparison lands on the persons that need attention.
        var attention = page.Locator("#persons tbody tr");
        await Expect(attention).ToHaveCountAsync(1);
        await Expect(attention.First).ToContainTextAsync($"姓名 ×（库：{renamed.Name}）");
        output.WriteLine(await browser.ScreenshotAsync("e2e-2-mismatched.png"));

        await page.GetByRole(AriaRole.Link, new() { Name = "一致", Exact = true }).ClickAsync();
        await Expect(page.Locator("#persons tbody tr")).ToHaveCountAsync(4);
        // Error path first: marking with nobody ticked says what to do and changes nothing.
        await page.Locator("#mark-submit").ClickAsync();
        await Expect(page.Locator("[role=alert]")).ToContainTextAsync("请先勾选要标记的人员");
        await Expect(page.Locator("#counts [data-count=onsite]")).ToHaveTextAsync("0");
        // From the keyboard: focus the first row's box, tick it, J to the next row, tick it.
        await page.Locator("#persons tbody input[type=checkbox]").First.FocusAsync();
        await page.Keyboard.PressAsync("Space");
        await page.Keyboard.PressAsync("j");
        await page.Keyboard.PressAsync("Space");
        await Expect(page.Locator("#persons tbody input[type=checkbox]:checked")).ToHaveCountAsync(2);
        await page.GetByLabel("标记所选人员").SelectOptionAsync(new SelectOptionValue { Label = "现场拍照" });
        await page.GetByLabel("标记原因").FillAsync("需现场采集相片");
        await page.GetByLabel("标记原因").PressAsync("Enter");
        await Expect(page.Locator(".notice")).ToContainTextAsync("已将 2 人标记为“现场拍照”");
        await Expect(page.Locator("#counts [data-count=onsite]")).ToHaveTextAsync("2");
        output.WriteLine(await browser.ScreenshotAsync("e2e-3-marked.png"));

        await page.GetByRole(AriaRole.Button, new() { Name = "受理此批次" }).ClickAsync();
        await Expect(page.Locator("h1 .status")).ToHaveTextAsync("已受理");
        var hallBatchUrl = page.Url.Split('?')[0];
        output.WriteLine(await browser.ScreenshotAsync("e2e-4-accepted.png"));

        // The two marked persons are on the hall's on-site list: recording "taken" with nobody ticked is refused,
        // then both are booked for today and recorded as photographed.
        await page.GetByRole(AriaRole.Link, new() { Name = "现场拍照", Exact = true }).ClickAsync();
        var onSite = page.Locator("tbody input[name=ids]");
        await Expect(onSite).ToHaveCountAsync(2);
        await page.GetByRole(AriaRole.Button, new() { Name = "记录所选人员已拍照" }).ClickAsync();
        await Expect(page.Locator("[role=alert]")).ToContainTextAsync("请先勾选已完成拍照的人员");
        await onSite.Nth(0).CheckAsync();
        await onSite.Nth(1).CheckAsync();
        var today = DateTime.UtcNow.AddHours(8).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        await page.GetByLabel("拍照日期", new() { Exact = true }).Last.FillAsync(today);
        await page.GetByRole(AriaRole.Button, new() { Name = "预约", Exact = true }).ClickAsync();
        await Expect(page.Locator(".notice")).ToContainTextAsync($"已为 2 人预约 {today}");
        await Expect(page.Locator("tbody tr", new() { HasText = today })).ToHaveCountAsync(2);
        await onSite.Nth(0).CheckAsync();
        await onSite.Nth(1).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "记录所选人员已拍照" }).ClickAsync();
        await Expect(page.Locator(".notice")).ToContainTextAsync("已记录 2 人现场拍照完成");
        await Expect(onSite).ToHaveCountAsync(0);
        output.WriteLine(await browser.ScreenshotAsync("e2e-4b-onsite-taken.png"));
        await browser.SignOutAsync();

        // 3. The clerk sees the marks and prints the summary table.
        await browser.SignInAsync(unit.Number, TestData.Password);
        await page.GotoAsync(unitBatchUrl);
        await Expect(page.Locator("h1 .status")).ToHaveTextAsync("已受理");
        await Expect(page.Locator("td.hall-mark", new() { HasText = "需现场采集相片" })).ToHaveCountAsync(2);
        var summary = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "打印汇总表" }).ClickAsync());
        var summaryPages = await RenderAsync(summary, "e2e-summary");
        Assert.Equal(1, summaryPages);
        output.WriteLine(await browser.ScreenshotAsync("e2e-5-unit-accepted.png"));
        await browser.SignOutAsync();

        // 4. Hall staff print the application forms of the matched persons.
        await browser.SignInAsync(hall.UserName, TestData.Password);
        await page.GotoAsync(hallBatchUrl);
        var forms = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "打印申领表（比对一致者）" }).ClickAsync());
        Assert.Equal(4, await RenderAsync(forms, "e2e-application"));

        // ... and export the unit's accepted persons: the two photographed on site are released (their registry photo
        // goes out until #10 attaches the on-site one); the one the registry does not know (no photo anywhere) stays
        // behind; the others go out in <unit>out_1.zip.
        await page.GetByRole(AriaRole.Link, new() { Name = "分批报盘" }).ClickAsync();
        var section = page.Locator($"section[data-unit='{unit.Number}']");
        await Expect(section.Locator(".ready-count")).ToHaveTextAsync("5");
        await Expect(section.Locator(".held-count")).ToHaveTextAsync("1");
        await section.GetByRole(AriaRole.Button, new() { Name = $"导出 {unit.Number}out_1.zip" }).ClickAsync();
        await Expect(section.Locator("table.history tbody tr")).ToHaveCountAsync(1);
        output.WriteLine(await browser.ScreenshotAsync("e2e-6-exported.png"));
        var zip = await page.RunAndWaitForDownloadAsync(() => section.GetByRole(AriaRole.Link, new() { Name = $"{unit.Number}out_1.zip" }).ClickAsync());
        Assert.Equal($"{unit.Number}out_1.zip", zip.SuggestedFilename);
        var zipPath = Path.Combine(Path.GetTempPath(), $"e2e-{Guid.NewGuid():N}.zip");
        await zip.SaveAsAsync(zipPath);
        await using (var stream = File.OpenRead(zipPath))
        {
            using var archive = new System.IO.Compression.ZipArchive(stream);
            Assert.Contains(archive.Entries, e => e.FullName == $"{unit.Number}out_1.xlsx");
            await using var manifestStream = archive.GetEntry("manifest.json")!.Open();
            var manifest = SocialCard.Core.Exports.ExportManifest.Read(manifestStream)!;
            Assert.Equal(5, manifest.PersonCount);
            Assert.Equal(1, manifest.Number);
            Assert.DoesNotContain(manifest.Persons, p => p.Name == unknown.Name);
        }

        File.Delete(zipPath);

        Assert.Empty(browser.Problems);
    }

    /// <summary>Saves a downloaded PDF, renders every page with pdftoppm into the artifacts folder and returns the page count.</summary>
    private async Task<int> RenderAsync(IDownload download, string name)
    {
        var dir = Environment.GetEnvironmentVariable("SOCIALCARD_TEST_ARTIFACTS") is { Length: > 0 } configured
            ? configured
            : Path.Combine(AppContext.BaseDirectory, "artifacts");
        Directory.CreateDirectory(dir);
        var pdf = Path.Combine(dir, name + ".pdf");
        await download.SaveAsAsync(pdf);
        foreach (var old in Directory.GetFiles(dir, name + "-*.png"))
        {
            File.Delete(old);
        }

        using var process = Process.Start(new ProcessStartInfo("pdftoppm", ["-png", "-r", "60", pdf, Path.Combine(dir, name)]) { RedirectStandardError = true })
            ?? throw new InvalidOperationException("pdftoppm did not start (apt-get install -y poppler-utils)");
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"pdftoppm failed: {error}");
        var pages = Directory.GetFiles(dir, name + "-*.png").Length;
        output.WriteLine($"{pdf}: {pages} page(s)");
        return pages;
    }

    private static byte[] Roster(IReadOnlyList<RegistryPerson> persons)
    {
        using var stream = new MemoryStream();
        RosterTemplateWriter.Write(stream, [], ["在职", "退休"], persons.Count + 4);
        var rows = new Dictionary<int, Dictionary<RosterColumn, RosterValue>>();
        for (var i = 0; i < persons.Count; i++)
        {
            var p = persons[i];
            var input = DeclaredBatches.Input(p, i + 2);
            Assert.True(Ethnicities.TryParse(p.EthnicityCode, out var ethnicity));
            rows[i + 2] = new Dictionary<RosterColumn, RosterValue>
            {
                [RosterColumn.Name] = input.Name,
                [RosterColumn.IdNumber] = input.IdNumber,
                [RosterColumn.Sex] = input.Sex,
                [RosterColumn.Ethnicity] = $"{ethnicity!.Code} {ethnicity.Name}",
                [RosterColumn.Phone] = input.Phone,
                [RosterColumn.Postcode] = input.Postcode,
                [RosterColumn.Address] = input.Address,
            };
        }

        return RosterFiles.Fill(stream.ToArray(), rows);
    }
}
