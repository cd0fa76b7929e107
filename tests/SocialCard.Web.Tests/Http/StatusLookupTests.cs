using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SocialCard.Core.Batches;
using SocialCard.Core.Persons;
using SocialCard.Core.Review;
using SocialCard.Data;
using SocialCard.Web.Status;
using SocialCard.Web.Tests.Infrastructure;

namespace SocialCard.Web.Tests.Http;

/// <summary>
/// The public status lookup: the stages a person sees, the single answer for every no-match, and the rate limits
/// per client address and per ID number. Each test is its own visitor address (see <see cref="StatusLookupFactory"/>).
/// </summary>
public abstract partial class StatusLookupTests(StatusLookupFactory factory)
{
    protected StatusLookupFactory Factory { get; } = factory;

    [Fact]
    public async Task Lookup_page_is_public_and_linked_from_the_login_page()
    {
        using var visitor = Visitor();
        var page = await visitor.GetOkPageAsync("/Status");
        Assert.Contains("社保卡办理进度查询", page.QuerySelector("h1")!.TextContent);
        Assert.NotNull(page.QuerySelector("#lookup-form input[name=__RequestVerificationToken]"));
        var login = await visitor.GetOkPageAsync("/Account/Login");
        Assert.NotNull(login.QuerySelector("a[href='/Status']"));
    }

    [Fact]
    public async Task Person_marked_for_an_on_site_photo_sees_the_hall_and_date_and_nothing_else_of_the_record()
    {
        var unit = await TestData.CreateUnitWithClerkAsync(Factory, hallId: await ReviewData.CreateHallAsync(Factory, "单位所属大厅"));
        var photoHall = await ReviewData.CreateHallAsync(Factory, "奎文区北大厅" + Suffix(), "潍坊市奎文区胜利东街1号");
        var id = Ids.Make(year: 1992, month: 11, day: 2);
        var batch = await ReviewData.AddBatchAsync(Factory, unit, BatchStatus.Declared, new PersonSpec("王小明", id)
        {
            Outcome = ComparisonOutcome.Mismatched,
            Mark = HallMark.OnSitePhoto,
            Reason = "身份信息库中没有相片",
            PhotoDate = new DateOnly(2026, 12, 3),
            PhotoHallId = photoHall,
        });

        using var visitor = Visitor();
        var (response, page, html) = await LookupAsync(visitor, id, "王小明");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("王小明", page.QuerySelector("#result-name")!.TextContent);
        Assert.Equal(CitizenId.Mask(id), page.QuerySelector("#result-id")!.TextContent);

        var steps = Steps(page);
        Assert.Equal(["declared", "compared", "photo", "accepted", "exported"], steps.Keys);
        Assert.Equal(("单位已申报（信息已采集）", "Done"), (steps["declared"].Title, steps["declared"].State));
        Assert.Equal("已与身份信息库比对", steps["compared"].Title);
        Assert.Contains("姓名不一致、相片库中无记录", steps["compared"].Detail);
        var hallName = await HallNameAsync(photoHall);
        Assert.Equal(($"需到「{hallName}」现场拍照", "Action"), (steps["photo"].Title, steps["photo"].State));
        Assert.Contains("预约日期：2026年12月3日", steps["photo"].Detail);
        Assert.Contains("潍坊市奎文区胜利东街1号", steps["photo"].Detail);
        Assert.Contains("身份信息库中没有相片", steps["photo"].Detail);
        Assert.Equal("Waiting", steps["accepted"].State);
        Assert.Equal("Waiting", steps["exported"].State);

        // Name and masked number only: not the number, the phone, the address, the unit or the registry's values.
        Assert.DoesNotContain(id, html);
        Assert.DoesNotContain("13912345678", html);
        Assert.DoesNotContain("示例路8号", html);
        Assert.DoesNotContain(unit.Name, html);
        Assert.DoesNotContain(ReviewData.RegistryNameOfMismatch, html);

        await using var scope = Factory.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var audit = await db.AuditEntries.SingleAsync(a => a.Action == "StatusLookup" && a.EntityId == batch.PersonIds[0].ToString());
        Assert.Equal(unit.Id, audit.UnitId);
        Assert.Contains(CitizenId.Mask(id), audit.Changes);
        Assert.DoesNotContain(id, audit.Changes);
    }

