using Microsoft.EntityFrameworkCore;
using SocialCard.Core.Auditing;
using SocialCard.Core.Common;
using SocialCard.Core.Registry;
using SocialCard.Core.Review;
using SocialCard.Data;
using SocialCard.Web.Batches;
using SocialCard.Web.Infrastructure;

namespace SocialCard.Web.Review;

/// <summary>What a completed comparison run did: persons compared now, of all the batch's persons (every one has an answer).</summary>
public sealed record ComparisonRun(int ComparedNow, int Total);

/// <summary>
/// Compares a declared batch with the identity registry (docs/DOMAIN.md §8), set-based through <see cref="IIdentityRegistry"/>.
/// Only persons without a stored answer are asked, and every answer obtained is stored before the run reports a
/// failure, so an outage loses nothing and running again completes the batch.
/// </summary>
public sealed class RegistryComparisons(
    AppDbContext db,
    BatchWrites writes,
    IIdentityRegistry registry,
    RegistrySettings settings,
    AuditLog audit,
    TimeProvider clock,
    ILogger<RegistryComparisons> logger)
{
    /// <summary>
    /// Compares the batch's persons that have no stored answer yet (<paramref name="fresh"/>: drops the stored answers
    /// first). The registry is asked outside the batch's lock; the answers are stored under it, and only while the
    /// batch is still on the declaration they were asked for: answers that come back after a withdrawal or a return
    /// (and a new declaration) are discarded, never stored on the changed batch. An outage stops the run with
    /// <see cref="ResultKind.Unavailable"/> after storing every answer obtained.
    /// </summary>
    public async Task<Result<ComparisonRun>> RunAsync(int batchId, bool fresh, string actor, CancellationToken ct = default)
    {
        var batch = await db.Batches.AsNoTracking().SingleAsync(b => b.Id == batchId, ct);
        if (batch.CheckComparison() is { Succeeded: false } refused)
        {
            return refused;
        }

        var declaration = batch.Declaration;
        if (fresh)
        {
            var forgotten = await writes.RunAsync(batchId, async locked =>
            {
                if (!locked.AllowsComparison || locked.Declaration != declaration)
                {
                    return false;
                }

                await ForgetAsync(batchId, ct);
                return true;
            }, ct);
            if (!forgotten)
            {
                return MovedOn;
            }
        }

        var pending = await db.Persons.AsNoTracking()
            .Where(p => p.BatchId == batchId && !db.Comparisons.Any(c => c.PersonId == p.Id))
            .OrderBy(p => p.Id)
            .Select(p => new { p.Id, p.IdNumber, p.Name, p.Sex, p.EthnicityCode, p.BirthDate })
            .ToListAsync(ct);
        var total = await db.Persons.CountAsync(p => p.BatchId == batchId, ct);
        if (pending.Count == 0)
        {
            return Result<ComparisonRun>.Ok(new ComparisonRun(0, total));
        }

        var personOf = new Dictionary<RegistryQuery, int>(ReferenceEqualityComparer.Instance);
        var queries = new List<RegistryQuery>(pending.Count);
        foreach (var p in pending)
        {
            var query = new RegistryQuery(p.IdNumber, p.Name, p.Sex, p.EthnicityCode, p.BirthDate);
            personOf[query] = p.Id;
            queries.Add(query);
        }

        var started = clock.GetTimestamp();
        var result = await registry.CompareAllAsync(queries, settings.MaxAttempts, TimeSpan.FromMilliseconds(settings.RetryDelayMs), ct);
        var at = clock.GetUtcNow();

        var stored = await writes.RunAsync(batchId, async locked =>
        {
            if (!locked.AllowsComparison || locked.Declaration != declaration)
            {
                return (int?)null;
            }

            // The persons' data cannot change while the batch stays on this declaration; persons answered meanwhile by
            // another run (two staff pressing 比对 at once) are left out.
            var stillPending = (await db.Persons.AsNoTracking()
                .Where(p => p.BatchId == batchId && !db.Comparisons.Any(c => c.PersonId == p.Id))
                .Select(p => p.Id)
                .ToListAsync(ct)).ToHashSet();
            var rows = result.Comparisons
                .Select(c => (PersonId: personOf[c.Query], Answer: c))
                .Where(x => stillPending.Contains(x.PersonId))
                .Select(x => new PersonComparison(x.PersonId, batchId, x.Answer, at))
                .ToList();
            await BulkInsert.InsertAsync(db, rows, ct);
            audit.Record(actor, AuditActions.CompareBatch, "Batch", locked.Id, locked.UnitId, new
            {
                Compared = rows.Count,
                Pending = result.Pending.Count,
                Failure = result.Failure?.Kind.ToString(),
            });
            await db.SaveChangesAsync(ct);
            return rows.Count;
        }, ct);

        if (stored is null)
        {
            logger.LogInformation("Registry answers for batch {BatchId} discarded: the batch was withdrawn or returned during the comparison", batchId);
            return MovedOn;
        }

        logger.LogInformation(
            "Compared {Compared} persons of batch {BatchId} with the registry in {ElapsedMs} ms; {Pending} pending ({Failure})",
            stored, batchId, (long)clock.GetElapsedTime(started).TotalMilliseconds, result.Pending.Count, result.Failure?.Kind.ToString() ?? "none");

        return result.Completed
            ? Result<ComparisonRun>.Ok(new ComparisonRun(stored.Value, total))
            : RegistryOutage.Refusal(result.Failure, $"比对中断。已比对的 {total - result.Pending.Count} 人结果已保存，其余 {result.Pending.Count} 人尚未比对；请稍后点击“继续比对”，只比对剩余人员。");
    }

    private static readonly Result MovedOn = Result.Stale("比对期间单位撤销了申报（或批次已被退回），本次比对结果已作废，未保存。请在单位重新申报后再比对。");

    /// <summary>Drops the stored answers of a batch (before comparing again from scratch, or when it goes back to the unit).</summary>
    public Task<int> ForgetAsync(int batchId, CancellationToken ct = default) =>
        db.Comparisons.Where(c => c.BatchId == batchId).ExecuteDeleteAsync(ct);
}
