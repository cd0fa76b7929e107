using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using SocialCard.Core.Register;
using SocialCard.Data;
using SocialCard.Web.Admin;
using SocialCard.Web.Infrastructure;

namespace SocialCard.Web.Areas.Admin.Pages.Register;

/// <summary>The information centre imports each unit's insured persons from the insurance system's export.</summary>
public sealed class IndexModel(AppDbContext db, AdminWrites writes) : PageModel
{
    public List<string> Problems { get; } = [];

    public IReadOnlyList<UnitCount> Units { get; private set; } = [];

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostAsync(IFormFile? file, CancellationToken ct)
    {
        if (file is null || file.Length == 0)
        {
            Problems.Add("请选择要导入的文件。");
            await LoadAsync();
            return Page();
        }

        await using var content = new MemoryStream();
        await file.CopyToAsync(content, ct);
        content.Position = 0;
        var imported = await writes.ImportRegisterAsync(content, file.FileName, User.ActorName(), ct);
        if (imported.Value is not { } counts)
        {
            Problems.AddRange(imported.AllMessages);
            await LoadAsync();
            return Page();
        }

        TempData["Notice"] = $"已导入 {counts.Rows} 人：新增 {counts.Added} 人，更新 {counts.Updated} 人。";
        return Redirect("/Admin/Register");
    }

    private async Task LoadAsync()
    {
        var counts = await db.Register.AsNoTracking().GroupBy(r => r.UnitId)
            .Select(g => new { UnitId = g.Key, Count = g.Count(), Last = g.Max(r => r.ImportedAt) })
            .ToListAsync();
        var units = await db.Units.AsNoTracking().OrderBy(u => u.Number).ToListAsync();
        Units = units.Select(u =>
        {
            var c = counts.FirstOrDefault(x => x.UnitId == u.Id);
            return new UnitCount(u.Number, u.Name, c?.Count ?? 0, c?.Last);
        }).ToList();
    }

    public sealed record UnitCount(string Number, string Name, int Count, DateTimeOffset? LastImport);
}
