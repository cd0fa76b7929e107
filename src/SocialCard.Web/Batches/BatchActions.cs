using Microsoft.EntityFrameworkCore;
using SocialCard.Core.Auditing;
using SocialCard.Core.Batches;
using SocialCard.Core.Common;
using SocialCard.Core.Photos;
using SocialCard.Core.Units;
using SocialCard.Data;
using SocialCard.Web.Infrastructure;
using SocialCard.Web.Photos;

namespace SocialCard.Web.Batches;

/// <summary>
/// Creating a batch and moving it through its lifecycle, with the audit record, for the pages and the
/// JSON API alike. The rules themselves live in <see cref="CollectionBatch"/>.
/// </summary>
public sealed class BatchActions(AppDbContext db, BatchWrites writes, AuditLog audit, PhotoSettings photoSettings, TimeProvider clock, ILogger<BatchActions> logger)
{
    public const int MaxTitleLength = CollectionBatch.TitleMaxLength;

    public async Task<Result<CollectionBatch>> CreateAsync(int unitId, string? title, string actor, CancellationToken ct = default)
    {
        title = title?.Trim();
        if (string.IsNullOrWhiteSpace(title))
        {
            return Result<CollectionBatch>.Fail("请填写批次名称，例如“2026年第一批在职人员”。");
        }

        if (title.Length > MaxTitleLength)
        {
            return Result<CollectionBatch>.Fail($"批次名称最多 {MaxTitleLength} 个字，请缩短。");
        }

        var batch = new CollectionBatch(unitId, title, actor, clock.GetUtcNow());
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        db.Batches.Add(batch);
        await db.SaveChangesAsync(ct);
        audit.Record(actor, AuditActions.CreateBatch, "Batch", batch.Id, batch.UnitId, new { batch.Title });
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return Result<CollectionBatch>.Ok(batch);
    }

    /// <summary>
    /// 申报, on counts taken in SQL under the batch's lock (no upload or edit can slip in between): the unit's profile
    /// must be complete, nobody may have an error and, where the unit's type needs photos (Photos:RequiredFor),
    /// everyone must have a current portrait.
    /// </summary>
    public Task<Result> DeclareAsync(int batchId, Guid? seenVersion, string actor, CancellationToken ct = default) =>
        MoveAsync(batchId, seenVersion, AuditActions.DeclareBatch, async b =>
        {
            var unit = await db.Units.AsNoTracking().Where(u => u.Id == b.UnitId)
                .Select(u => new { u.Type, u.ContactPerson, u.Phone, u.Email, u.Address }).SingleAsync(ct);
            var profile = UnitProfile.DeclarationRefusal(UnitProfile.Missing(unit.ContactPerson, unit.Phone, unit.Email, unit.Address));
            var persons = db.Persons.Where(p => p.BatchId == b.Id);
            var count = await persons.CountAsync(ct);
            var withErrors = await persons.CountAsync(p => p.ErrorCount > 0, ct);
            var names = withErrors == 0 ? [] : await FirstNamesAsync(persons.Where(p => p.ErrorCount > 0), ct);
            var withoutPhoto = 0;
            List<string> unphotographed = [];
            if (photoSettings.PhotoRequired(unit.Type))
            {
                // PHOTO_MISSING: no current portrait (ID card scans do not count).
                var missing = persons.Where(p => !db.Photos.Any(f => f.PersonId == p.Id && f.IsCurrent && f.Kind == PhotoKind.Portrait));
                withoutPhoto = await missing.CountAsync(ct);
                unphotographed = withoutPhoto == 0 ? [] : await FirstNamesAsync(missing, ct);
            }

            var conflicts = await db.RosterConflicts.CountAsync(c => c.BatchId == b.Id && c.Resolution == RosterConflictResolution.Open, ct);
            return b.Declare(actor, clock.GetUtcNow(), new DeclarationCheck(count, withErrors, names, withoutPhoto, unphotographed, profile, conflicts));
        }, actor, ct);

    private static Task<List<string>> FirstNamesAsync(IQueryable<Core.Persons.InsuredPerson> persons, CancellationToken ct) =>
        persons.OrderBy(p => p.SourceRow ?? int.MaxValue).ThenBy(p => p.Id).Select(p => p.Name).Take(DeclarationCheck.NamesShown).ToListAsync(ct);

    /// <summary>The unit takes the batch back; the registry answers are dropped, since the data may now change.</summary>
    public Task<Result> WithdrawAsync(int batchId, Guid? seenVersion, string actor, CancellationToken ct = default) =>
        MoveAsync(batchId, seenVersion, AuditActions.WithdrawBatch, b => Task.FromResult(b.Withdraw(actor, clock.GetUtcNow())), actor, ct, forgetComparisons: true);

    /// <summary>退回: the hall sends the batch back with a reason; the registry answers are dropped as on withdrawal.</summary>
    public Task<Result> ReturnAsync(int batchId, Guid? seenVersion, string? reason, string actor, CancellationToken ct = default) =>
        MoveAsync(batchId, seenVersion, AuditActions.ReturnBatch, b => Task.FromResult(b.Return(actor, clock.GetUtcNow(), reason ?? "")), actor, ct, forgetComparisons: true);

    /// <summary>受理: the hall accepts the batch once every person has the registry's answer for this declaration.</summary>
    public Task<Result> AcceptAsync(int batchId, Guid? seenVersion, string actor, CancellationToken ct = default) =>
        MoveAsync(batchId, seenVersion, AuditActions.AcceptBatch, async b =>
        {
            var notCompared = await db.Persons.CountAsync(x => x.BatchId == b.Id && !db.Comparisons.Any(c => c.PersonId == x.Id), ct);
            return b.Accept(actor, clock.GetUtcNow(), notCompared);
        }, actor, ct);

    /// <summary>
    /// One status move under the batch's lock: the page's version (if it sent one) must still be the batch's, the
    /// domain decides, and the move, its audit record and any dropped comparison are one transaction.
    /// </summary>
    private async Task<Result> MoveAsync(int batchId, Guid? seenVersion, string action, Func<CollectionBatch, Task<Result>> transition, string actor, CancellationToken ct, bool forgetComparisons = false)
    {
        var result = await writes.RunAsync(batchId, async batch =>
        {
            if (seenVersion is { } seen && seen != batch.Version)
            {
                return Result.Stale(BatchWrites.ConflictMessage);
            }

            var from = batch.Status;
            var moved = await transition(batch);
            if (!moved.Succeeded)
            {
                return moved;
            }

            var persons = await db.Persons.CountAsync(p => p.BatchId == batch.Id, ct);
            audit.Record(actor, action, "Batch", batch.Id, batch.UnitId, new { From = from.ToString(), To = batch.Status.ToString(), Persons = persons, Reason = batch.Status == BatchStatus.Returned ? batch.ReturnReason : null });
            await db.SaveChangesAsync(ct);
            if (forgetComparisons)
            {
                await db.Comparisons.Where(c => c.BatchId == batch.Id).ExecuteDeleteAsync(ct);
            }

            logger.LogInformation("Batch {BatchId} moved {From} -> {To}", batch.Id, from, batch.Status);
            return Result.Ok();
        }, ct);
        return result;
    }
}
