using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using SocialCard.Core.Api;
using SocialCard.Data;
using SocialCard.Web.Infrastructure;

namespace SocialCard.Web.Areas.Admin.Pages.ApiKeys;

/// <summary>The information centre issues and revokes per-unit API keys.</summary>
public sealed class IndexModel(AppDbContext db, AuditLog audit, TimeProvider clock) : PageModel
{
    public IReadOnlyList<Core.Units.Unit> Units { get; private set; } = [];

    public IReadOnlyList<ApiKey> Keys { get; private set; } = [];

    public string? NewSecret { get; private set; }

    public string? Error { get; private set; }

    public string UnitLabel(int unitId) => Units.FirstOrDefault(u => u.Id == unitId) is { } u ? $"{u.Number} {u.Name}" : "";

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostIssueAsync(int unitId, string? name)
    {
        if (!await db.Units.AnyAsync(u => u.Id == unitId) || string.IsNullOrWhiteSpace(name))
        {
            Error = "请选择单位并填写用途。";
            await LoadAsync();
            return Page();
        }

        var (key, secret) = ApiKey.Issue(unitId, name, User.ActorName(), clock.GetUtcNow());
        db.ApiKeys.Add(key);
        audit.Record(User, "IssueApiKey", "ApiKey", key.Prefix, unitId, new { key.Name, key.Prefix });
        await db.SaveChangesAsync();
        NewSecret = secret;
        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(int keyId)
    {
        var key = await db.ApiKeys.SingleOrDefaultAsync(k => k.Id == keyId);
        if (key is null)
        {
            return NotFound();
        }

        key.Revoke(clock.GetUtcNow());
        audit.Record(User, "RevokeApiKey", "ApiKey", key.Prefix, key.UnitId, new { key.Name, key.Prefix });
        await db.SaveChangesAsync();
        TempData["Notice"] = $"已吊销密钥 {key.Prefix}…。";
        return Redirect("/Admin/ApiKeys");
    }

    private async Task LoadAsync()
    {
        Units = await db.Units.AsNoTracking().OrderBy(u => u.Number).ToListAsync();
        Keys = await db.ApiKeys.AsNoTracking().OrderByDescending(k => k.Id).ToListAsync();
    }
}
