using SocialCard.Web.Exports;
using SocialCard.Web.Infrastructure;

namespace SocialCard.Web.Areas.Hall.Pages.Exports;

/// <summary>分批报盘 for the units assigned to the signed-in staff member's hall.</summary>
public sealed class IndexModel(ExportService exports) : ExportsPageModel(exports)
{
    public override string BasePath => "/Hall/Exports";

    protected override ExportScope Scope =>
        ExportScope.ForHall(User.HallId() ?? throw new InvalidOperationException("The Hall policy admits only accounts with a hall."));
}
