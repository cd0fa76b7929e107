using SocialCard.Web.Exports;

namespace SocialCard.Web.Areas.Admin.Pages.Exports;

/// <summary>分批报盘 across every unit, for the information centre.</summary>
public sealed class IndexModel(ExportService exports) : ExportsPageModel(exports)
{
    public override string BasePath => "/Admin/Exports";

    protected override ExportScope Scope => ExportScope.All;
}