    [Fact]
    public async Task Exported_person_typed_with_full_width_digits_and_lower_case_x_sees_the_most_recent_batch_done()
    {
        var unit = await TestData.CreateUnitWithClerkAsync(Factory);
        var id = IdEndingWithX();
        await ReviewData.AddBatchAsync(Factory, unit, BatchStatus.Declared, new PersonSpec("李红", id));
        await ReviewData.AddBatchAsync(Factory, unit, BatchStatus.Accepted, new PersonSpec("李红", id) { Outcome = ComparisonOutcome.Matched, Exported = true });

        using var visitor = Visitor();
        var typed = string.Concat(id[..17].Select(c => (char)(c + 0xFEE0))) + "x";
        var (response, page, _) = await LookupAsync(visitor, " " + typed + " ", " 李红 ");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(CitizenId.Mask(id), page.QuerySelector("#result-id")!.TextContent);
        var steps = Steps(page);
        Assert.Equal(["declared", "compared", "accepted", "exported"], steps.Keys);
        Assert.All(steps.Values, s => Assert.Equal("Done", s.State));
        Assert.Contains("信息一致", steps["compared"].Detail);
        Assert.Equal("采集点已受理", steps["accepted"].Title);
        Assert.Equal("已报盘，进入制卡", steps["exported"].Title);
        Assert.Contains("报盘时间", steps["exported"].Detail);
    }

    [Fact]
    public async Task Person_marked_for_correction_sees_the_reason_and_the_units_hall_and_a_dot_variant_name_matches()
    {
        var hall = await ReviewData.CreateHallAsync(Factory, "潍城区南大厅" + Suffix());
        var unit = await TestData.CreateUnitWithClerkAsync(Factory, hallId: hall);
        var id = Ids.Make(year: 1988, month: 1, day: 30, male: false);
        await ReviewData.AddBatchAsync(Factory, unit, BatchStatus.Declared, new PersonSpec("阿依古丽·买买提", id)
        {
            Outcome = ComparisonOutcome.NotFound,
            Mark = HallMark.Correction,
            Reason = "身份证号码与户籍不符",
        });

        using var visitor = Visitor();
        var (_, page, _) = await LookupAsync(visitor, id, "阿依古丽•买买提");
        var steps = Steps(page);
        Assert.Equal(["declared", "compared", "correction", "accepted", "exported"], steps.Keys);
        Assert.Contains("身份信息库中未查到该身份证号码", steps["compared"].Detail);
        Assert.Equal(("需更正信息", "Action"), (steps["correction"].Title, steps["correction"].State));
        Assert.Contains("身份证号码与户籍不符", steps["correction"].Detail);
        Assert.Contains($"「{await HallNameAsync(hall)}」", steps["correction"].Detail);
    }

