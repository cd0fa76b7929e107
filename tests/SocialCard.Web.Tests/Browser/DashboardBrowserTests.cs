using System.Text.Json;
using SocialCard.Web.Tests.Http;
using SocialCard.Web.Tests.Infrastructure;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace SocialCard.Web.Tests.Browser;

/// <summary>
/// In Chromium: the information centre's dashboard draws its four bar charts (SVG, by wwwroot/js/charts.js, under
/// the page's CSP) with one bar per row and series carrying the scenario's exact numbers, bar lengths in proportion.
/// </summary>
[Trait("Category", "Browser")]
public sealed class DashboardBrowserTests(ITestOutputHelper output)
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNameCaseInsensitive = true };

    [Fact(Timeout = 240_000)]
    public async Task Admin_dashboard_draws_bars_with_the_numbers_of_its_tables()
    {
        await using var factory = new KestrelPortalFactory();
        var baseAddress = factory.Start();
        var s = await DashboardTests.BuildScenarioAsync(factory);
        var admin = await TestData.CreateAdminAsync(factory);
        await using var browser = await BrowserSession.StartAsync(baseAddress);
        var page = browser.Page;

        await browser.SignInAsync(admin, TestData.Password);
        await page.GetByRole(Microsoft.Playwright.AriaRole.Link, new() { Name = "进度统计" }).ClickAsync();
        await Expect(page.Locator("h1")).ToContainTextAsync("进度统计");
        await Expect(page.Locator("[data-chart-table='units-persons'] svg rect.bar")).ToHaveCountAsync(3 * 6);

        var expected = new Dictionary<string, Dictionary<string, Dictionary<string, int>>>
        {
            ["halls-batches"] = new()
            {
                [$"hall-{s.HallA.Id}"] = DashboardTests.Batches(draft: 1, declared: 1, returned: 1, accepted: 1),
                [$"hall-{s.HallB.Id}"] = DashboardTests.Batches(declared: 1),
            },
            ["halls-persons"] = new()
            {
                [$"hall-{s.HallA.Id}"] = s.ExpectedA1Persons,
                [$"hall-{s.HallB.Id}"] = DashboardTests.Persons(persons: 2, compared: 1, matched: 1),
            },
            ["units-batches"] = new()
            {
                [$"unit-{s.A1.Id}"] = s.ExpectedA1Batches,
                [$"unit-{s.A2.Id}"] = DashboardTests.Batches(returned: 1),
                [$"unit-{s.B1.Id}"] = DashboardTests.Batches(declared: 1),
            },
            ["units-persons"] = new()
            {
                [$"unit-{s.A1.Id}"] = s.ExpectedA1Persons,
                [$"unit-{s.A2.Id}"] = DashboardTests.Persons(),
                [$"unit-{s.B1.Id}"] = DashboardTests.Persons(persons: 2, compared: 1, matched: 1),
            },
        };

        var charts = JsonSerializer.Deserialize<List<DrawnChart>>(await page.EvaluateAsync<string>(ReadCharts), Json)!;
        Assert.Equal(expected.Keys.Order(), charts.Select(c => c.Table).Order());
        foreach (var chart in charts)
        {
            Assert.False(string.IsNullOrWhiteSpace(chart.Title), $"{chart.Table}: the SVG has no <title>");
            Assert.Equal(chart.SeriesNames.Count, chart.Legend.Count);
            var rows = expected[chart.Table];
            Assert.Equal(rows.Count, chart.Rows.Count);
            var unit = chart.Rows.SelectMany(r => r.Bars).Where(b => b.Value > 0).Select(b => b.Width / b.Value).ToList();
            foreach (var (key, bars) in chart.RowKeys.Zip(chart.Rows.Select(r => r.Bars)))
            {
                Assert.Equal(chart.SeriesNames.Count, bars.Count);
                foreach (var bar in bars)
                {
                    Assert.Equal(rows[key][bar.Series], bar.Value);
                    Assert.Contains($"：{bar.Value}", bar.Title);
                    if (bar.Value == 0)
                    {
                        Assert.Equal(0, bar.Width);
                    }
                }
            }

            // One scale per chart: every bar's length is its value times the same factor.
            Assert.All(unit, u => Assert.InRange(u, unit[0] * 0.999, unit[0] * 1.001));
        }

        output.WriteLine(await browser.ScreenshotAsync("admin-dashboard.png"));
        Assert.Empty(browser.Problems);
    }

    [Fact(Timeout = 240_000)]
    public async Task Person_looks_up_the_status_of_their_card_from_the_login_page()
    {
        await using var factory = new KestrelPortalFactory();
        var baseAddress = factory.Start();
        var hall = await ReviewData.CreateHallAsync(factory, "奎文区北大厅", "潍坊市奎文区胜利东街1号");
        var unit = await TestData.CreateUnitWithClerkAsync(factory, hallId: hall);
        var id = Ids.Make(year: 1993, month: 7, day: 21);
        await ReviewData.AddBatchAsync(factory, unit, Core.Batches.BatchStatus.Accepted, new PersonSpec("王小明", id)
        {
            Outcome = Core.Review.ComparisonOutcome.Mismatched,
            Mark = Core.Review.HallMark.OnSitePhoto,
            Reason = "身份信息库中没有相片",
            PhotoDate = new DateOnly(2026, 12, 3),
            PhotoHallId = hall,
        });
        await using var browser = await BrowserSession.StartAsync(baseAddress);
        var page = browser.Page;

        await page.GotoAsync("/Account/Login");
        await page.GetByRole(Microsoft.Playwright.AriaRole.Link, new() { Name = "进度查询" }).ClickAsync();
        await page.GetByLabel("身份证号码").FillAsync(id.ToLowerInvariant());
        await page.GetByLabel("姓名").FillAsync("王小明");
        await page.GetByRole(Microsoft.Playwright.AriaRole.Button, new() { Name = "查询" }).ClickAsync();
        await Expect(page.Locator("#lookup-result")).ToContainTextAsync("需到「奎文区北大厅」现场拍照");
        await Expect(page.Locator("#result-id")).ToHaveTextAsync(Core.Persons.CitizenId.Mask(id));
        await Expect(page.Locator("li[data-step='accepted']")).ToHaveAttributeAsync("data-state", "Done");
        await Expect(page.Locator("li[data-step='exported']")).ToHaveAttributeAsync("data-state", "Waiting");
        await Expect(page.GetByLabel("身份证号码")).ToHaveValueAsync("");
        output.WriteLine(await browser.ScreenshotAsync("status-lookup.png"));
        Assert.Empty(browser.Problems);
    }

    private const string ReadCharts = """
        () => JSON.stringify(Array.from(document.querySelectorAll(".chart[data-chart]")).map(chart => {
          const table = document.getElementById(chart.getAttribute("data-chart-table"));
          const svg = chart.querySelector("svg");
          return {
            table: table.id,
            title: svg ? svg.querySelector(":scope > title").textContent : "",
            seriesNames: Array.from(table.querySelectorAll("thead th[data-series]")).map(th => th.textContent.trim()),
            legend: Array.from(chart.querySelectorAll("g.legend text")).map(t => t.textContent),
            rowKeys: Array.from(table.tBodies[0].rows).map(tr => tr.getAttribute("data-key")),
            rows: Array.from(chart.querySelectorAll("g.row")).map(g => ({
              bars: Array.from(g.querySelectorAll("rect.bar")).map(r => ({
                series: r.getAttribute("data-series"),
                value: Number(r.getAttribute("data-value")),
                width: r.width.baseVal.value,
                title: r.querySelector("title").textContent,
              })),
            })),
          };
        }))
        """;

    private sealed record DrawnChart(string Table, string Title, List<string> SeriesNames, List<string> Legend, List<string> RowKeys, List<DrawnRow> Rows);

    private sealed record DrawnRow(List<DrawnBar> Bars);

    private sealed record DrawnBar(string Series, int Value, double Width, string Title);
}
