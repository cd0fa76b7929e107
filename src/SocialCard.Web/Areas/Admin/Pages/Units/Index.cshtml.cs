using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using SocialCard.Core.Units;
using SocialCard.Data;
using SocialCard.Web.Infrastructure;

namespace SocialCard.Web.Areas.Admin.Pages.Units;

public sealed partial class IndexModel(AppDbContext db, AuditLog audit) : PageModel
{
    [BindProperty]
    public UnitInput Input { get; set; } = new();

    public IReadOnlyList<Core.Units.Unit> Units { get; private set; } = [];

    public IReadOnlyList<Core.Units.Hall> Halls { get; private set; } = [];

    public List<string> Errors { get; } = [];

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostAsync()
    {
        var number = Input.Number?.Trim() ?? "";
        var name = Input.Name?.Trim() ?? "";
        if (UnitProfile.BadCharacters("单位编号", number) is { } badNumber)
        {
            Errors.Add(badNumber);
        }
        else if (!UnitNumberPattern().IsMatch(number))
        {
            Errors.Add("单位编号只能由 4–20 位数字或字母组成。");
        }

        if (name.Length == 0)
        {
            Errors.Add("请填写单位名称。");
        }
        else if (UnitProfile.BadCharacters("单位名称", name) is { } badName)
        {
            Errors.Add(badName);
        }
        else if (name.Length > UnitProfile.NameMaxLength)
        {
            Errors.Add($"单位名称最多 {UnitProfile.NameMaxLength} 个字，请精简。");
        }

        // The profile may be left to the unit's clerk (单位信息), but what is filled in is checked like there.
        var profile = UnitProfile.Check(new UnitProfileInput(Input.ContactPerson, Input.Phone, Input.Email, Input.Address), required: false);
        Errors.AddRange(profile.Errors);

        if (Errors.Count == 0 && await db.Units.AnyAsync(u => u.Number == number))
        {
            Errors.Add($"单位编号 {number} 已存在。");
        }

        if (Input.HallId is { } hallId && !await db.Halls.AnyAsync(h => h.Id == hallId))
        {
            Errors.Add("所选采集点不存在，请刷新页面后重选。");
        }

        if (Errors.Count > 0)
        {
            await LoadAsync();
            return Page();
        }

        var unit = new Core.Units.Unit(number, name, Input.Type) { HallId = Input.HallId };
        profile.ApplyTo(unit);
        await using var transaction = await db.Database.BeginTransactionAsync();
        db.Units.Add(unit);
        await db.SaveChangesAsync();
        audit.Record(User, "CreateUnit", "Unit", unit.Id, unit.Id, new { unit.Number, unit.Name, Type = unit.Type.ToString(), unit.HallId });
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        var missing = UnitProfile.Missing(unit);
        TempData["Notice"] = $"已新增单位 {unit.Name}（{unit.Number}）。请在“账号”页为其创建经办人账号。"
            + (missing.Count == 0 ? "" : $"单位信息缺少{string.Join("、", missing)}，经办人须在“单位信息”页填完后才能申报。");
        return Redirect("/Admin/Units");
    }

    private async Task LoadAsync()
    {
        Units = await db.Units.AsNoTracking().Include(u => u.Hall).OrderBy(u => u.Number).ToListAsync();
        Halls = await db.Halls.AsNoTracking().OrderBy(h => h.Code).ToListAsync();
    }

    [GeneratedRegex("^[0-9A-Za-z]{4,20}$")]
    private static partial Regex UnitNumberPattern();

    public sealed class UnitInput
    {
        public string? Number { get; set; }

        public string? Name { get; set; }

        public UnitType Type { get; set; } = UnitType.Employer;

        public int? HallId { get; set; }

        public string? ContactPerson { get; set; }

        public string? Phone { get; set; }

        public string? Email { get; set; }

        public string? Address { get; set; }
    }
}
