using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using SocialCard.Core.Auditing;
using SocialCard.Core.Batches;
using SocialCard.Data;

namespace SocialCard.Web.Areas.Admin.Pages;

public sealed class IndexModel(AppDbContext db) : PageModel
{
    public int Units { get; private set; }

    public int Halls { get; private set; }

    public int Batches { get; private set; }

    public int Declared { get; private set; }

    public int Persons { get; private set; }

    public IReadOnlyList<AuditEntry> Recent { get; private set; } = [];

    public async Task OnGetAsync()
    {
        Units = await db.Units.CountAsync();
        Halls = await db.Halls.CountAsync();
        Batches = await db.Batches.CountAsync();
        Declared = await db.Batches.CountAsync(b => b.Status == BatchStatus.Declared);
        Persons = await db.Persons.CountAsync();
        Recent = await db.AuditEntries.AsNoTracking().OrderByDescending(a => a.At).ThenByDescending(a => a.Id).Take(30).ToListAsync();
    }
}
