using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using SocialCard.Core.Persons;
using SocialCard.Core.Photos;
using SocialCard.Core.Photos.Storage;
using SocialCard.Data;
using SocialCard.Web.Infrastructure;
using SocialCard.Web.Photos;

namespace SocialCard.Web.Areas.Unit.Pages.Persons;

/// <summary>One person's photo: the review with the spec's zones, and a single upload.</summary>
public sealed class PhotoModel(AppDbContext db, PhotoService photos, IPhotoStore store, PhotoSettings settings) : PageModel
{
    public InsuredPerson Person { get; private set; } = null!;

    public int BatchId { get; private set; }

    public bool Editable { get; private set; }

    public PhotoReviewModel? Review { get; private set; }

    public async Task<IActionResult> OnGetAsync(int batchId, int id)
    {
        if (!await LoadAsync(batchId, id))
        {
            return NotFound();
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int batchId, int id, IFormFile? photo, CancellationToken ct)
    {
        if (!await LoadAsync(batchId, id, track: true))
        {
            return NotFound();
        }

        if (!Editable)
        {
            TempData["Error"] = "批次已申报，不能更换照片；如需更换请先撤销申报。";
            return Redirect($"/Unit/Persons/Photo/{batchId}/{id}");
        }

        if (photo is null || photo.Length == 0 || photo.Length > settings.ArchiveLimits.MaxFileBytes)
        {
            TempData["Error"] = "请选择一张不超过 12 MB 的 .jpg 照片。";
            return Redirect($"/Unit/Persons/Photo/{batchId}/{id}");
        }

        await using var buffer = new MemoryStream();
        await photo.CopyToAsync(buffer, ct);
        var stored = await photos.AttachAsync(Person, PhotoKind.Portrait, photo.FileName, buffer.ToArray(), User.ActorName(), ct);
        TempData[stored.HasErrors ? "Error" : "Notice"] = stored.HasErrors
            ? "照片已保存，但不符合规格，请按下面的说明重新拍照或调整后上传。"
            : "照片已保存并通过检查。";
        return Redirect($"/Unit/Persons/Photo/{batchId}/{id}");
    }

    /// <summary>The stored file, only for the clerk's own unit.</summary>
    public async Task<IActionResult> OnGetImageAsync(int batchId, int id, int photo, CancellationToken ct)
    {
        var person = await db.PersonsOf(User).AsNoTracking().SingleOrDefaultAsync(p => p.Id == id && p.BatchId == batchId, ct);
        var stored = person is null ? null : await db.Photos.AsNoTracking().SingleOrDefaultAsync(p => p.Id == photo && p.PersonId == id, ct);
        var stream = stored is null ? null : await store.OpenAsync(PhotoService.StoreKey(stored.UnitId), stored.Hash, ct);
        return stream is null ? NotFound() : File(stream, "image/jpeg");
    }

    private async Task<bool> LoadAsync(int batchId, int id, bool track = false)
    {
        var batch = await db.BatchesOf(User).AsNoTracking().SingleOrDefaultAsync(b => b.Id == batchId);
        var persons = track ? db.PersonsOf(User) : db.PersonsOf(User).AsNoTracking();
        var person = batch is null ? null : await persons.SingleOrDefaultAsync(p => p.Id == id && p.BatchId == batchId);
        if (batch is null || person is null)
        {
            return false;
        }

        Person = person;
        BatchId = batchId;
        Editable = batch.IsEditableByUnit;
        var current = await db.Photos.AsNoTracking().Where(p => p.PersonId == id && p.Kind == PhotoKind.Portrait && p.IsCurrent).OrderByDescending(p => p.Id).FirstOrDefaultAsync();
        Review = current is null ? null : PhotoReviewModel.From(current, $"/Unit/Persons/Photo/{batchId}/{id}?handler=Image&photo={current.Id}", person.Name);
        return true;
    }
}
