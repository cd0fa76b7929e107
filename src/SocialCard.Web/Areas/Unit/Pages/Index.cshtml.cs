using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using SocialCard.Core.Batches;
using SocialCard.Data;
using SocialCard.Web.Batches;
using SocialCard.Web.Infrastructure;

namespace SocialCard.Web.Areas.Unit.Pages;

public sealed class IndexModel(AppDbContext db, BatchActions actions) : PageModel
{
    public string UnitName { get; private set; } = "";

    public string UnitNumber { get; private set; } = "";

    public IReadOnlyList<BatchRow> Batches { get; private set; } = [];

    public string? Title { get; private set; }

    public string? Error { get; private set; }

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostCreateAsync(string? title)
    {
        Title = title?.Trim();
        var created = await actions.CreateAsync(User.RequireUnitId(), title, User.ActorName());
        if (created.Value is not { } batch)
        {
            Error = created.Error;
            await LoadAsync();
            return Page();
        }

        TempData["Notice"] = $"已新建批次“{batch.Title}”。现在可以录入人员或上传花名册。";
        return Redirect($"/Unit/Batches/Details/{batch.Id}");
    }

    private async Task LoadAsync()
    {
        var unitId = User.RequireUnitId();
        var unit = await db.Units.AsNoTracking().SingleAsync(u => u.Id == unitId);
        UnitName = unit.Name;
        UnitNumber = unit.Number;
        Batches = await db.BatchesOf(User)
            .OrderByDescending(b => b.Id)
            .Select(b => new BatchRow(b.Id, b.Title, b.Status, b.CreatedAt, b.DeclaredAt, b.Persons.Count, b.Persons.Count(p => p.ErrorCount > 0)))
            .ToListAsync();
    }

    public sealed record BatchRow(int Id, string Title, BatchStatus Status, DateTimeOffset CreatedAt, DateTimeOffset? DeclaredAt, int Persons, int WithErrors);
}
