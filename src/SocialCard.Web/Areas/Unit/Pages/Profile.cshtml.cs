using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using SocialCard.Core.Common;
using SocialCard.Core.Units;
using SocialCard.Data;
using SocialCard.Web.Admin;
using SocialCard.Web.Infrastructure;

namespace SocialCard.Web.Areas.Unit.Pages;

/// <summary>
/// 单位信息: the clerk keeps the unit's contact person, phone, e-mail and address. Every item is required (a batch is
/// not declared before they are filled in); unit name, number and type are the information centre's.
/// </summary>
public sealed class ProfileModel(AppDbContext db, UnitProfileWrites writes) : PageModel
{
    [BindProperty]
    public ProfileInput Input { get; set; } = new();

    /// <summary>A local page to go back to after saving (the batch whose declaration sent the clerk here).</summary>
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public Core.Units.Unit Unit { get; private set; } = null!;

    public IReadOnlyList<string> Missing { get; private set; } = [];

    public IReadOnlyList<string> Errors { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        Unit = await LoadAsync();
        Input = new ProfileInput { ContactPerson = Unit.ContactPerson, Phone = Unit.Phone, Email = Unit.Email, Address = Unit.Address, Version = Unit.Version };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Unit = await LoadAsync();
        var saved = await writes.UpdateAsync(Unit.Id, Input.Version, new UnitProfileInput(Input.ContactPerson, Input.Phone, Input.Email, Input.Address), User.ActorName(), ct);
        if (saved.Kind == ResultKind.Stale)
        {
            // Show what is stored now, to fill in again.
            Unit = await LoadAsync();
            Errors = [saved.Error!];
            Input = new ProfileInput { ContactPerson = Unit.ContactPerson, Phone = Unit.Phone, Email = Unit.Email, Address = Unit.Address, Version = Unit.Version };
            return Page();
        }

        if (saved.Value is not { } changed)
        {
            Errors = saved.AllMessages;
            return Page();
        }

        TempData["Notice"] = changed.Count > 0 ? "单位信息已保存。" : "单位信息没有改动。";
        return Redirect(ReturnUrl is { Length: > 0 } back && Url.IsLocalUrl(back) && back.StartsWith("/Unit", StringComparison.Ordinal) ? back : UnitProfile.PagePath);
    }

    private async Task<Core.Units.Unit> LoadAsync()
    {
        var unitId = User.RequireUnitId();
        var unit = await db.Units.AsNoTracking().Include(u => u.Hall).SingleAsync(u => u.Id == unitId);
        Missing = UnitProfile.Missing(unit);
        return unit;
    }

    public sealed class ProfileInput
    {
        public string? ContactPerson { get; set; }

        public string? Phone { get; set; }

        public string? Email { get; set; }

        public string? Address { get; set; }

        public Guid Version { get; set; }
    }
}
