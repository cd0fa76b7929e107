using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using SocialCard.Core.Common;
using SocialCard.Core.Photos;
using SocialCard.Core.Photos.Storage;
using SocialCard.Core.Validation;
using SocialCard.Data;
using SocialCard.Web.Infrastructure;
using SocialCard.Web.Photos;

namespace SocialCard.Web.Areas.Hall.Pages.Photos;

/// <summary>Hall staff review a photo of one of their hall's units and may accept its warnings with a reason (audited).</summary>
public sealed class ReviewModel(AppDbContext db, IPhotoStore store, PhotoReviews reviews) : PageModel
{
    public PhotoReviewModel Review { get; private set; } = null!;

    public string PersonName { get; private set; } = "";

    public string UnitName { get; private set; } = "";

    public bool CanOverride { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id) => await LoadAsync(id) is null ? NotFound() : Page();

    public async Task<IActionResult> OnPostAsync(int id, string? reason)
    {
        var result = await reviews.OverrideWarningsAsync(id, User.HallId(), reason, User.ActorName());
        if (result.Kind == ResultKind.NotFound)
        {
            return NotFound();
        }

        if (!result.Succeeded)
        {
            TempData["Error"] = result.Error;
            return Redirect($"/Hall/Photos/Review/{id}");
        }

        TempData["Notice"] = "已认可该照片的提醒项。";
        return Redirect($"/Hall/Photos/Review/{id}");
    }

    public async Task<IActionResult> OnGetImageAsync(int id, CancellationToken ct)
    {
        var photo = await LoadAsync(id);
        var stream = photo is null ? null : await store.OpenAsync(PhotoService.StoreKey(photo.UnitId), photo.Hash, ct);
        return stream is null ? NotFound() : File(stream, "image/jpeg");
    }

    /// <summary>The photo, if its unit belongs to the signed-in staff member's hall; otherwise nothing (404).</summary>
    private async Task<PersonPhoto?> LoadAsync(int id)
    {
        var hallId = User.HallId();
        var query = db.Photos.AsNoTracking()
            .Where(p => p.Id == id && db.Units.Any(u => u.Id == p.UnitId && u.HallId == hallId));
        var photo = await query.SingleOrDefaultAsync();
        if (photo is null)
        {
            return null;
        }

        PersonName = await db.Persons.Where(p => p.Id == photo.PersonId).Select(p => p.Name).SingleAsync();
        UnitName = await db.Units.Where(u => u.Id == photo.UnitId).Select(u => u.Name).SingleAsync();
        Review = PhotoReviewModel.From(photo, $"/Hall/Photos/Review/{id}?handler=Image", PersonName);
        CanOverride = photo.OverrideReason is null && !photo.HasErrors && photo.Findings.Any(f => f.Severity == Severity.Warning);
        return photo;
    }
}
