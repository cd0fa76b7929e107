using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using SocialCard.Core.Common;
using SocialCard.Core.Persons;
using SocialCard.Core.Review;
using SocialCard.Data;
using SocialCard.Web.Infrastructure;

namespace SocialCard.Web.Areas.Hall.Pages.OnSite;

/// <summary>
/// 现场拍照: persons of this hall's units marked for an on-site photo. Staff filter them (pending or taken, date,
/// unscheduled, hall), schedule the selected ones for a day at a hall, and record that the photo was taken. Persons
/// of other halls' units are not found (404), so one hall never schedules another's persons. Every change is audited.
/// </summary>
[RequestFormLimits(ValueCountLimit = 200_000)]
public sealed class IndexModel(AppDbContext db, AuditLog audit, TimeProvider clock) : PageModel
{
    /// <summary>"taken" lists persons whose photo was taken; anything else those still to come.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Status { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? Date { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool Unscheduled { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Hall { get; set; }

    public bool ShowTaken => Status == "taken";

    public int OwnHallId { get; private set; }

    public DateOnly Today { get; private set; }

    public IReadOnlyList<HallOption> Halls { get; private set; } = [];

    public IReadOnlyList<OnSiteRow> Persons { get; private set; } = [];

    /// <summary>The current filters, for links and for the form buttons (so a change returns to the same list).</summary>
    public Dictionary<string, string> Filters => OnSiteQuery.Filters(Status, Date, Unscheduled, Hall);

    public async Task OnGetAsync(CancellationToken ct)
    {
        OwnHallId = User.RequireHallId();
        Today = ChinaTime.Today(clock);
        Halls = await OnSiteQuery.HallsAsync(db, ct);
        var persons = OnSiteQuery.MarkedPersons(db, User).Where(p => ShowTaken ? p.OnSitePhotoTakenAt != null : p.OnSitePhotoTakenAt == null);
        if (Unscheduled)
        {
            persons = persons.Where(p => p.OnSitePhotoDate == null);
        }
        else
        {
            if (Date is { } date)
            {
                persons = persons.Where(p => p.OnSitePhotoDate == date);
            }

            if (Hall is { } hall)
            {
                persons = persons.Where(p => p.OnSitePhotoHallId == hall);
            }
        }

        Persons = await OnSiteQuery.RowsAsync(db, persons, Halls, ct);
    }

    /// <summary>Schedules the selected persons (<c>ids</c>) for <paramref name="scheduleDate"/> at <paramref name="scheduleHallId"/> (default: own hall).</summary>
    public async Task<IActionResult> OnPostScheduleAsync(List<int> ids, DateOnly? scheduleDate, int? scheduleHallId, CancellationToken ct)
    {
        var today = ChinaTime.Today(clock);
        var hallId = scheduleHallId ?? User.RequireHallId();
        var hallName = await db.Halls.Where(h => h.Id == hallId).Select(h => h.Name).SingleOrDefaultAsync(ct);
        var refusal = ids.Count == 0 ? "请先勾选要预约的人员。"
            : scheduleDate is null ? "请选择拍照日期。"
            : scheduleDate < today ? $"拍照日期 {Format(scheduleDate.Value)} 已经过去，请选择今天（{Format(today)}）或以后的日期。"
            : hallName is null ? "请选择拍照的采集点。"
            : null;
        if (refusal is not null)
        {
            return Back(refusal);
        }

        var date = scheduleDate!.Value;
        return await ChangeAsync(db.HallPersonsOf(User), ids, "ScheduleOnSitePhoto", p => p.ScheduleOnSitePhoto(date, hallId), new { Date = Format(date), HallId = hallId, Hall = hallName },
            n => $"已为 {n} 人预约 {Format(date)} 到{hallName}现场拍照。", ct);
    }

    /// <summary>Records that the selected persons' (<c>ids</c>) on-site photos were taken now.</summary>
    public async Task<IActionResult> OnPostTakenAsync(List<int> ids, CancellationToken ct)
    {
        if (ids.Count == 0)
        {
            return Back("请先勾选已完成拍照的人员。");
        }

        var at = clock.GetUtcNow();
        // The hall that takes the photo records it, also for a person another hall scheduled here.
        return await ChangeAsync(db.OnSitePersonsOf(User), ids, "OnSitePhotoTaken", p => p.RecordOnSitePhotoTaken(at), new { At = ChinaTime.Format(at) }, n => $"已记录 {n} 人现场拍照完成。", ct);
    }

    /// <summary>All or nothing: every selected person must be in <paramref name="scope"/> (else 404) and accept the change.</summary>
    private async Task<IActionResult> ChangeAsync(IQueryable<InsuredPerson> scope, List<int> ids, string action, Func<InsuredPerson, Result> change, object details, Func<int, string> notice, CancellationToken ct)
    {
        var wanted = ids.Distinct().ToList();
        var persons = await scope.Where(p => wanted.Contains(p.Id)).ToListAsync(ct);
        if (persons.Count != wanted.Count)
        {
            return NotFound();
        }

        var refusals = persons.Select(change).Where(r => !r.Succeeded).Select(r => r.Error).ToList();
        if (refusals.Count > 0)
        {
            return Back(string.Join(" ", refusals.Take(10)) + (refusals.Count > 10 ? $" 等 {refusals.Count} 人。" : "") + " 未作任何改动。");
        }

        foreach (var p in persons)
        {
            audit.Record(User, action, "Person", p.Id, p.UnitId, details);
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Back("其他人同时修改了所选人员，未作任何改动。请刷新列表后重试。");
        }

        TempData["Notice"] = notice(persons.Count);
        return Redirect(OnSiteQuery.ListUrl(Filters));
    }

    private RedirectResult Back(string error)
    {
        TempData["Error"] = error;
        return Redirect(OnSiteQuery.ListUrl(Filters));
    }

    private static string Format(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
