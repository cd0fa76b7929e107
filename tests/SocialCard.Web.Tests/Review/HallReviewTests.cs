using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SocialCard.Core.Batches;
using SocialCard.Core.Documents;
using SocialCard.Core.Registry;
using SocialCard.Core.Review;
using SocialCard.Data;
using SocialCard.Web.Tests.Infrastructure;

namespace SocialCard.Web.Tests.Review;

/// <summary>
/// The hall's review of a declared batch through its pages: comparison with the mock registry, marks, accept and
/// return with reasons, the summary-table lookup, and isolation between halls. Runs on SQLite and PostgreSQL.
/// </summary>
public abstract class HallReviewTests(PortalFactory factory)
{
    [Fact]
    public async Task Comparison_shows_matched_mismatched_and_unknown_persons_with_the_registry_values()
    {
        var (hall, unit) = await HallWithUnitAsync();
        var persons = DeclaredBatches.Matching(factory, 5);
        var renamed = DeclaredBatches.Matching(factory, 1).Single();
        var registryName = renamed.Name;
        persons.Add(renamed with { Name = OtherName(renamed.Name) });
        persons.AddRange(DeclaredBatches.Unknown(factory, 1));
        var (batchId, _) = await DeclaredBatches.CreateAsync(factory, unit.Id, persons);

        using var staff = await PortalClient.SignedInAsync(factory, hall.UserName);
        var queue = await staff.GetOkPageAsync("/Hall");
        Assert.Contains(queue.QuerySelectorAll("table.queue a"), a => a.GetAttribute("href") == $"/Hall/Batches/Details/{batchId}");

        var page = $"/Hall/Batches/Details/{batchId}";
        var compared = await staff.SubmitAsync(page, "form[action*='handler=Compare']", []);
        Assert.Equal(HttpStatusCode.Redirect, compared.StatusCode);

        var all = await staff.GetOkPageAsync(page + "?show=all");
        Assert.Contains("比对完成", all.QuerySelector(".notice")?.TextContent);
        Assert.Equal("7", Count(all, "compared"));
        Assert.Equal("5", Count(all, "matched"));
        Assert.Equal("1", Count(all, "mismatched"));
        Assert.Equal("1", Count(all, "notfound"));
        Assert.Equal("0", Count(all, "pending"));

        var mismatched = await staff.GetOkPageAsync(page + "?show=mismatched");
        var row = Assert.Single(mismatched.QuerySelectorAll("#persons tbody tr"));
        Assert.Contains($"姓名 ×（库：{registryName}）", row.TextContent);
        Assert.DoesNotContain("身份证号码", row.QuerySelector("td.comparison")!.TextContent);
        var unknown = await staff.GetOkPageAsync(page + "?show=notfound");
        var unknownRow = Assert.Single(unknown.QuerySelectorAll("#persons tbody tr"));
        Assert.Contains("库中无此人", unknownRow.TextContent);
        Assert.Null(unknownRow.QuerySelector("img"));
        var unknownId = unknownRow.GetAttribute("data-person");
        Assert.Equal(HttpStatusCode.NotFound, (await staff.Http.GetAsync($"{page}?handler=RegistryPhoto&person={unknownId}")).StatusCode);

        // Matched persons show the registry's photo beside their own.
        var matched = await staff.GetOkPageAsync(page + "?show=matched");
        var thumbs = matched.QuerySelectorAll("#persons img.thumb").Select(i => i.GetAttribute("src")!).ToList();
        Assert.Equal(5, thumbs.Count);
        var photo = await staff.Http.GetAsync(thumbs[0]);
        Assert.Equal(HttpStatusCode.OK, photo.StatusCode);
        Assert.Equal("image/jpeg", photo.Content.Headers.ContentType?.MediaType);
        Assert.Equal([0xFF, 0xD8], (await photo.Content.ReadAsByteArrayAsync())[..2]);

        // Nothing is pending, so only a fresh comparison is offered; a stale form posting again asks nothing new.
        var done = await staff.GetOkPageAsync(page);
        Assert.Null(done.QuerySelector("form[action*='handler=Compare']"));
        Assert.NotNull(done.QuerySelector("form[action*='handler=Recompare']"));
        await staff.PostWithTokenAsync(page, page + "?handler=Compare", []);
        Assert.Contains("均已比对", (await staff.GetOkPageAsync(page)).QuerySelector(".notice")?.TextContent);
    }

