using Microsoft.EntityFrameworkCore;
using SocialCard.Core.Batches;
using SocialCard.Core.Common;
using SocialCard.Data;
using SocialCard.Web.Infrastructure;

namespace SocialCard.Web.Batches;

/// <summary>
/// Creating a batch and moving it through its lifecycle, with the audit record, for the pages and the
/// JSON API alike. The rules themselves live in <see cref="CollectionBatch"/>.
/// </summary>
public sealed class BatchActions(AppDbContext db, AuditLog audit, TimeProvider clock, ILogger<BatchActions> logger)
{
    public const int MaxTitleLength = CollectionBatch.TitleMaxLength;

    public async Task<(CollectionBatch? Batch, string? Error)> CreateAsync(int unitId, string? title, string actor, CancellationToken ct = default)
    {
        title = title?.Trim();
        if (string.IsNullOrWhiteSpace(title))
        {
            return (null, "请填写批次名称，例如“2026年第一批在职人员”。");
        }

        if (title.Length > MaxTitleLength)
        {
            return (null, $"批次名称最多 {MaxTitleLength} 个字，请缩短。");
        }

        var batch = new CollectionBatch(unitId, title, actor, clock.GetUtcNow());
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        db.Batches.Add(batch);
        await db.SaveChangesAsync(ct);
        audit.Record(actor, "CreateBatch", "Batch", batch.Id, batch.UnitId, new { batch.Title });
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return (batch, null);
    }

    public Task<Result> DeclareAsync(CollectionBatch batch, string actor, CancellationToken ct = default) =>
        MoveAsync(batch, "Declare", b => b.Declare(actor, clock.GetUtcNow()), actor, ct);

    /// <summary>The unit takes the batch back; the registry answers are dropped, since the data may now change.</summary>
    public Task<Result> WithdrawAsync(CollectionBatch batch, string actor, CancellationToken ct = default) =>
        MoveAsync(batch, "Withdraw", b => b.Withdraw(actor, clock.GetUtcNow()), actor, ct, forgetComparisons: true);

    /// <summary>退回: the hall sends the batch back with a reason; the registry answers are dropped as on withdrawal.</summary>
    public Task<Result> ReturnAsync(CollectionBatch batch, string? reason, string actor, CancellationToken ct = default) =>
        MoveAsync(batch, "Return", b => b.Return(actor, clock.GetUtcNow(), reason ?? ""), actor, ct, forgetComparisons: true);

    /// <summary>受理: the hall accepts the batch.</summary>
    public Task<Result> AcceptAsync(CollectionBatch batch, string actor, CancellationToken ct = default) =>
        MoveAsync(batch, "Accept", b => b.Accept(actor, clock.GetUtcNow()), actor, ct);

    /// <summary>Needs the batch tracked with its persons loaded (the declaration checks them).</summary>
    private async Task<Result> MoveAsync(CollectionBatch batch, string action, Func<CollectionBatch, Result> transition, string actor, CancellationToken ct, bool forgetComparisons = false)
    {
        var from = batch.Status;
        var result = transition(batch);
        if (!result.Succeeded)
        {
            return result;
        }

        audit.Record(actor, action + "Batch", "Batch", batch.Id, batch.UnitId, new { From = from.ToString(), To = batch.Status.ToString(), Persons = batch.Persons.Count, Reason = batch.Status == BatchStatus.Returned ? batch.ReturnReason : null });
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            await db.SaveChangesAsync(ct);
            if (forgetComparisons)
            {
                await db.Comparisons.Where(c => c.BatchId == batch.Id).ExecuteDeleteAsync(ct);
            }

            await transaction.CommitAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            logger.LogInformation("Concurrent change of batch {BatchId} refused", batch.Id);
            return Result.Fail("此批次刚被他人修改过，操作未执行。请确认页面内容后再试。");
        }

        logger.LogInformation("Batch {BatchId} moved {From} -> {To}", batch.Id, from, batch.Status);
        return Result.Ok();
    }
}
