using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using SocialCard.Core.Units;
using SocialCard.Data;
using SocialCard.Web.Infrastructure;

namespace SocialCard.Web.Areas.Unit.Pages;

/// <summary>
/// 单位信息: the clerk keeps the unit's contact person, phone, e-mail and address. Every item is required (a batch is
/// not declared before they are filled in); unit name, number and type are the information centre's.
/// </summary>
public sealed class ProfileModel(AppDbContext db, AuditLog audit) : PageModel
{
    public const string ConflictMessage = "单位信息刚被他人修改过，您的修改未保存。请查看当前内容后重新填写。";

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
        Unit = await LoadAsync(tracked: true);
        var check = UnitProfile.Check(new UnitProfileInput(Input.ContactPerson, Input.Phone, Input.Email, Input.Address), required: true);
        if (Input.Version != Unit.Version)
        {
            Errors = [ConflictMessage];
            Input = new ProfileInput { ContactPerson = Unit.ContactPerson, Phone = Unit.Phone, Email = Unit.Email, Address = Unit.Address, Version = Unit.Version };
            return Page();
        }

        if (!check.Succeeded)
        {
            Errors = check.Errors;
            return Page();
        }

        var changed = new[]
        {
            (UnitProfile.ContactPersonLabel, Unit.ContactPerson != check.ContactPerson),
            (UnitProfile.PhoneLabel, Unit.Phone != check.Phone),
            (UnitProfile.EmailLabel, Unit.Email != check.Email),
            (UnitProfile.AddressLabel, Unit.Address != check.Address),
        }.Where(x => x.Item2).Select(x => x.Item1).ToList();
        if (changed.Count > 0)
        {
            check.ApplyTo(Unit);
            // The items changed, not their values: the audit trail need not repeat contact data.
            audit.Record(User, "UpdateUnitProfile", "Unit", Unit.Id, Unit.Id, new { Changed = changed });
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateConcurrencyException)
            {
                TempData["Error"] = ConflictMessage;
                return Redirect(UnitProfile.PagePath);
            }
        }

        TempData["Notice"] = changed.Count > 0 ? "单位信息已保存。" : "单位信息没有改动。";
        return Redirect(ReturnUrl is { Length: > 0 } back && Url.IsLocalUrl(back) && back.StartsWith("/Unit", StringComparison.Ordinal) ? back : UnitProfile.PagePath);
    }

    private async Task<Core.Units.Unit> LoadAsync(bool tracked = false)
    {
        var unitId = User.RequireUnitId();
        var units = tracked ? db.Units : db.Units.AsNoTracking();
        var unit = await units.Include(u => u.Hall).SingleAsync(u => u.Id == unitId);
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
