using Microsoft.EntityFrameworkCore;
using SocialCard.Core.Auditing;
using SocialCard.Core.Common;
using SocialCard.Data;
using SocialCard.Web.Batches;
using SocialCard.Web.Infrastructure;

namespace SocialCard.Web.Photos;

/// <summary>Hall staff accept a photo's warnings with a reason: under the batch's lock (it changes what may be exported), audited.</summary>
public sealed class PhotoReviews(AppDbContext db, BatchWrites writes, AuditLog audit, TimeProvider clock)
{
    /// <param name="hallId">The staff member's hall: a photo of another hall's unit is not found.</param>
    public async Task<Result> OverrideWarningsAsync(int photoId, int? hallId, string? reason, string actor, CancellationToken ct = default)
    {
        var batchId = await db.Photos.AsNoTracking()
            .Where(p => p.Id == photoId && db.Units.Any(u => u.Id == p.UnitId && u.HallId == hallId))
            .Select(p => (int?)db.Persons.Where(x => x.Id == p.PersonId).Select(x => x.BatchId).Single())
            .SingleOrDefaultAsync(ct);
        if (batchId is null)
        {
            return Result.NotFound();
        }

        return await writes.RunAsync(batchId.Value, async _ =>
        {
            var photo = await db.Photos.SingleOrDefaultAsync(p => p.Id == photoId, ct);
            if (photo is null)
            {
                return Result.NotFound();
            }

            var result = photo.OverrideWarnings(reason ?? "", actor, clock.GetUtcNow());
            if (!result.Succeeded)
            {
                return result;
            }

            audit.Record(actor, AuditActions.OverridePhotoWarnings, "Photo", photo.Id, photo.UnitId, new { photo.PersonId, Reason = photo.OverrideReason, Codes = photo.Findings.Select(f => f.Code) });
            await db.SaveChangesAsync(ct);
            return Result.Ok();
        }, ct);
    }
}