    [Fact]
    public async Task No_match_answers_are_identical_for_an_unknown_number_a_wrong_name_and_an_undeclared_batch()
    {
        var unit = await TestData.CreateUnitWithClerkAsync(Factory);
        var declared = Ids.Make(year: 1979, month: 6, day: 6);
        var draft = Ids.Make(year: 1979, month: 6, day: 7);
        await ReviewData.AddBatchAsync(Factory, unit, BatchStatus.Declared, new PersonSpec("赵四", declared));
        await ReviewData.AddBatchAsync(Factory, unit, BatchStatus.Draft, new PersonSpec("钱五", draft));

        using var visitor = Visitor();
        var unknown = await LookupAsync(visitor, Ids.Make(year: 1979, month: 6, day: 8), "赵四");
        var wrongName = await LookupAsync(visitor, declared, "赵三");
        var undeclared = await LookupAsync(visitor, draft, "钱五");

        Assert.Equal(HttpStatusCode.OK, unknown.Response.StatusCode);
        Assert.Equal(StatusLookup.NoMatchMessage, unknown.Page.QuerySelector("#lookup-answer")!.TextContent);
        Assert.Null(unknown.Page.QuerySelector("#lookup-result"));
        Assert.Equal(WithoutTokens(unknown.Html), WithoutTokens(wrongName.Html));
        Assert.Equal(WithoutTokens(unknown.Html), WithoutTokens(undeclared.Html));
        Assert.DoesNotContain("赵", unknown.Html);
        Assert.Equal(3, AntiforgeryValue().Count(unknown.Html) + AntiforgeryValue().Count(wrongName.Html) + AntiforgeryValue().Count(undeclared.Html));
    }

    [Fact]
    public async Task Invalid_number_is_explained_without_looking_anyone_up()
    {
        using var visitor = Visitor();
        var (response, page, _) = await LookupAsync(visitor, Ids.WithWrongCheck(Ids.Make(year: 1979, month: 6, day: 9)), "赵四");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("身份证号码不正确", page.QuerySelector("#lookup-answer")!.TextContent);
    }

    [Fact]
    public async Task Too_many_lookups_from_one_address_answer_429_in_Chinese_with_when_to_retry()
    {
        using var visitor = Visitor();
        for (var i = 0; i < StatusLookupFactory.PermitsPerMinute; i++)
        {
            var allowed = await LookupAsync(visitor, Ids.Make(year: 1970, month: 2, day: 3), "孙六");
            Assert.Equal(HttpStatusCode.OK, allowed.Response.StatusCode);
        }

        var refused = await LookupAsync(visitor, Ids.Make(year: 1970, month: 2, day: 3), "孙六");
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.Response.StatusCode);
        Assert.Contains("查询过于频繁", refused.Page.QuerySelector("h1")!.TextContent);
        Assert.Matches(@"请在 \d\d:\d\d 以后（约 1 分钟后）再试", refused.Page.Body!.TextContent);
        var retryAfter = refused.Response.Headers.RetryAfter?.Delta ?? throw new Xunit.Sdk.XunitException("No Retry-After header.");
        Assert.InRange(retryAfter.TotalSeconds, 1, 60);
        Assert.NotNull(refused.Page.QuerySelector("a[href='/Status']"));

