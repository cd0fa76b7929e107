using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using SocialCard.Data;
using SocialCard.Web.Admin;
using SocialCard.Web.Infrastructure;

namespace SocialCard.Web.Areas.Admin.Pages.Halls;

public sealed class IndexModel(AppDbContext db, AdminWrites writes) : PageModel
{
    public IReadOnlyList<Core.Units.Hall> Halls { get; private set; } = [];

    public string? Error { get; private set; }

    public string? Code { get; private set; }

    public string? Name { get; private set; }

    public string? Address { get; private set; }

    public async Task OnGetAsync() => Halls = await db.Halls.AsNoTracking().OrderBy(h => h.Code).ToListAsync();

    public async Task<IActionResult> OnPostAsync(string? code, string? name, string? address)
    {
        (Code, Name, Address) = (code?.Trim(), name?.Trim(), address?.Trim());
        var created = await writes.CreateHallAsync(code, name, address, User.ActorName());
        if (created.Value is not { } hall)
        {
            Error = created.Error;
            await OnGetAsync();
            return Page();
        }

        TempData["Notice"] = $"已新增采集点 {hall.Name}。";
        return Redirect("/Admin/Halls");
    }
}
