using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using SocialCard.Core.Review;
using SocialCard.Web.Tests.Infrastructure;

namespace SocialCard.Web.Tests.Halls;

/// <summary>
/// 现场拍照 (/Hall/OnSite): the hall lists its units' persons marked for an on-site photo, schedules them for a day
/// at a hall, prints the day's list and records the photos taken; another hall neither sees nor changes them.
/// </summary>
public abstract class OnSitePhotoTests(PortalFactory factory)
{
    protected PortalFactory Factory { get; } = factory;

    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).DateTime);

    [Fact]
    public async Task Hall_schedules_marked_persons_prints_the_day_list_and_records_the_photos_taken()
    {
        var (hall, ids, idNumbers) = await MarkedBatchAsync();
        var otherHall = await TestData.CreateHallWithStaffAsync(Factory);
        using var staff = await PortalClient.SignedInAsync(Factory, hall.UserName);

        // The list: the two marked persons, masked, with the reason; not the unmarked one.
        var list = await staff.GetOkPageAsync("/Hall/OnSite");
        Assert.NotNull(list.QuerySelector("header nav a[href='/Hall/OnSite']"));
        var text = list.QuerySelector("form#onsite")!.TextContent;
        Assert.Contains("马现场", text);
        Assert.Contains("古丽·艾力", text);
        Assert.DoesNotContain("何不拍", text);
        Assert.Contains(idNumbers["马现场"][..6] + "********" + idNumbers["马现场"][14..], text);
        Assert.DoesNotContain(idNumbers["马现场"], list.Body!.InnerHtml);
        Assert.Contains("照片背景不合格", text);
        Assert.Equal("未预约", list.QuerySelector($"#person-{ids["马现场"]}")!.Closest("tr")!.Children[6].TextContent.Trim());
        Assert.Equal($"person-{ids["马现场"]}", list.QuerySelector($"label[for='person-{ids["马现场"]}']")!.GetAttribute("for"));

        // A day in the past is refused in Chinese, and nothing changes.
        var yesterday = Today.AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var refusal = await HallScenario.RefusalAsync(staff, await ScheduleAsync(staff, yesterday, otherHall.Id, ids["马现场"]));
        Assert.Contains("已经过去", refusal);
        Assert.Null(await DateOfAsync(ids["马现场"]));

        // Schedule both for tomorrow at the other hall.
        var tomorrow = Today.AddDays(1);
        var day = tomorrow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var scheduled = await ScheduleAsync(staff, day, otherHall.Id, ids["马现场"], ids["古丽·艾力"]);
        Assert.Equal(HttpStatusCode.Redirect, scheduled.StatusCode);
        Assert.Equal(tomorrow, await DateOfAsync(ids["马现场"]));
        Assert.Equal(otherHall.Id, await HallScenario.QueryAsync(Factory, db => db.Persons.Where(p => p.Id == ids["古丽·艾力"]).Select(p => p.OnSitePhotoHallId).SingleAsync()));
        Assert.Equal(2, await AuditCountAsync("ScheduleOnSitePhoto", ids.Values));

        // Filters: by date and hall both show them; unscheduled shows none.
        var byDay = (await staff.GetOkPageAsync($"/Hall/OnSite?date={day}&hall={otherHall.Id}")).QuerySelectorAll("input[name=ids]").Length;
        Assert.Equal(2, byDay);
        var unscheduled = await staff.GetOkPageAsync("/Hall/OnSite?unscheduled=true");
        Assert.Empty(unscheduled.QuerySelectorAll("input[name=ids]"));
        Assert.Empty((await staff.GetOkPageAsync($"/Hall/OnSite?date={day}&hall={hall.Id}")).QuerySelectorAll("input[name=ids]"));

        // The printed day list of the other hall.
        var print = await staff.GetOkPageAsync($"/Hall/OnSite/Print?date={day}&hall={otherHall.Id}");
        var sheet = print.QuerySelector(".print-sheet")!;
        Assert.Contains("现场拍照人员名单", sheet.QuerySelector("h1")!.TextContent);
        Assert.Contains(tomorrow.ToString("yyyy年M月d日", CultureInfo.InvariantCulture), sheet.TextContent);
        Assert.Equal(["序号", "姓名", "身份证号", "单位", "联系电话", "原因", "签字"], sheet.QuerySelectorAll("thead th").Select(th => th.TextContent).ToArray());
        var rows = sheet.QuerySelectorAll("tbody tr");
        Assert.Equal(2, rows.Length);
        Assert.Equal("1", rows[0].Children[0].TextContent);
        Assert.All(rows, r => Assert.Equal("", r.Children[6].TextContent));
        Assert.Contains("********", rows[0].Children[2].TextContent);
        Assert.DoesNotContain(idNumbers["马现场"], print.Body!.InnerHtml);
        Assert.Contains("身份证原件及复印件", sheet.TextContent);
        Assert.Contains("请着深色上衣", sheet.TextContent);
        Assert.NotNull(print.QuerySelector(".no-print"));

        // Photo taken for one: it leaves the pending list and appears under 已拍照.
        var taken = await HallScenario.PostAsync(staff, "/Hall/OnSite", "/Hall/OnSite?handler=Taken", HallScenario.Ids(ids["马现场"]));
        Assert.Equal(HttpStatusCode.Redirect, taken.StatusCode);
        Assert.NotNull(await HallScenario.QueryAsync(Factory, db => db.Persons.Where(p => p.Id == ids["马现场"]).Select(p => p.OnSitePhotoTakenAt).SingleAsync()));
        Assert.Equal(1, await AuditCountAsync("OnSitePhotoTaken", ids.Values));
        Assert.Null((await staff.GetOkPageAsync("/Hall/OnSite")).QuerySelector($"#person-{ids["马现场"]}"));
        Assert.Contains("马现场", (await staff.GetOkPageAsync("/Hall/OnSite?status=taken")).QuerySelector("form#onsite")!.TextContent);

        // Once taken, the person cannot be rescheduled (a Chinese refusal, nothing saved).
        Assert.Contains("没有待现场拍照的标记", await HallScenario.RefusalAsync(staff, await ScheduleAsync(staff, day, hall.Id, ids["马现场"], ids["古丽·艾力"])));
        Assert.Equal(otherHall.Id, await HallScenario.QueryAsync(Factory, db => db.Persons.Where(p => p.Id == ids["古丽·艾力"]).Select(p => p.OnSitePhotoHallId).SingleAsync()));
    }

    [Fact]
    public async Task Another_hall_neither_sees_nor_schedules_nor_closes_this_halls_persons()
    {
        var (_, ids, _) = await MarkedBatchAsync();
        var other = await TestData.CreateHallWithStaffAsync(Factory);
        using var stranger = await PortalClient.SignedInAsync(Factory, other.UserName);

        var list = await stranger.GetOkPageAsync("/Hall/OnSite");
        Assert.DoesNotContain("马现场", list.Body!.TextContent);
        var day = Today.AddDays(2).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        Assert.Equal(HttpStatusCode.NotFound, (await ScheduleAsync(stranger, day, other.Id, ids["马现场"])).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await HallScenario.PostAsync(stranger, "/Hall/OnSite", "/Hall/OnSite?handler=Taken", HallScenario.Ids(ids["古丽·艾力"]))).StatusCode);
        Assert.Null(await DateOfAsync(ids["马现场"]));
        Assert.Null(await HallScenario.QueryAsync(Factory, db => db.Persons.Where(p => p.Id == ids["古丽·艾力"]).Select(p => p.OnSitePhotoTakenAt).SingleAsync()));
        Assert.Equal(0, await AuditCountAsync("ScheduleOnSitePhoto", ids.Values));
    }

    [Fact]
    public async Task The_hall_a_person_is_scheduled_at_sees_them_and_records_the_photo_but_cannot_reschedule()
    {
        var (hall, ids, _) = await MarkedBatchAsync();
        var guestHall = await TestData.CreateHallWithStaffAsync(Factory);
        using var owner = await PortalClient.SignedInAsync(Factory, hall.UserName);
        var day = Today.AddDays(3).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        Assert.Equal(HttpStatusCode.Redirect, (await ScheduleAsync(owner, day, guestHall.Id, ids["马现场"])).StatusCode);

        using var guest = await PortalClient.SignedInAsync(Factory, guestHall.UserName);
        var list = await guest.GetOkPageAsync("/Hall/OnSite");
        Assert.Contains("马现场", list.Body!.TextContent);
        Assert.DoesNotContain("古丽·艾力", list.Body.TextContent); // marked, but not scheduled here
        var print = await guest.GetOkPageAsync($"/Hall/OnSite/Print?date={day}");
        Assert.Contains("马现场", print.Body!.TextContent);

        // Rescheduling stays with the unit's own hall; recording the photo is the guest hall's job.
        Assert.Equal(HttpStatusCode.NotFound, (await ScheduleAsync(guest, day, guestHall.Id, ids["马现场"])).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await HallScenario.PostAsync(guest, "/Hall/OnSite", "/Hall/OnSite?handler=Taken", HallScenario.Ids(ids["马现场"]))).StatusCode);
        Assert.NotNull(await HallScenario.QueryAsync(Factory, db => db.Persons.Where(p => p.Id == ids["马现场"]).Select(p => p.OnSitePhotoTakenAt).SingleAsync()));
        Assert.Equal(HttpStatusCode.NotFound, (await HallScenario.PostAsync(guest, "/Hall/OnSite", "/Hall/OnSite?handler=Taken", HallScenario.Ids(ids["古丽·艾力"]))).StatusCode);
    }

    /// <summary>A hall and a declared batch of its unit: 马现场 and 古丽·艾力 marked for an on-site photo, 何不拍 not marked.</summary>
    private async Task<(TestHall Hall, Dictionary<string, int> Ids, Dictionary<string, string> IdNumbers)> MarkedBatchAsync()
    {
        var hall = await TestData.CreateHallWithStaffAsync(Factory);
        var unit = await TestData.CreateUnitWithClerkAsync(Factory, hallId: hall.Id);
        var idNumbers = new Dictionary<string, string>
        {
            ["马现场"] = Ids.Make(year: 1975, month: 8),
            ["古丽·艾力"] = Ids.Make(year: 1976, month: 8, male: false),
            ["何不拍"] = Ids.Make(year: 1977, month: 8),
        };
        var (_, ids) = await HallScenario.BatchAsync(Factory, unit, idNumbers.Select(p => new PersonSpec(p.Key, p.Value)));
        await HallScenario.MarkAsync(Factory, ids["马现场"], HallMark.OnSitePhoto, "照片背景不合格");
        await HallScenario.MarkAsync(Factory, ids["古丽·艾力"], HallMark.OnSitePhoto, "与身份信息库比对不一致");
        return (hall, ids, idNumbers);
    }

    private static Task<HttpResponseMessage> ScheduleAsync(PortalClient staff, string date, int hallId, params int[] ids) =>
        HallScenario.PostAsync(staff, "/Hall/OnSite", "/Hall/OnSite?handler=Schedule",
            [.. HallScenario.Ids(ids), new("scheduleDate", date), new("scheduleHallId", hallId.ToString(CultureInfo.InvariantCulture))]);

    private Task<DateOnly?> DateOfAsync(int personId) =>
        HallScenario.QueryAsync(Factory, db => db.Persons.Where(p => p.Id == personId).Select(p => p.OnSitePhotoDate).SingleAsync());

    private Task<int> AuditCountAsync(string action, IEnumerable<int> personIds)
    {
        var keys = personIds.Select(id => id.ToString(CultureInfo.InvariantCulture)).ToList();
        return HallScenario.QueryAsync(Factory, db => db.AuditEntries.CountAsync(a => a.Action == action && a.EntityType == "Person" && keys.Contains(a.EntityId)));
    }
}

public sealed class SqliteOnSitePhotoTests(SqlitePortalFactory factory) : OnSitePhotoTests(factory), IClassFixture<SqlitePortalFactory>;

public sealed class PostgresOnSitePhotoTests(PostgresPortalFactory factory) : OnSitePhotoTests(factory), IClassFixture<PostgresPortalFactory>;
