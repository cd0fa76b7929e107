using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SocialCard.Data;

namespace SocialCard.Web.Pages;

/// <summary>Sends each role to its own start page.</summary>
public sealed class IndexModel : PageModel
{
    public IActionResult OnGet() =>
        User.IsInRole(Roles.Admin) ? Redirect("/Admin")
        : User.IsInRole(Roles.HallStaff) ? Redirect("/Hall")
        : User.IsInRole(Roles.UnitClerk) ? Redirect("/Unit")
        : Redirect("/Account/AccessDenied");
}
