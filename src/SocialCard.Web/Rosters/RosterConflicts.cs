using Microsoft.EntityFrameworkCore;
using SocialCard.Core.Auditing;
using SocialCard.Core.Batches;
using SocialCard.Core.Common;
using SocialCard.Core.Rosters;
using SocialCard.Data;
using SocialCard.Web.Batches;
using SocialCard.Web.Infrastructure;

namespace SocialCard.Web.Rosters;

/// <summary>
/// Deciding the conflicts a re-uploaded workbook left (<see cref="RosterConflict"/>): keep the portal's values here;
/// taking the workbook's goes through the person form (<see cref="PersonWrites.SaveAsync"/> with the conflict), so
/// the values are checked like any edit.
/// </summary>
public sealed class RosterConflicts(AppDbContext db, BatchWrites writes, AuditLog audit, TimeProvider clock)
{
    /// <summary>An open conflict of the batch, or null.</summary>
    public Task<RosterConflict?> FindOpenAsync(int batchId, int conflictId, CancellationToken ct = default) =>
        db.RosterConflicts.AsNoTracking().SingleOrDefaultAsync(c => c.Id == conflictId && c.BatchId == batchId && c.Resolution == RosterConflictResolution.Open, ct);

    /// <summary>The workbook row of a conflict as the person form's input, indexed like the template.</summary>
    public static string? Cell(RosterConflict conflict, RosterColumn column) =>
        (int)column < conflict.RowValues.Count ? conflict.RowValues[(int)column]?.Trim() : null;

    /// <summary>Keeps the portal's values; gives the person's name.</summary>
    public Task<Result<string>> KeepPortalAsync(int batchId, int conflictId, string actor, CancellationToken ct = default) =>
        writes.RunAsync(batchId, async batch =>
        {
            var conflict = await db.RosterConflicts.SingleOrDefaultAsync(c => c.Id == conflictId && c.BatchId == batchId, ct);
            if (conflict is null)
            {
                return Result<string>.Fail("没有找到这处冲突（可能已被处理）。");
            }

            var resolved = conflict.Resolve(RosterConflictResolution.KeptPortal, actor, clock.GetUtcNow());
            if (!resolved.Succeeded)
            {
                return (Result<string>)resolved;
            }

            audit.Record(actor, AuditActions.ResolveRosterConflict, "Batch", batch.Id, batch.UnitId, new { Conflict = conflict.Id, conflict.PersonId, conflict.RowNumber, Resolution = conflict.Resolution.ToString() });
            writes.Touch(batch);
            await db.SaveChangesAsync(ct);
            return Result<string>.Ok(conflict.PersonName);
        }, ct);
}
