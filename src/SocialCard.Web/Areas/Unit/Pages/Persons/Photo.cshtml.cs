using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using SocialCard.Core.Common;
using SocialCard.Core.Persons;
using SocialCard.Core.Photos;
using SocialCard.Core.Photos.Fixing;
using SocialCard.Core.Photos.Storage;
using SocialCard.Data;
using SocialCard.Web.Infrastructure;
using SocialCard.Web.Photos;

namespace SocialCard.Web.Areas.Unit.Pages.Persons;

/// <summary>One person's photo: the review with the spec's zones, and a single upload.</summary>
[UploadLimit(UploadKind.SinglePhoto)]
public sealed class PhotoModel(AppDbContext db, PhotoService photos, IPhotoStore store, PhotoSettings settings, PhotoFixer fixer) : PageModel
{
    public InsuredPerson Person { get; private set; } = null!;

    public int BatchId { get; private set; }

    public bool Editable { get; private set; }

    public PhotoReviewModel? Review { get; private set; }

    /// <summary>The adjusted photo the clerk is looking at before accepting it (before/after view).</summary>
    public PhotoReviewModel? Candidate { get; private set; }

    public string? CandidateHash { get; private set; }

    public bool CanFix => Editable && Review is not null && Review.Findings.Any(f => f.Severity == Core.Validation.Severity.Error);

    private PersonPhoto? _current;

    public async Task<IActionResult> OnGetAsync(int batchId, int id, string? candidate, CancellationToken ct)
    {
        if (!await LoadAsync(batchId, id))
        {
            return NotFound();
        }

        if (candidate is not null && await ReadCandidateAsync(candidate, ct) is { } bytes)
        {
            var inspection = fixer.Inspector.Inspect(bytes);
            CandidateHash = candidate;
            Candidate = new PhotoReviewModel($"/Unit/Persons/Photo/{batchId}/{id}?handler=Candidate&hash={candidate}", Person.Name, true, inspection.Measurements, inspection.Findings, null);
        }

        return Page();
    }

    /// <summary>自动调整: reframe the current photo into the specification; the result is shown beside the original for the clerk to accept.</summary>
    public async Task<IActionResult> OnPostFixAsync(int batchId, int id, CancellationToken ct)
    {
        if (!await LoadAsync(batchId, id) || _current is null)
        {
            return NotFound();
        }

        await using var original = await store.OpenAsync(PhotoService.StoreKey(Person.UnitId), _current.Hash, ct);
        if (original is null)
        {
            return NotFound();
        }

        using var buffer = new MemoryStream();
        await original.CopyToAsync(buffer, ct);
        var result = fixer.Fix(buffer.ToArray());
        if (!result.Fixed || result.Bytes is null)
        {
            TempData["Error"] = result.Refusal ?? "无法自动调整这张照片，请重新拍照。";
            return Redirect($"/Unit/Persons/Photo/{batchId}/{id}");
        }

        var hash = await store.SaveAsync(PhotoService.CandidateKey(Person.UnitId, Person.Id), result.Bytes, ct);
        return Redirect($"/Unit/Persons/Photo/{batchId}/{id}?candidate={hash}");
    }

    /// <summary>采用: the adjusted photo becomes the person's photo; the original stays stored and linked.</summary>
    public async Task<IActionResult> OnPostAcceptAsync(int batchId, int id, string hash, CancellationToken ct)
    {
        if (!await LoadAsync(batchId, id, track: true) || _current is null)
        {
            return NotFound();
        }

        if (!Editable)
        {
            TempData["Error"] = "批次已申报，不能更换照片；如需更换请先撤销申报。";
            return Redirect($"/Unit/Persons/Photo/{batchId}/{id}");
        }

        var bytes = await ReadCandidateAsync(hash, ct);
        if (bytes is null)
        {
            return NotFound();
        }

        var adopted = await photos.AttachAsync(Person, PhotoKind.Portrait, "调整后-" + _current.FileName, bytes, User.ActorName(), ct, derivedFrom: _current.Id);
        var stored = adopted.Value;
        TempData[stored is null || stored.HasErrors ? "Error" : "Notice"] = stored is null
            ? adopted.Error
            : stored.HasErrors ? "调整后的照片仍不符合规格，请重新拍照。" : "已采用调整后的照片，原照片仍保留。";
        return Redirect($"/Unit/Persons/Photo/{batchId}/{id}");
    }

    public async Task<IActionResult> OnGetCandidateAsync(int batchId, int id, string hash, CancellationToken ct)
    {
        if (!await LoadAsync(batchId, id))
        {
            return NotFound();
        }

        var bytes = await ReadCandidateAsync(hash, ct);
        return bytes is null ? NotFound() : File(bytes, "image/jpeg");
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

        var attached = await photos.AttachAsync(Person, PhotoKind.Portrait, photo.FileName, await FormFiles.ReadAllBytesAsync(photo, ct), User.ActorName(), ct);
        var stored = attached.Value;
        TempData[stored is null || stored.HasErrors ? "Error" : "Notice"] = stored is null
            ? attached.Error
            : stored.HasErrors
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

    /// <summary>A candidate is only read from the person's own candidates, by its exact content hash.</summary>
    private async Task<byte[]?> ReadCandidateAsync(string hash, CancellationToken ct)
    {
        if (hash.Length != 64 || !hash.All(char.IsAsciiHexDigitLower))
        {
            return null;
        }

        await using var stream = await store.OpenAsync(PhotoService.CandidateKey(Person.UnitId, Person.Id), hash, ct);
        if (stream is null)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        await stream.CopyToAsync(buffer, ct);
        return buffer.ToArray();
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
        _current = current;
        Review = current is null ? null : PhotoReviewModel.From(current, $"/Unit/Persons/Photo/{batchId}/{id}?handler=Image&photo={current.Id}", person.Name);
        return true;
    }
}