    [Fact]
    public async Task Staff_mark_two_persons_for_an_onsite_photo_and_accept_the_batch_which_the_unit_sees()
    {
        var (hall, unit) = await HallWithUnitAsync();
        var (batchId, personIds) = await DeclaredBatches.CreateAsync(factory, unit.Id, DeclaredBatches.Matching(factory, 4));
        using var staff = await PortalClient.SignedInAsync(factory, hall.UserName);
        var page = $"/Hall/Batches/Details/{batchId}";

        // Accepting before the comparison is refused.
        await staff.SubmitAsync(page, "form[action*='handler=Accept']", []);
        Assert.Contains("还有 4 人未与身份信息库比对", (await staff.GetOkPageAsync(page)).QuerySelector(".notice.error")?.TextContent);

        await staff.SubmitAsync(page, "form[action*='handler=Compare']", []);

        // A mark needs a reason; without one nothing changes.
        var refused = await staff.SubmitAsync(page, "#review-form", new() { ["ids"] = personIds[0].ToString(), ["mark"] = "1", ["reason"] = " " });
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Contains("请填写标记", (await staff.GetOkPageAsync(page)).QuerySelector(".notice.error")?.TextContent);
        Assert.Equal(0, await CountMarksAsync(batchId));

        var form = await staff.GetOkPageAsync(page);
        var marked = await staff.Http.PostAsync(page + "?handler=Mark", new FormUrlEncodedContent(
        [
            new("__RequestVerificationToken", Token(form)),
            new("ids", personIds[1].ToString()),
            new("ids", personIds[2].ToString()),
            new("mark", ((int)HallMark.OnSitePhoto).ToString()),
            new("reason", "相片不清晰，需现场拍照"),
        ]));
        Assert.Equal(HttpStatusCode.Redirect, marked.StatusCode);
        var after = await staff.GetOkPageAsync(page);
        Assert.Contains("已将 2 人标记为“现场拍照”", after.QuerySelector(".notice")?.TextContent);
        Assert.Equal("2", Count(after, "onsite"));
        Assert.Equal(2, await CountMarksAsync(batchId));

        var accepted = await staff.SubmitAsync(page, "form[action*='handler=Accept']", []);
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        var done = await staff.GetOkPageAsync(page);
        Assert.Equal("已受理", done.QuerySelector("h1 .status")?.TextContent);
        Assert.Null(done.QuerySelector("form[action*='handler=Accept']"));

        using var clerk = await PortalClient.SignedInAsync(factory, unit.Number);
        var unitPage = await clerk.GetOkPageAsync($"/Unit/Batches/Details/{batchId}");
        Assert.Equal("已受理", unitPage.QuerySelector("h1 .status")?.TextContent);
        Assert.Equal(2, unitPage.QuerySelectorAll("td.hall-mark").Count(td => td.TextContent.Contains("现场拍照：相片不清晰，需现场拍照")));

        await using var scope = factory.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var actions = await db.AuditEntries.Where(a => a.EntityType == "Batch" && a.EntityId == batchId.ToString()).Select(a => a.Action).ToListAsync();
        Assert.Contains("CompareBatch", actions);
        Assert.Contains("MarkPersons", actions);
        Assert.Contains("AcceptBatch", actions);
    }

    [Fact]
    public async Task Returning_needs_a_reason_the_unit_then_sees_and_drops_the_comparison()
    {
        var (hall, unit) = await HallWithUnitAsync();
        var (batchId, _) = await DeclaredBatches.CreateAsync(factory, unit.Id, DeclaredBatches.Matching(factory, 3));
        using var staff = await PortalClient.SignedInAsync(factory, hall.UserName);
        var page = $"/Hall/Batches/Details/{batchId}";
        await staff.SubmitAsync(page, "form[action*='handler=Compare']", []);

        await staff.SubmitAsync(page, "form[action*='handler=Return']", new() { ["reason"] = "" });
        var still = await staff.GetOkPageAsync(page);
        Assert.Contains("请填写退回原因", still.QuerySelector(".notice.error")?.TextContent);
        Assert.Equal("已申报", still.QuerySelector("h1 .status")?.TextContent);

        var returned = await staff.SubmitAsync(page, "form[action*='handler=Return']", new() { ["reason"] = "第 2 行联系电话有误，请核对后重新申报。" });
        Assert.Equal(HttpStatusCode.Redirect, returned.StatusCode);

        using var clerk = await PortalClient.SignedInAsync(factory, unit.Number);
        var unitPage = await clerk.GetOkPageAsync($"/Unit/Batches/Details/{batchId}");
        Assert.Contains("第 2 行联系电话有误，请核对后重新申报。", unitPage.QuerySelector(".notice.warning")?.TextContent);

        await using var scope = factory.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        Assert.Equal(0, await db.Comparisons.CountAsync(c => c.BatchId == batchId));
        Assert.Equal(BatchStatus.Returned, await db.Batches.Where(b => b.Id == batchId).Select(b => b.Status).SingleAsync());
    }

