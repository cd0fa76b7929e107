using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using SocialCard.Core.Common;
using SocialCard.Core.Persons;
using SocialCard.Core.Review;
using SocialCard.Data;
using SocialCard.Web.Infrastructure;
using SocialCard.Web.Review;

namespace SocialCard.Web.Areas.Hall.Pages.OnSite;

/// <summary>
/// 现场拍照: persons of this hall's units marked for an on-site photo. Staff filter them (pending or taken, date,
/// unscheduled, hall), schedule the selected ones for a day at a hall, and record that the photo was taken. Persons
/// of other halls' units are not found (404), so one hall never schedules another's persons. Every change is audited.
/// </summary>
[RequestFormLimits(ValueCountLimit = 200_000)]
public sealed class IndexModel(AppDbContext db, OnSitePhotos onSite, TimeProvider clock) : PageModel
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
        var hallId = scheduleHallId ?? User.RequireHallId();
        var scheduled = await onSite.ScheduleAsync(db.HallPersonsOf(User), ids, scheduleDate, hallId, User.ActorName(), ct);
        if (scheduled.Succeeded)
        {
            var hallName = await db.Halls.Where(h => h.Id == hallId).Select(h => h.Name).SingleAsync(ct);
            TempData["Notice"] = $"已为 {scheduled.Count} 人预约 {OnSitePhotos.Format(scheduleDate!.Value)} 到{hallName}现场拍照。";
        }

        return Done(scheduled);
    }

    /// <summary>Records that the selected persons' (<c>ids</c>) on-site photos were taken now.</summary>
    public async Task<IActionResult> OnPostTakenAsync(List<int> ids, CancellationToken ct)
    {
        // The hall that takes the photo records it, also for a person another hall scheduled here.
        var taken = await onSite.RecordTakenAsync(db.OnSitePersonsOf(User), ids, User.ActorName(), ct);
        if (taken.Succeeded)
        {
            TempData["Notice"] = $"已记录 {taken.Count} 人现场拍照完成。";
        }

        return Done(taken);
    }

    /// <summary>A selected person outside the staff member's scope is 404, as on every page; other refusals return to the list.</summary>
    private IActionResult Done(BulkResult result) => result.Result.Kind == ResultKind.NotFound
        ? NotFound()
        : result.Succeeded ? Redirect(OnSiteQuery.ListUrl(Filters)) : Back(result.Message(OnSitePhotos.NothingChanged)!);

    private RedirectResult Back(string error)
    {
        TempData["Error"] = error;
        return Redirect(OnSiteQuery.ListUrl(Filters));
    }

}
