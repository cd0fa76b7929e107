using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SocialCard.Data;
using SocialCard.Web.Infrastructure;

namespace SocialCard.Web.Areas.Hall.Pages.OnSite;

/// <summary>
/// 现场拍照人员名单 of one day at one hall (default: today, own hall), for printing: this hall's units' persons
/// scheduled then and there, with an empty signature column and the notice's reminders.
/// </summary>
public sealed class PrintModel(AppDbContext db, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public DateOnly? Date { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Hall { get; set; }

    public HallOption PrintHall { get; private set; } = null!;

    public DateOnly PrintDate { get; private set; }

    public IReadOnlyList<OnSiteRow> Persons { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var ownHall = User.RequireHallId();
        var halls = await OnSiteQuery.HallsAsync(db, ct);
        var hall = halls.FirstOrDefault(h => h.Id == (Hall ?? ownHall));
        if (hall is null)
        {
            return NotFound();
        }

        PrintHall = hall;
        PrintDate = Date ?? ChinaTime.Today(clock);
        var persons = OnSiteQuery.MarkedPersons(db, User).Where(p => p.OnSitePhotoDate == PrintDate && p.OnSitePhotoHallId == hall.Id);
        Persons = [.. (await OnSiteQuery.RowsAsync(db, persons, halls, ct)).OrderBy(r => r.UnitName, StringComparer.Ordinal)];
        return Page();
    }
}
