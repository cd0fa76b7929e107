using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using SocialCard.Data;
using SocialCard.Web.Dashboard;
using SocialCard.Web.Infrastructure;

namespace SocialCard.Web.Areas.Hall.Pages.Dashboard;

/// <summary>A hall's progress dashboard: only the units assigned to the signed-in staff member's hall.</summary>
public sealed class IndexModel(AppDbContext db, ProgressDashboard dashboard) : PageModel
{
    public string HallName { get; private set; } = "";

    public ProgressReport Report { get; private set; } = null!;

    public ProgressSection UnitSection => new("units", "单位", ShowCode: true, Report.Units, Report.Total);

    public async Task OnGetAsync(CancellationToken ct)
    {
        var hallId = User.HallId() ?? throw new InvalidOperationException("The Hall policy admits only accounts with a hall.");
        HallName = await db.Halls.Where(h => h.Id == hallId).Select(h => h.Name).SingleAsync(ct);
        Report = await dashboard.BuildAsync(hallId, ct);
    }
}