    [Fact]
    public async Task The_summary_table_code_opens_its_batch_until_the_batch_changes()
    {
        var (hall, unit) = await HallWithUnitAsync();
        var (batchId, personIds) = await DeclaredBatches.CreateAsync(factory, unit.Id, DeclaredBatches.Matching(factory, 3));
        using var clerk = await PortalClient.SignedInAsync(factory, unit.Number);
        var pdf = await clerk.Http.GetAsync($"/Unit/Batches/Details/{batchId}?handler=Summary");
        Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
        var digest = await StoredDigestAsync(batchId);
        Assert.NotNull(digest);
        Assert.Contains(digest, pdf.Content.Headers.ContentDisposition?.FileNameStar ?? pdf.Content.Headers.ContentDisposition?.FileName);

        // What a scanner reads from the printed QR code.
        var scanned = await QrScanner.ReadFirstPageAsync(await pdf.Content.ReadAsByteArrayAsync());
        Assert.Equal($"SOCIALCARD|{unit.Number}|{batchId}|{digest}", scanned);

        using var staff = await PortalClient.SignedInAsync(factory, hall.UserName);
        foreach (var code in new[] { scanned, BatchDigest.Format(digest), digest.ToLowerInvariant() })
        {
            var found = await staff.Http.GetAsync("/Hall/Lookup?code=" + Uri.EscapeDataString(code));
            Assert.Equal(HttpStatusCode.Redirect, found.StatusCode);
            Assert.Equal($"/Hall/Batches/Details/{batchId}", found.Headers.Location?.OriginalString);
        }

        // The unit withdraws, changes a phone number and declares again without printing a new table.
        await using (var scope = factory.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var validation = scope.ServiceProvider.GetRequiredService<SocialCard.Web.Infrastructure.PersonValidation>();
            var batch = await db.Batches.Include(b => b.Persons).SingleAsync(b => b.Id == batchId);
            Assert.True(batch.Withdraw("test", DateTimeOffset.UtcNow).Succeeded);
            var person = batch.Persons.Single(p => p.Id == personIds[0]);
            person.Apply(validation.Validate(person.ToInput() with { Phone = "13912345678" }), DateTimeOffset.UtcNow);
            Assert.True(batch.Declare("test", DateTimeOffset.UtcNow).Succeeded);
            await db.SaveChangesAsync();
        }

        var (response, changed) = await staff.GetPageAsync("/Hall/Lookup?code=" + Uri.EscapeDataString(BatchDigest.Format(digest)));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var problem = changed.QuerySelector(".notice.error")?.TextContent;
        Assert.Contains("不一致", problem);
        Assert.Contains("重新打印汇总表", problem);

        var garbage = await staff.GetOkPageAsync("/Hall/Lookup?code=" + Uri.EscapeDataString("<script>"));
        Assert.Contains("无法识别", garbage.QuerySelector(".notice.error")?.TextContent);
    }

    [Fact]
    public async Task A_batch_withdrawn_and_declared_again_since_the_page_was_shown_is_not_accepted_on_the_stale_page()
    {
        var (hall, unit) = await HallWithUnitAsync();
        var (batchId, _) = await DeclaredBatches.CreateAsync(factory, unit.Id, DeclaredBatches.Matching(factory, 2));
        using var staff = await PortalClient.SignedInAsync(factory, hall.UserName);
        var page = $"/Hall/Batches/Details/{batchId}";
        await staff.SubmitAsync(page, "form[action*='handler=Compare']", []);
        var stale = await staff.GetOkPageAsync(page);

        await using (var scope = factory.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var batch = await db.Batches.Include(b => b.Persons).SingleAsync(b => b.Id == batchId);
            Assert.True(batch.Withdraw("test", DateTimeOffset.UtcNow).Succeeded);
            Assert.True(batch.Declare("test", DateTimeOffset.UtcNow).Succeeded);
            await db.SaveChangesAsync();
        }

        var response = await staff.SubmitAsync(stale, page, "form[action*='handler=Accept']", []);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var after = await staff.GetOkPageAsync(page);
        Assert.Contains("刚被他人修改过", after.QuerySelector(".notice.error")?.TextContent);
        Assert.Equal("已申报", after.QuerySelector("h1 .status")?.TextContent);
    }

