using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SocialCard.Web.Dashboard;

namespace SocialCard.Web.Areas.Admin.Pages.Dashboard;

/// <summary>The information centre's progress dashboard: every hall, and every unit (optionally of one hall).</summary>
public sealed class IndexModel(ProgressDashboard dashboard) : PageModel
{
    /// <summary>Shows only this hall's units in the unit section (the hall section always shows every hall).</summary>
    [BindProperty(SupportsGet = true)]
    public int? Hall { get; set; }

    public ProgressReport Report { get; private set; } = null!;

    public IReadOnlyList<ProgressRow> Units { get; private set; } = [];

    public string? HallName { get; private set; }

    public ProgressSection HallSection => new("halls", "采集点", ShowCode: true, Report.Halls, Report.Total);

    public ProgressSection UnitSection => new("units", "单位", ShowCode: true, Units, ProgressCounts.Sum(Units.Select(u => u.Counts)));

    public async Task OnGetAsync(CancellationToken ct)
    {
        Report = await dashboard.BuildAsync(hallId: null, ct);
        HallName = Report.Halls.FirstOrDefault(h => h.HallId is not null && h.HallId == Hall)?.Label;
        if (HallName is null)
        {
            Hall = null;
        }

        Units = Hall is { } hall ? [.. Report.Units.Where(u => u.HallId == hall)] : Report.Units;
    }
}
