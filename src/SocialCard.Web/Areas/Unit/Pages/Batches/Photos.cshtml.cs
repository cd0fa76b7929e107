using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using SocialCard.Core.Photos;
using SocialCard.Data;
using SocialCard.Web.Infrastructure;
using SocialCard.Web.Photos;

namespace SocialCard.Web.Areas.Unit.Pages.Batches;

/// <summary>The report of a bulk photo upload: matched, unmatched and refused files, and who still has no photo.</summary>
public sealed class PhotosModel(AppDbContext db) : PageModel
{
    public int BatchId { get; private set; }

    public PhotoUpload Upload { get; private set; } = null!;

    public PhotoReport Report { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, int upload)
    {
        if (!await db.BatchesOf(User).AnyAsync(b => b.Id == id))
        {
            return NotFound();
        }

        var stored = await db.PhotoUploads.AsNoTracking().SingleOrDefaultAsync(u => u.Id == upload && u.BatchId == id);
        if (stored is null)
        {
            return NotFound();
        }

        BatchId = id;
        Upload = stored;
        Report = stored.Report;
        return Page();
    }
}
