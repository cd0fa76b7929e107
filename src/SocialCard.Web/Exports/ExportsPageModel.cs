using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SocialCard.Core.Common;
using SocialCard.Web.Infrastructure;

namespace SocialCard.Web.Exports;

/// <summary>
/// The 分批报盘 page of the hall (its units) and of the information centre (every unit): per unit, who is ready,
/// who waits and why, an export button, and the history with downloads. A unit outside the scope answers 404.
/// Rendered by Pages/Shared/_DataExports.cshtml.
/// </summary>
public abstract class ExportsPageModel(ExportService exports) : PageModel
{
    /// <summary>Held persons listed per unit on the overview (the unit's own page lists all).</summary>
    public const int HeldShownOnOverview = 20;

    /// <summary>The page's own path, e.g. "/Hall/Exports".</summary>
    public abstract string BasePath { get; }

    public string ScopeName { get; private set; } = "";

    public IReadOnlyList<UnitExports> Units { get; private set; } = [];

    /// <summary>The one unit shown, or null for the overview.</summary>
    public int? UnitId { get; private set; }

    public bool ShowHall => Scope.HallId is null;

    protected abstract ExportScope Scope { get; }

    public async Task<IActionResult> OnGetAsync(int? unitId, CancellationToken ct)
    {
        var units = await exports.OverviewAsync(Scope, unitId, ct);
        if (units is null)
        {
            return NotFound();
        }

        Units = units;
        UnitId = unitId;
        ScopeName = await exports.ScopeNameAsync(Scope, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostExportAsync(int unit, CancellationToken ct)
    {
        var outcome = await exports.ExportAsync(Scope, unit, User.ActorName(), ct);
        if (outcome.Kind == ResultKind.NotFound)
        {
            return NotFound();
        }

        if (outcome.Value is { } export)
        {
            TempData["Notice"] = $"已生成报盘文件 {export.FileName}：{export.PersonCount} 人，照片 {export.PhotoCount} 张。这些人员已离开待报盘名单。";
        }
        else
        {
            TempData["Error"] = outcome.Error;
        }

        return Redirect($"{BasePath}/{unit}");
    }

    public async Task<IActionResult> OnGetDownloadAsync(int id, CancellationToken ct)
    {
        var download = await exports.OpenAsync(Scope, id, User.ActorName(), ct);
        if (download.Export is not { } export)
        {
            return NotFound();
        }

        if (download.Content is not { } content)
        {
            TempData["Error"] = $"报盘文件 {export.FileName} 已不在服务器上，无法下载。请联系系统管理员从备份中恢复。";
            return Redirect($"{BasePath}/{export.UnitId}");
        }

        return File(content, "application/zip", export.FileName);
    }
}
