using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using SocialCard.Core.Batches;
using SocialCard.Data;
using SocialCard.Web.Infrastructure;

namespace SocialCard.Web.Areas.Hall.Pages;

/// <summary>The hall's queue: declared batches of the units assigned to this hall, oldest first.</summary>
public sealed class IndexModel(AppDbContext db) : PageModel
{
    public string HallName { get; private set; } = "";

    public IReadOnlyList<QueueRow> Batches { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var hallId = User.HallId() ?? throw new InvalidOperationException("The Hall policy admits only accounts with a hall.");
        HallName = await db.Halls.Where(h => h.Id == hallId).Select(h => h.Name).SingleAsync();
        Batches = await db.Batches
            .Where(b => b.Status == BatchStatus.Declared && b.Unit!.HallId == hallId)
            .OrderBy(b => b.DeclaredAt)
            .Select(b => new QueueRow(b.Id, b.Unit!.Number, b.Unit.Name, b.Title, b.Persons.Count, b.DeclaredAt))
            .ToListAsync();
    }

    public sealed record QueueRow(int Id, string UnitNumber, string UnitName, string Title, int Persons, DateTimeOffset? DeclaredAt);
}