        // The form itself stays reachable, and another address is not affected.
        await visitor.GetOkPageAsync("/Status");
        using var other = Visitor();
        Assert.Equal(HttpStatusCode.OK, (await LookupAsync(other, Ids.Make(year: 1970, month: 2, day: 3), "孙六")).Response.StatusCode);
    }

    [Fact]
    public async Task Failed_lookups_of_one_number_from_many_addresses_lock_that_number_whether_or_not_it_exists()
    {
        var unit = await TestData.CreateUnitWithClerkAsync(Factory);
        var known = Ids.Make(year: 1966, month: 4, day: 4);
        var other = Ids.Make(year: 1966, month: 4, day: 5);
        var unknown = Ids.Make(year: 1966, month: 4, day: 6);
        await ReviewData.AddBatchAsync(Factory, unit, BatchStatus.Declared, new PersonSpec("周七", known), new PersonSpec("吴八", other));

        foreach (var id in new[] { known, unknown })
        {
            for (var i = 0; i < StatusLookupFactory.FailuresPerIdNumber; i++)
            {
                using var guesser = Visitor();
                var guess = await LookupAsync(guesser, id, "猜名" + (char)('一' + i));
                Assert.Equal(HttpStatusCode.OK, guess.Response.StatusCode);
                Assert.Equal(StatusLookup.NoMatchMessage, guess.Page.QuerySelector("#lookup-answer")!.TextContent);
            }

            using var late = Visitor();
            var locked = await LookupAsync(late, id, "周七");
            Assert.Equal(HttpStatusCode.TooManyRequests, locked.Response.StatusCode);
            Assert.Contains("查询过于频繁", locked.Page.QuerySelector("h1")!.TextContent);
            Assert.Contains("约 60 分钟后", locked.Page.Body!.TextContent);
        }

        using var person = Visitor();
        var (response, page, _) = await LookupAsync(person, other, "吴八");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("吴八", page.QuerySelector("#result-name")!.TextContent);
    }

    [Fact]
    public async Task Lookup_without_antiforgery_token_is_rejected()
    {
        using var visitor = Visitor();
        var response = await visitor.Http.PostAsync("/Status", new FormUrlEncodedContent(new Dictionary<string, string> { ["IdNumber"] = Ids.Make(), ["Name"] = "张三" }));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    private PortalClient Visitor() => ClientAddresses.Visitor(Factory);

    private static async Task<(HttpResponseMessage Response, AngleSharp.Html.Dom.IHtmlDocument Page, string Html)> LookupAsync(PortalClient visitor, string idNumber, string name)
    {
        var response = await visitor.SubmitAsync("/Status", "#lookup-form", new() { ["IdNumber"] = idNumber, ["Name"] = name });
        var html = await response.Content.ReadAsStringAsync();
        return (response, new HtmlParser().ParseDocument(html), html);
    }

    private static Dictionary<string, (string Title, string State, string Detail)> Steps(AngleSharp.Html.Dom.IHtmlDocument page) =>
        page.QuerySelectorAll("#lookup-result ol.steps li").ToDictionary(
            li => li.GetAttribute("data-step")!,
            li => (li.QuerySelector(".step-title")!.TextContent, li.GetAttribute("data-state")!, li.QuerySelector(".step-detail")?.TextContent ?? ""));

    private async Task<string> HallNameAsync(int hallId)
    {
        await using var scope = Factory.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().Halls.Where(h => h.Id == hallId).Select(h => h.Name).SingleAsync();
    }

    private static string IdEndingWithX()
    {
        for (var i = 0; i < 200; i++)
        {
            var id = Ids.Make(year: 1981, month: 9, day: 14);
            if (id[17] == 'X')
            {
                return id;
            }
        }

        throw new InvalidOperationException("No ID number with check character X among 200.");
    }

    private static string Suffix() => Guid.NewGuid().ToString("N")[..4];

    private static string WithoutTokens(string html) => AntiforgeryValue().Replace(html, "$1");

    [GeneratedRegex("(name=\"__RequestVerificationToken\" type=\"hidden\" value=\")[^\"]*")]
    private static partial Regex AntiforgeryValue();
}

/// <summary>
/// The portal with small lookup limits, where a test request names its client address in a header (the in-memory
/// test server has none), so every test is its own visitor and the per-address limit of one does not touch another.
/// </summary>
public abstract class StatusLookupFactory(DatabaseProvider provider) : ClientAddressPortalFactory(provider)
{
    public const int PermitsPerMinute = 5;
    public const int FailuresPerIdNumber = 3;

    protected override IDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
    {
        ["StatusLookup:PermitsPerMinute"] = PermitsPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["StatusLookup:FailuresPerIdNumberPerHour"] = FailuresPerIdNumber.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}

public sealed class SqliteStatusLookupFactory() : StatusLookupFactory(DatabaseProvider.Sqlite);

public sealed class PostgresStatusLookupFactory() : StatusLookupFactory(DatabaseProvider.Postgres);

public sealed class SqliteStatusLookupTests(SqliteStatusLookupFactory factory) : StatusLookupTests(factory), IClassFixture<SqliteStatusLookupFactory>;

public sealed class PostgresStatusLookupTests(PostgresStatusLookupFactory factory) : StatusLookupTests(factory), IClassFixture<PostgresStatusLookupFactory>;
