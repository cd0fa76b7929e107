using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using SocialCard.Data;
using SocialCard.Web.Infrastructure;

namespace SocialCard.Web.Areas.Admin.Pages.Halls;

public sealed class IndexModel(AppDbContext db, AuditLog audit) : PageModel
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
        if (string.IsNullOrEmpty(Code) || Code.Length > 20 || string.IsNullOrEmpty(Name) || Name.Length > 100)
        {
            Error = "请填写代码（最多 20 位）和名称（最多 100 字）。";
        }
        else if (await db.Halls.AnyAsync(h => h.Code == Code))
        {
            Error = $"代码 {Code} 已被使用，请换一个。";
        }

        if (Error is not null)
        {
            await OnGetAsync();
            return Page();
        }

        var hall = new Core.Units.Hall(Code!, Name!) { Address = string.IsNullOrEmpty(Address) ? null : Address };
        await using var transaction = await db.Database.BeginTransactionAsync();
        db.Halls.Add(hall);
        await db.SaveChangesAsync();
        audit.Record(User, "CreateHall", "Hall", hall.Id, null, new { hall.Code, hall.Name });
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        TempData["Notice"] = $"已新增采集点 {hall.Name}。";
        return Redirect("/Admin/Halls");
    }
}
