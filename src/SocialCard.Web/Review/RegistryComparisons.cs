using Microsoft.EntityFrameworkCore;
using SocialCard.Core.Batches;
using SocialCard.Core.Registry;
using SocialCard.Core.Review;
using SocialCard.Data;
using SocialCard.Web.Infrastructure;

namespace SocialCard.Web.Review;

/// <summary>What one comparison run did: persons compared now, still pending, and why it stopped early (Chinese, for the page).</summary>
public sealed record ComparisonRun(int ComparedNow, int Pending, int Total, string? Failure)
{
    public bool Completed => Pending == 0;
}

/// <summary>
/// Compares a declared batch with the identity registry (DOMAIN.md §8), set-based through <see cref="IIdentityRegistry"/>.
/// Only persons without a stored answer are asked, and every answer obtained is stored before the run reports a
/// failure, so an outage loses nothing and running again completes the batch.
/// </summary>
public sealed class RegistryComparisons(
    AppDbContext db,
    IIdentityRegistry registry,
    RegistrySettings settings,
    AuditLog audit,
    TimeProvider clock,
    ILogger<RegistryComparisons> logger)
{
    public static bool CanCompare(BatchStatus status) => status is BatchStatus.Declared or BatchStatus.Accepted;

    /// <summary>Compares the batch's persons that have no stored answer yet.</summary>
    public async Task<ComparisonRun> RunAsync(CollectionBatch batch, string actor, CancellationToken ct = default)
    {
        if (!CanCompare(batch.Status))
        {
            throw new InvalidOperationException($"Batch {batch.Id} is {batch.Status}; only declared or accepted batches are compared.");
        }

        var pending = await db.Persons.AsNoTracking()
            .Where(p => p.BatchId == batch.Id && !db.Comparisons.Any(c => c.PersonId == p.Id))
            .OrderBy(p => p.Id)
            .Select(p => new { p.Id, p.IdNumber, p.Name, p.Sex, p.EthnicityCode, p.BirthDate })
            .ToListAsync(ct);
        var total = await db.Persons.CountAsync(p => p.BatchId == batch.Id, ct);
        if (pending.Count == 0)
        {
            return new ComparisonRun(0, 0, total, null);
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
        var rows = result.Comparisons.Select(c => new PersonComparison(personOf[c.Query], batch.Id, c, at)).ToList();

        await using (var transaction = await db.Database.BeginTransactionAsync(ct))
        {
            await BulkInsert.InsertAsync(db, rows, ct);
            audit.Record(actor, "CompareBatch", "Batch", batch.Id, batch.UnitId, new
            {
                Compared = rows.Count,
                Pending = result.Pending.Count,
                Failure = result.Failure?.Kind.ToString(),
            });
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }

        logger.LogInformation(
            "Compared {Compared} persons of batch {BatchId} with the registry in {ElapsedMs} ms; {Pending} pending ({Failure})",
            rows.Count, batch.Id, (long)clock.GetElapsedTime(started).TotalMilliseconds, result.Pending.Count, result.Failure?.Kind.ToString() ?? "none");

        string? failure = null;
        if (!result.Completed)
        {
            var why = result.Failure?.Kind == RegistryFailureKind.Timeout ? "身份信息库响应超时" : "身份信息库暂时无法访问";
            failure = $"{why}，比对中断。已比对的 {total - result.Pending.Count} 人结果已保存，其余 {result.Pending.Count} 人尚未比对；请稍后点击“继续比对”，只比对剩余人员。";
        }

        return new ComparisonRun(rows.Count, result.Pending.Count, total, failure);
    }

    /// <summary>Drops the stored answers of a batch (before comparing again from scratch, or when it goes back to the unit).</summary>
    public Task<int> ForgetAsync(int batchId, CancellationToken ct = default) =>
        db.Comparisons.Where(c => c.BatchId == batchId).ExecuteDeleteAsync(ct);
}
