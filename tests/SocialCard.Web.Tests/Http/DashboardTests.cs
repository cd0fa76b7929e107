using System.Globalization;
using System.Net;
using AngleSharp.Html.Dom;
using SocialCard.Core.Batches;
using SocialCard.Core.Review;
using SocialCard.Web.Tests.Infrastructure;

namespace SocialCard.Web.Tests.Http;

/// <summary>
/// The progress dashboards of the information centre and the halls: exact counts per unit and per hall, the same
/// numbers in chart source and table, and a hall that sees only its own units.
/// </summary>
public abstract class DashboardTests(PortalFactory factory)
{
    protected PortalFactory Factory { get; } = factory;

    [Fact]
    public async Task Admin_dashboard_counts_batches_and_persons_per_unit_and_per_hall_exactly()
    {
        var s = await BuildScenarioAsync(Factory);
        using var admin = await PortalClient.SignedInAsync(Factory, await TestData.CreateAdminAsync(Factory));
        var page = await admin.GetOkPageAsync("/Admin/Dashboard");

        Assert.Equal(s.ExpectedA1Batches, Row(page, "units-batches", $"unit-{s.A1.Id}"));
        Assert.Equal(s.ExpectedA1Persons, Row(page, "units-persons", $"unit-{s.A1.Id}"));
        Assert.Equal(Batches(returned: 1), Row(page, "units-batches", $"unit-{s.A2.Id}"));
        Assert.Equal(Persons(), Row(page, "units-persons", $"unit-{s.A2.Id}"));
        Assert.Equal(Batches(declared: 1), Row(page, "units-batches", $"unit-{s.B1.Id}"));
        Assert.Equal(Persons(persons: 2, compared: 1, matched: 1), Row(page, "units-persons", $"unit-{s.B1.Id}"));

        // A hall's row is the sum of its units; a unit without a batch is not a row.
        Assert.Equal(Batches(draft: 1, declared: 1, returned: 1, accepted: 1), Row(page, "halls-batches", $"hall-{s.HallA.Id}"));
        Assert.Equal(s.ExpectedA1Persons, Row(page, "halls-persons", $"hall-{s.HallA.Id}"));
        Assert.Equal(Batches(declared: 1), Row(page, "halls-batches", $"hall-{s.HallB.Id}"));
        Assert.Null(page.QuerySelector($"tr[data-key='unit-{s.Idle.Id}']"));

        // The chart is drawn from the table's columns marked as series, by the app's own script.
        var chart = page.QuerySelector("[data-chart-table='halls-persons']");
        Assert.NotNull(chart);
        Assert.Equal("grouped", chart!.GetAttribute("data-chart"));
        var series = page.QuerySelectorAll("#halls-persons thead th[data-series]").Select(th => th.GetAttribute("data-series")).ToList();
        Assert.Equal(["persons", "compared", "matched", "awaiting-photo", "correction", "exported"], series);
        Assert.Contains(page.Scripts, script => script.Source?.StartsWith("/js/charts.js", StringComparison.Ordinal) == true);
        Assert.Empty(page.QuerySelectorAll("[style]"));
    }

    [Fact]
    public async Task Admin_dashboard_shows_one_halls_units_when_asked()
    {
        var s = await BuildScenarioAsync(Factory);
        using var admin = await PortalClient.SignedInAsync(Factory, await TestData.CreateAdminAsync(Factory));
        var page = await admin.GetOkPageAsync($"/Admin/Dashboard?hall={s.HallB.Id}");

        Assert.NotNull(page.QuerySelector($"#units-batches tr[data-key='unit-{s.B1.Id}']"));
        Assert.Null(page.QuerySelector($"#units-batches tr[data-key='unit-{s.A1.Id}']"));
        Assert.Equal(Batches(declared: 1), Row(page, "units-batches", "total"));
        // The hall section still lists every hall.
        Assert.NotNull(page.QuerySelector($"#halls-batches tr[data-key='hall-{s.HallA.Id}']"));
    }

    [Fact]
    public async Task Hall_dashboard_shows_only_the_units_of_the_staff_members_hall()
    {
        var s = await BuildScenarioAsync(Factory);
        using var staffA = await PortalClient.SignedInAsync(Factory, s.HallA.UserName);
        var (response, page) = await staffA.GetPageAsync("/Hall/Dashboard");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        Assert.Equal(s.ExpectedA1Batches, Row(page, "units-batches", $"unit-{s.A1.Id}"));
        Assert.Equal(s.ExpectedA1Persons, Row(page, "units-persons", $"unit-{s.A1.Id}"));
        Assert.Equal(Batches(returned: 1), Row(page, "units-batches", $"unit-{s.A2.Id}"));
        Assert.Equal(Batches(draft: 1, declared: 1, returned: 1, accepted: 1), Row(page, "units-batches", "total"));
        Assert.Equal(s.ExpectedA1Persons, Row(page, "units-persons", "total"));
        Assert.Equal(2, page.QuerySelectorAll("#units-batches tbody tr").Length);

        var html = page.DocumentElement.OuterHtml;
        Assert.DoesNotContain(s.B1.Name, html);
        Assert.DoesNotContain(s.B1.Number, html);
        Assert.Null(page.QuerySelector("#halls-batches"));

        using var staffB = await PortalClient.SignedInAsync(Factory, s.HallB.UserName);
        var pageB = await staffB.GetOkPageAsync("/Hall/Dashboard");
        Assert.Equal(["unit-" + s.B1.Id], pageB.QuerySelectorAll("#units-persons tbody tr").Select(tr => tr.GetAttribute("data-key")).ToList());
        Assert.DoesNotContain(s.A1.Name, pageB.DocumentElement.OuterHtml);
    }

