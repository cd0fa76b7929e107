using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using SocialCard.Data;
using SocialCard.Web.Infrastructure;

namespace SocialCard.Web.Areas.Admin.Pages.Accounts;

public sealed class IndexModel(AppDbContext db, UserManager<AppUser> users, AuditLog audit, TimeProvider clock) : PageModel
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
        var user = new AppUser { DisplayName = Input.DisplayName?.Trim() ?? "", CreatedAt = clock.GetUtcNow() };
        switch (Input.Role)
        {
            case Roles.UnitClerk:
                var unit = Input.UnitId is { } unitId ? await db.Units.AsNoTracking().SingleOrDefaultAsync(u => u.Id == unitId) : null;
                if (unit is null)
                {
                    Errors.Add("单位经办人须选择所属单位。");
                    break;
                }

                user.UnitId = unit.Id;
                user.UserName = unit.Number;
                break;
            case Roles.HallStaff:
                if (Input.HallId is not { } hallId || !await db.Halls.AnyAsync(h => h.Id == hallId))
                {
                    Errors.Add("采集点工作人员须选择所属采集点。");
                    break;
                }

                user.HallId = hallId;
                user.UserName = Input.UserName?.Trim();
                break;
            case Roles.Admin:
                user.UserName = Input.UserName?.Trim();
                break;
            default:
                Errors.Add("请选择角色。");
                break;
        }

        if (string.IsNullOrEmpty(user.UserName) && Errors.Count == 0)
        {
            Errors.Add("请填写账号。");
        }

        if (user.DisplayName.Length == 0)
        {
            Errors.Add("请填写姓名。");
        }

        if (Errors.Count == 0)
        {
            var created = await users.CreateAsync(user, Input.Password ?? "");
            Errors.AddRange(created.Errors.Select(e => e.Description));
            if (created.Succeeded)
            {
                var roleAdded = await users.AddToRoleAsync(user, Input.Role!);
                Errors.AddRange(roleAdded.Errors.Select(e => e.Description));
            }
        }

        if (Errors.Count > 0)
        {
            await LoadAsync();
            return Page();
        }

        audit.Record(User, "CreateAccount", "Account", user.UserName!, user.UnitId, new { user.UserName, Input.Role, user.UnitId, user.HallId });
        await db.SaveChangesAsync();
        TempData["Notice"] = $"已创建账号 {user.UserName}。请把初始密码当面或电话告知本人。";
        return Redirect("/Admin/Accounts");
    }

    public async Task<IActionResult> OnPostResetAsync(string userId, string? newPassword)
    {
        var user = await users.FindByIdAsync(userId);
        if (user is null)
        {
            return NotFound();
        }

        var token = await users.GeneratePasswordResetTokenAsync(user);
        var reset = await users.ResetPasswordAsync(user, token, newPassword ?? "");
        if (!reset.Succeeded)
        {
            Errors.AddRange(reset.Errors.Select(e => $"{user.UserName}：{e.Description}"));
            await LoadAsync();
            return Page();
        }

        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        audit.Record(User, "ResetPassword", "Account", user.UserName!, user.UnitId);
        await db.SaveChangesAsync();
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
