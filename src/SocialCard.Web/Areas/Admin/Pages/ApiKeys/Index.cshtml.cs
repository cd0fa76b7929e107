using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using SocialCard.Core.Api;
using SocialCard.Data;
using SocialCard.Web.Admin;
using SocialCard.Web.Infrastructure;

namespace SocialCard.Web.Areas.Admin.Pages.ApiKeys;

/// <summary>The information centre issues and revokes per-unit API keys.</summary>
public sealed class IndexModel(AppDbContext db, AdminWrites writes) : PageModel
{
    public IReadOnlyList<Core.Units.Unit> Units { get; private set; } = [];

    public IReadOnlyList<ApiKey> Keys { get; private set; } = [];

    public string? NewSecret { get; private set; }

    public string? Error { get; private set; }

    public string UnitLabel(int unitId) => Units.FirstOrDefault(u => u.Id == unitId) is { } u ? $"{u.Number} {u.Name}" : "";

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostIssueAsync(int unitId, string? name)
    {
        var issued = await writes.IssueApiKeyAsync(unitId, name, User.ActorName());
        Error = issued.Error;
        NewSecret = issued.Value?.Secret;
        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(int keyId)
    {
        var revoked = await writes.RevokeApiKeyAsync(keyId, User.ActorName());
        if (revoked.Value is not { } key)
        {
            return NotFound();
        }

        TempData["Notice"] = $"已吊销密钥 {key.Prefix}…。";
        return Redirect("/Admin/ApiKeys");
    }

    private async Task LoadAsync()
    {
        Units = await db.Units.AsNoTracking().OrderBy(u => u.Number).ToListAsync();
        Keys = await db.ApiKeys.AsNoTracking().OrderByDescending(k => k.Id).ToListAsync();
    }
}