    [Fact]
    public async Task Dashboards_are_closed_to_other_roles()
    {
        var s = await BuildScenarioAsync(Factory);
        using var clerk = await PortalClient.SignedInAsync(Factory, s.A1.Number);
        using var staff = await PortalClient.SignedInAsync(Factory, s.HallA.UserName);
        foreach (var (client, url) in new[] { (clerk, "/Admin/Dashboard"), (clerk, "/Hall/Dashboard"), (staff, "/Admin/Dashboard") })
        {
            var response = await client.Http.GetAsync(url);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/Account/AccessDenied", response.Headers.Location!.PathAndQuery);
        }

        using var anonymous = PortalClient.Create(Factory);
        var redirected = await anonymous.Http.GetAsync("/Admin/Dashboard");
        Assert.StartsWith("/Account/Login", redirected.Headers.Location!.PathAndQuery);
    }

    /// <summary>
    /// Hall A: unit A1 with a draft batch (1 person, not counted), a declared batch of 4 (matched; mismatched and
    /// awaiting an on-site photo; not found and marked for correction; not compared yet) and an accepted batch of 2
    /// (both matched, one exported, one whose on-site photo was taken); unit A2 with a returned batch of 1.
    /// Hall B: unit B1 with a declared batch of 2 (one matched). An idle unit of hall A has no batch.
    /// </summary>
    internal static async Task<Scenario> BuildScenarioAsync(PortalFactory factory)
    {
        var hallA = await TestData.CreateHallWithStaffAsync(factory);
        var hallB = await TestData.CreateHallWithStaffAsync(factory);
        var a1 = await TestData.CreateUnitWithClerkAsync(factory, hallId: hallA.Id);
        var a2 = await TestData.CreateUnitWithClerkAsync(factory, hallId: hallA.Id);
        var idle = await TestData.CreateUnitWithClerkAsync(factory, hallId: hallA.Id);
        var b1 = await TestData.CreateUnitWithClerkAsync(factory, hallId: hallB.Id);

        await ReviewData.AddBatchAsync(factory, a1, BatchStatus.Draft, Person());
        await ReviewData.AddBatchAsync(
            factory,
            a1,
            BatchStatus.Declared,
            Person() with { Outcome = ComparisonOutcome.Matched },
            Person() with { Outcome = ComparisonOutcome.Mismatched, Mark = HallMark.OnSitePhoto },
            Person() with { Outcome = ComparisonOutcome.NotFound, Mark = HallMark.Correction },
            Person());
        await ReviewData.AddBatchAsync(
            factory,
            a1,
            BatchStatus.Accepted,
            Person() with { Outcome = ComparisonOutcome.Matched, Exported = true },
            Person() with { Outcome = ComparisonOutcome.Matched, Mark = HallMark.OnSitePhoto, PhotoDate = new DateOnly(2026, 12, 1), PhotoHallId = hallA.Id, PhotoTaken = true });
        await ReviewData.AddBatchAsync(factory, a2, BatchStatus.Returned, Person());
        await ReviewData.AddBatchAsync(factory, b1, BatchStatus.Declared, Person() with { Outcome = ComparisonOutcome.Matched }, Person());

        return new Scenario(
            hallA,
            hallB,
            a1,
            a2,
            b1,
            idle,
            Batches(draft: 1, declared: 1, accepted: 1),
            Persons(persons: 6, compared: 5, matched: 3, mismatched: 1, notFound: 1, awaitingPhoto: 1, correction: 1, exported: 1));
    }

    internal sealed record Scenario(
        TestHall HallA,
        TestHall HallB,
        TestUnit A1,
        TestUnit A2,
        TestUnit B1,
        TestUnit Idle,
        Dictionary<string, int> ExpectedA1Batches,
        Dictionary<string, int> ExpectedA1Persons);

    private static PersonSpec Person() => new("张测试", Ids.Make(year: 1985, month: 3, day: 9));

    internal static Dictionary<string, int> Batches(int draft = 0, int declared = 0, int returned = 0, int accepted = 0) => new()
    {
        ["draft"] = draft,
        ["declared"] = declared,
        ["returned"] = returned,
        ["accepted"] = accepted,
        ["batches"] = draft + declared + returned + accepted,
    };

    internal static Dictionary<string, int> Persons(
        int persons = 0, int compared = 0, int matched = 0, int mismatched = 0, int notFound = 0, int awaitingPhoto = 0, int correction = 0, int exported = 0) => new()
        {
            ["persons"] = persons,
            ["compared"] = compared,
            ["matched"] = matched,
            ["mismatched"] = mismatched,
            ["not-found"] = notFound,
            ["awaiting-photo"] = awaitingPhoto,
            ["correction"] = correction,
            ["exported"] = exported,
        };

    /// <summary>A table row's numbers by column; each shown number must equal its data-value (what the chart draws).</summary>
    internal static Dictionary<string, int> Row(IHtmlDocument page, string tableId, string key)
    {
        var row = page.QuerySelector($"#{tableId} tr[data-key='{key}']") ?? throw new Xunit.Sdk.XunitException($"No row {key} in #{tableId}");
        var values = new Dictionary<string, int>();
        foreach (var cell in row.QuerySelectorAll("td[data-col]"))
        {
            var value = int.Parse(cell.GetAttribute("data-value")!, CultureInfo.InvariantCulture);
            Assert.Equal(value.ToString(CultureInfo.InvariantCulture), cell.TextContent.Trim());
            values[cell.GetAttribute("data-col")!] = value;
        }

        return values;
    }
}

public sealed class SqliteDashboardTests(SqlitePortalFactory factory) : DashboardTests(factory), IClassFixture<SqlitePortalFactory>;

public sealed class PostgresDashboardTests(PostgresPortalFactory factory) : DashboardTests(factory), IClassFixture<PostgresPortalFactory>;
