using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using SocialCard.Core.Register;
using SocialCard.Data;
using SocialCard.Web.Infrastructure;

namespace SocialCard.Web.Areas.Admin.Pages.Register;

/// <summary>The information centre imports each unit's insured persons from the insurance system's export.</summary>
public sealed class IndexModel(AppDbContext db, AuditLog audit, TimeProvider clock) : PageModel
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
        var read = RegisterFile.Read(content, file.FileName);
        Problems.AddRange(read.Problems);

        var unitIds = await db.Units.AsNoTracking().ToDictionaryAsync(u => u.Number, u => u.Id, ct);
        var unknown = read.Rows.Where(r => !unitIds.ContainsKey(r.UnitNumber)).Take(20).Select(r => $"第 {r.RowNumber} 行：单位编号 {r.UnitNumber} 不存在，请先在“参保单位”中新增该单位。");
        Problems.AddRange(unknown);
        if (Problems.Count > 0)
        {
            await LoadAsync();
            return Page();
        }

        var now = clock.GetUtcNow();
        var numbers = read.Rows.Select(r => r.PersonalNumber).ToList();
        var existing = await db.Register.Where(r => numbers.Contains(r.PersonalNumber)).ToDictionaryAsync(r => r.PersonalNumber, ct);
        int added = 0, updated = 0;
        foreach (var row in read.Rows)
        {
            var unitId = unitIds[row.UnitNumber];
            if (existing.TryGetValue(row.PersonalNumber, out var person))
            {
                person.Update(unitId, row.Category, row.Name, row.IdNumber, now);
                updated++;
            }
            else
            {
                db.Register.Add(new RegisteredPerson(unitId, row.PersonalNumber, row.Category, row.Name, row.IdNumber, now));
                added++;
            }
        }

        audit.Record(User, "ImportRegister", "Register", file.FileName, null, new { Added = added, Updated = updated });
        await db.SaveChangesAsync(ct);
        TempData["Notice"] = $"已导入 {read.Rows.Count} 人：新增 {added} 人，更新 {updated} 人。";
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