    [Fact]
    public async Task Staff_of_another_hall_can_neither_see_nor_act_on_the_batch()
    {
        var (hallX, unit) = await HallWithUnitAsync();
        var hallY = await TestData.CreateHallWithStaffAsync(factory);
        var (batchId, personIds) = await DeclaredBatches.CreateAsync(factory, unit.Id, DeclaredBatches.Matching(factory, 2));
        using (var clerk = await PortalClient.SignedInAsync(factory, unit.Number))
        {
            Assert.Equal(HttpStatusCode.OK, (await clerk.Http.GetAsync($"/Unit/Batches/Details/{batchId}?handler=Summary")).StatusCode);
        }

        var digest = await StoredDigestAsync(batchId);
        using var other = await PortalClient.SignedInAsync(factory, hallY.UserName);
        var queue = await other.GetOkPageAsync("/Hall");
        Assert.DoesNotContain(queue.QuerySelectorAll("a"), a => a.GetAttribute("href") == $"/Hall/Batches/Details/{batchId}");

        var page = $"/Hall/Batches/Details/{batchId}";
        Assert.Equal(HttpStatusCode.NotFound, (await other.Http.GetAsync(page)).StatusCode);
        foreach (var (handler, values) in new (string, Dictionary<string, string>)[]
        {
            ("Compare", []),
            ("Recompare", []),
            ("Mark", new() { ["ids"] = personIds[0].ToString(), ["mark"] = "1", ["reason"] = "试图越权" }),
            ("Accept", new() { ["version"] = Guid.Empty.ToString() }),
            ("Return", new() { ["version"] = Guid.Empty.ToString(), ["reason"] = "试图越权" }),
        })
        {
            var response = await other.PostWithTokenAsync("/Hall/Lookup", $"{page}?handler={handler}", values);
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{handler} gave {(int)response.StatusCode}");
        }

        var lookup = await other.GetOkPageAsync("/Hall/Lookup?code=" + digest);
        Assert.Contains("未找到", lookup.QuerySelector(".notice.error")?.TextContent);

        await using var scope = factory.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        Assert.Equal(BatchStatus.Declared, await db.Batches.Where(b => b.Id == batchId).Select(b => b.Status).SingleAsync());
        Assert.Equal(0, await db.Comparisons.CountAsync(c => c.BatchId == batchId));
        Assert.Equal(0, await CountMarksAsync(batchId));

        // The unit's own hall still works.
        using var own = await PortalClient.SignedInAsync(factory, hallX.UserName);
        Assert.Equal(HttpStatusCode.OK, (await own.Http.GetAsync(page)).StatusCode);
    }

    private async Task<(TestHall Hall, TestUnit Unit)> HallWithUnitAsync()
    {
        var hall = await TestData.CreateHallWithStaffAsync(factory);
        var unit = await TestData.CreateUnitWithClerkAsync(factory, hallId: hall.Id);
        return (hall, unit);
    }

    private async Task<int> CountMarksAsync(int batchId)
    {
        await using var scope = factory.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return await db.Persons.CountAsync(p => p.BatchId == batchId && p.HallMark != HallMark.None);
    }

    private async Task<string> StoredDigestAsync(int batchId)
    {
        await using var scope = factory.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return await db.Batches.Where(b => b.Id == batchId).Select(b => b.SummaryDigest).SingleAsync() ?? throw new InvalidOperationException("No digest stored.");
    }

    private static string Count(IHtmlDocument page, string name) =>
        page.QuerySelector($"#counts [data-count={name}]")?.TextContent.Trim() ?? throw new InvalidOperationException($"No count {name}");

    private static string Token(IHtmlDocument page) =>
        page.QuerySelector("#review-form input[name=__RequestVerificationToken]")?.GetAttribute("value") ?? throw new InvalidOperationException("No token");

    /// <summary>A different valid name: the last character replaced.</summary>
    public static string OtherName(string name) => name[..^1] + (name[^1] == '华' ? "明" : "华");
}

public sealed class SqliteHallReviewTests(SqlitePortalFactory factory) : HallReviewTests(factory), IClassFixture<SqlitePortalFactory>;

public sealed class PostgresHallReviewTests(PostgresPortalFactory factory) : HallReviewTests(factory), IClassFixture<PostgresPortalFactory>;
