using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using SocialCard.Core.Units;
using SocialCard.Data;
using SocialCard.Web.Admin;
using SocialCard.Web.Infrastructure;

namespace SocialCard.Web.Areas.Admin.Pages.Units;

public sealed class IndexModel(AppDbContext db, AdminWrites writes) : PageModel
{
    [BindProperty]
    public UnitInput Input { get; set; } = new();

    public IReadOnlyList<Core.Units.Unit> Units { get; private set; } = [];

    public IReadOnlyList<Core.Units.Hall> Halls { get; private set; } = [];

    public List<string> Errors { get; } = [];

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostAsync()
    {
        var created = await writes.CreateUnitAsync(
            new NewUnit(Input.Number, Input.Name, Input.Type, Input.HallId, Input.ContactPerson, Input.Phone, Input.Email, Input.Address), User.ActorName());
        if (created.Value is not { } unit)
        {
            Errors.AddRange(created.AllMessages);
            await LoadAsync();
            return Page();
        }

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
