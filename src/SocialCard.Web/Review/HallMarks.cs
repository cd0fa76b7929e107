using Microsoft.EntityFrameworkCore;
using SocialCard.Core.Auditing;
using SocialCard.Core.Common;
using SocialCard.Core.Review;
using SocialCard.Data;
using SocialCard.Web.Batches;
using SocialCard.Web.Infrastructure;

namespace SocialCard.Web.Review;

/// <summary>
/// The hall marks persons of a batch for an on-site photo or a correction, or clears their marks: all or nothing,
/// under the batch's lock, audited once for the selection. The rules are the batch's (<see cref="Core.Batches.CollectionBatch.CheckHallMarks"/>)
/// and each person's (<see cref="Core.Persons.InsuredPerson.Mark"/>).
/// </summary>
public sealed class HallMarks(AppDbContext db, BatchWrites writes, AuditLog audit, TimeProvider clock)
{
    public const string NothingChanged = "所选人员均未改动。";

    public Task<BulkResult> MarkAsync(int batchId, IReadOnlyCollection<int> personIds, HallMark mark, string? reason, string actor, CancellationToken ct = default)
    {
        if (personIds.Count == 0)
        {
            return Task.FromResult(BulkResult.Fail(Result.Fail("请先勾选要标记的人员。")));
        }

        if (!Enum.IsDefined(mark))
        {
            return Task.FromResult(BulkResult.Fail(Result.Fail("请选择标记类型：现场拍照、信息更正或清除标记。")));
        }

        var wanted = personIds.Distinct().ToList();
        return writes.RunAsync(batchId, async batch =>
        {
            if (batch.CheckHallMarks() is { Succeeded: false } refused)
            {
                return BulkResult.Fail(refused);
            }

            var persons = await db.Persons.Where(x => x.BatchId == batchId && wanted.Contains(x.Id)).ToListAsync(ct);
            if (persons.Count != wanted.Count)
            {
                return BulkResult.Fail(Result.Stale("所选人员中有人已不在此批次中，" + NothingChanged + "请刷新页面后再试。"));
            }

            var at = clock.GetUtcNow();
            var items = persons.Select(p => new BulkItem(p.Id, p.Mark(mark, reason, actor, at).Error)).ToList();
            var result = BulkResult.Of(items);
            if (!result.Succeeded)
            {
                // Nothing is saved: the tracked changes of the accepted ones go with the rolled-back scope.
                db.ChangeTracker.Clear();
                return result;
            }

            audit.Record(actor, AuditActions.MarkPersons, "Batch", batch.Id, batch.UnitId, new { Mark = mark.ToString(), Reason = reason?.Trim(), Persons = persons.Select(x => x.Id) });
            writes.Touch(batch);
            await db.SaveChangesAsync(ct);
            return result;
        }, ct);
    }
}
