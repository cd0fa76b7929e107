using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using SocialCard.Core.Common;
using SocialCard.Data;
using SocialCard.Web.Admin;
using SocialCard.Web.Infrastructure;

namespace SocialCard.Web.Areas.Admin.Pages.Accounts;

public sealed class IndexModel(AppDbContext db, AccountWrites writes, TimeProvider clock) : PageModel
{
    [BindProperty]
    public AccountInput Input { get; set; } = new();

    public IReadOnlyList<Core.Units.Unit> Units { get; private set; } = [];

    public IReadOnlyList<Core.Units.Hall> Halls { get; private set; } = [];

    public IReadOnlyList<AccountRow> Accounts { get; private set; } = [];

    public List<string> Errors { get; } = [];

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostCreateAsync()
    {
        var created = await writes.CreateAsync(new NewAccount(Input.Role, Input.UnitId, Input.HallId, Input.UserName, Input.DisplayName, Input.Password), User.ActorName());
        if (created.Value is not { } user)
        {
            Errors.AddRange(created.AllMessages);
            await LoadAsync();
            return Page();
        }

        TempData["Notice"] = $"已创建账号 {user.UserName}。请把初始密码当面或电话告知本人。";
        return Redirect("/Admin/Accounts");
    }

    public async Task<IActionResult> OnPostResetAsync(string userId, string? newPassword)
    {
        var reset = await writes.ResetPasswordAsync(userId, newPassword, User.ActorName());
        if (reset.Kind == ResultKind.NotFound)
        {
            return NotFound();
        }

        if (reset.Value is not { } user)
        {
            Errors.AddRange(reset.AllMessages);
            await LoadAsync();
            return Page();
        }

        TempData["Notice"] = $"已重置 {user.UserName} 的密码并解除锁定。";
        return Redirect("/Admin/Accounts");
    }

    private async Task LoadAsync()
    {
        Units = await db.Units.AsNoTracking().OrderBy(u => u.Number).ToListAsync();
        Halls = await db.Halls.AsNoTracking().OrderBy(h => h.Code).ToListAsync();
        var unitNames = Units.ToDictionary(u => u.Id, u => u.Name);
        var hallNames = Halls.ToDictionary(h => h.Id, h => h.Name);
        var roleOf = await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id select new { ur.UserId, r.Name })
            .ToDictionaryAsync(x => x.UserId, x => x.Name ?? "");
        var now = clock.GetUtcNow();
        var all = await db.Users.AsNoTracking().OrderBy(u => u.UserName).ToListAsync();
        Accounts = all.Select(u => new AccountRow(
                u.Id,
                u.UserName ?? "",
                u.DisplayName,
                roleOf.GetValueOrDefault(u.Id, ""),
                u.UnitId is { } uid ? unitNames.GetValueOrDefault(uid, "") : u.HallId is { } hid ? hallNames.GetValueOrDefault(hid, "") : "",
                u.LockoutEnd > now))
            .ToList();
    }

    public sealed class AccountInput
    {
        public string? Role { get; set; } = Roles.UnitClerk;

        public int? UnitId { get; set; }

        public int? HallId { get; set; }

        public string? UserName { get; set; }

        public string? DisplayName { get; set; }

        public string? Password { get; set; }
    }

    public sealed record AccountRow(string Id, string UserName, string DisplayName, string Role, string Scope, bool LockedOut);
}
