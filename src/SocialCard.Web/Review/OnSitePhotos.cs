using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SocialCard.Core.Auditing;
using SocialCard.Core.Common;
using SocialCard.Core.Persons;
using SocialCard.Data;
using SocialCard.Web.Batches;
using SocialCard.Web.Infrastructure;

namespace SocialCard.Web.Review;

/// <summary>
/// 现场拍照 bookkeeping of the hall: scheduling persons marked for an on-site photo and recording that it was taken.
/// All or nothing over the selection, under the locks of every batch concerned (a list spans units), each person
/// audited. The caller passes the persons the signed-in staff member may touch (<see cref="HallScope"/>); a selected
/// person outside it is "not found".
/// </summary>
public sealed class OnSitePhotos(AppDbContext db, BatchWrites writes, AuditLog audit, TimeProvider clock)
{
    public const string NothingChanged = "未作任何改动。";

    public async Task<BulkResult> ScheduleAsync(IQueryable<InsuredPerson> scope, IReadOnlyCollection<int> personIds, DateOnly? date, int hallId, string actor, CancellationToken ct = default)
    {
        var today = ChinaTime.Today(clock);
        var hallName = await db.Halls.Where(h => h.Id == hallId).Select(h => h.Name).SingleOrDefaultAsync(ct);
        var refusal = personIds.Count == 0 ? "请先勾选要预约的人员。"
            : date is null ? "请选择拍照日期。"
            : date < today ? $"拍照日期 {Format(date.Value)} 已经过去，请选择今天（{Format(today)}）或以后的日期。"
            : hallName is null ? "请选择拍照的采集点。"
            : null;
        if (refusal is not null)
        {
            return BulkResult.Fail(Result.Fail(refusal));
        }

        var day = date!.Value;
        return await ChangeAsync(scope, personIds, AuditActions.ScheduleOnSitePhoto, p => p.ScheduleOnSitePhoto(day, hallId), new { Date = Format(day), HallId = hallId, Hall = hallName }, actor, ct);
    }

    public Task<BulkResult> RecordTakenAsync(IQueryable<InsuredPerson> scope, IReadOnlyCollection<int> personIds, string actor, CancellationToken ct = default)
    {
        if (personIds.Count == 0)
        {
            return Task.FromResult(BulkResult.Fail(Result.Fail("请先勾选已完成拍照的人员。")));
        }

        var at = clock.GetUtcNow();
        return ChangeAsync(scope, personIds, AuditActions.OnSitePhotoTaken, p => p.RecordOnSitePhotoTaken(at), new { At = ChinaTime.Format(at) }, actor, ct);
    }

    public static string Format(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private async Task<BulkResult> ChangeAsync(IQueryable<InsuredPerson> scope, IReadOnlyCollection<int> personIds, string action, Func<InsuredPerson, Result> change, object details, string actor, CancellationToken ct)
    {
        var wanted = personIds.Distinct().ToList();
        var batchIds = await scope.Where(p => wanted.Contains(p.Id)).Select(p => p.BatchId).Distinct().ToListAsync(ct);
        return await writes.RunAllAsync(batchIds, async () =>
        {
            var persons = await scope.Where(p => wanted.Contains(p.Id)).ToListAsync(ct);
            if (persons.Count != wanted.Count)
            {
                return BulkResult.Fail(Result.NotFound("所选人员中有人不在本采集点的名单中（或刚被移出），" + NothingChanged + "请刷新列表后重试。"));
            }

            var items = persons.Select(p => new BulkItem(p.Id, change(p).Error)).ToList();
            var result = BulkResult.Of(items);
            if (!result.Succeeded)
            {
                db.ChangeTracker.Clear();
                return result;
            }

            foreach (var p in persons)
            {
                audit.Record(actor, action, "Person", p.Id, p.UnitId, details);
            }

            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateConcurrencyException)
            {
                return BulkResult.Fail(Result.Stale("其他人同时修改了所选人员，" + NothingChanged + "请刷新列表后重试。"));
            }

            return result;
        }, ct);
    }
}
