using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using SocialCard.Core.Auditing;
using SocialCard.Core.Common;
using SocialCard.Data;
using SocialCard.Web.Infrastructure;

namespace SocialCard.Web.Admin;

/// <summary>An account as the information centre creates it: a clerk's user name is the unit's number.</summary>
public sealed record NewAccount(string? Role, int? UnitId, int? HallId, string? UserName, string? DisplayName, string? Password);

/// <summary>Creating accounts, resetting and changing passwords, through ASP.NET Core Identity, each audited.</summary>
public sealed class AccountWrites(AppDbContext db, UserManager<AppUser> users, AuditLog audit, TimeProvider clock)
{
    public async Task<Result<AppUser>> CreateAsync(NewAccount input, string actor, CancellationToken ct = default)
    {
        var errors = new List<string>();
        var user = new AppUser { DisplayName = input.DisplayName?.Trim() ?? "", CreatedAt = clock.GetUtcNow() };
        switch (input.Role)
        {
            case Roles.UnitClerk:
                var unit = input.UnitId is { } unitId ? await db.Units.AsNoTracking().SingleOrDefaultAsync(u => u.Id == unitId, ct) : null;
                if (unit is null)
                {
                    errors.Add("单位经办人须选择所属单位。");
                    break;
                }

                user.UnitId = unit.Id;
                user.UserName = unit.Number;
                break;
            case Roles.HallStaff:
                if (input.HallId is not { } hallId || !await db.Halls.AnyAsync(h => h.Id == hallId, ct))
                {
                    errors.Add("采集点工作人员须选择所属采集点。");
                    break;
                }

                user.HallId = hallId;
                user.UserName = input.UserName?.Trim();
                break;
            case Roles.Admin:
                user.UserName = input.UserName?.Trim();
                break;
            default:
                errors.Add("请选择角色。");
                break;
        }

        if (string.IsNullOrEmpty(user.UserName) && errors.Count == 0)
        {
            errors.Add("请填写账号。");
        }

        if (user.DisplayName.Length == 0)
        {
            errors.Add("请填写姓名。");
        }

        if (errors.Count == 0)
        {
            var created = await users.CreateAsync(user, input.Password ?? "");
            errors.AddRange(created.Errors.Select(e => e.Description));
            if (created.Succeeded)
            {
                var roleAdded = await users.AddToRoleAsync(user, input.Role!);
                errors.AddRange(roleAdded.Errors.Select(e => e.Description));
            }
        }

        if (errors.Count > 0)
        {
            return Result.Invalid(errors);
        }

        audit.Record(actor, AuditActions.CreateAccount, "Account", user.UserName!, user.UnitId, new { user.UserName, input.Role, user.UnitId, user.HallId });
        await db.SaveChangesAsync(ct);
        return Result<AppUser>.Ok(user);
    }

    /// <summary>Sets a new password and lifts any lockout.</summary>
    public async Task<Result<AppUser>> ResetPasswordAsync(string userId, string? newPassword, string actor, CancellationToken ct = default)
    {
        var user = await users.FindByIdAsync(userId);
        if (user is null)
        {
            return Result.NotFound();
        }

        var token = await users.GeneratePasswordResetTokenAsync(user);
        var reset = await users.ResetPasswordAsync(user, token, newPassword ?? "");
        if (!reset.Succeeded)
        {
            return Result.Invalid(reset.Errors.Select(e => $"{user.UserName}：{e.Description}"));
        }

        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        audit.Record(actor, AuditActions.ResetPassword, "Account", user.UserName!, user.UnitId);
        await db.SaveChangesAsync(ct);
        return Result<AppUser>.Ok(user);
    }

    /// <summary>The signed-in user changes their own password (the caller refreshes the sign-in).</summary>
    public async Task<Result<AppUser>> ChangePasswordAsync(ClaimsPrincipal principal, string current, string replacement, string confirmation, CancellationToken ct = default)
    {
        if (replacement != confirmation)
        {
            return Result<AppUser>.Fail("两次输入的新密码不一致，请重新输入。");
        }

        var user = await users.GetUserAsync(principal);
        if (user is null)
        {
            return Result.NotFound("请重新登录后再修改密码。");
        }

        var changed = await users.ChangePasswordAsync(user, current, replacement);
        if (!changed.Succeeded)
        {
            return Result.Invalid(changed.Errors.Select(e => e.Description));
        }

        audit.Record(principal.ActorName(), AuditActions.ChangePassword, "Account", user.UserName!, user.UnitId);
        await db.SaveChangesAsync(ct);
        return Result<AppUser>.Ok(user);
    }
}
