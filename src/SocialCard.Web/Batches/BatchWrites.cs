using Microsoft.EntityFrameworkCore;
using Npgsql;
using SocialCard.Core.Batches;
using SocialCard.Data;

namespace SocialCard.Web.Batches;

/// <summary>
/// Serialises every write to one batch (upload, photos, edit, delete, declare, withdraw, compare, accept, return,
/// marks): one transaction that first takes the batch's lock, then reads the batch again and runs the write, so the
/// outcome of simultaneous requests equals some order of the same requests one after the other.
/// <para>
/// PostgreSQL: a transaction-scoped advisory lock keyed by the batch id (released at commit or rollback; it does
/// not block readers or foreign-key checks). SQLite: the database's single write lock, taken at once by a no-op
/// UPDATE of the batch row (a transaction that only read first could not upgrade without a busy error).
/// </para>
/// Checks that depend on the batch (editable? declared? stale page?) belong inside the write, on the batch
/// passed to it. The write calls SaveChanges as it needs; its changes are committed when it returns and rolled
/// back when it throws.
/// </summary>
public sealed class BatchWrites(AppDbContext db)
{
    /// <summary>The advisory-lock class of batch locks (the first key of the two-key form).</summary>
    private const int LockClass = 0x53434231; // "SCB1"

    public const string ConflictMessage = "此批次刚被他人修改过，操作未执行。请刷新页面确认后再试。";

    public async Task<T> RunAsync<T>(int batchId, Func<CollectionBatch, Task<T>> write, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(write);
        if (db.Database.CurrentTransaction is not null)
        {
            throw new InvalidOperationException("Batch writes do not nest: the batch lock is taken by the outermost write.");
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await LockAsync(batchId, ct);
        var batch = db.Batches.Local.SingleOrDefault(b => b.Id == batchId);
        if (batch is null)
        {
            batch = await db.Batches.SingleAsync(b => b.Id == batchId, ct);
        }
        else
        {
            await db.Entry(batch).ReloadAsync(ct);
        }

        var result = await write(batch);
        await transaction.CommitAsync(ct);
        return result;
    }

    /// <summary>
    /// A write across several batches (the hall's on-site list spans units): one transaction that takes every batch's
    /// lock in ascending id order (so two such writes cannot deadlock), then runs the write.
    /// </summary>
    public async Task<T> RunAllAsync<T>(IEnumerable<int> batchIds, Func<Task<T>> write, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(write);
        if (db.Database.CurrentTransaction is not null)
        {
            throw new InvalidOperationException("Batch writes do not nest: the batch lock is taken by the outermost write.");
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        foreach (var id in batchIds.Distinct().Order())
        {
            await LockAsync(id, ct);
        }

        var result = await write();
        await transaction.CommitAsync(ct);
        return result;
    }

    /// <summary>The batch's persons changed: its version moves on, so a page shown before this write is stale.</summary>
    public void Touch(CollectionBatch batch) => db.Entry(batch).Property(b => b.Version).IsModified = true;

    /// <summary>A unique index (a second holder of one ID number in a batch, an export number) refused the write.</summary>
    public static bool IsUniqueViolation(DbUpdateException e) => e.GetBaseException() switch
    {
        PostgresException pg => pg.SqlState == PostgresErrorCodes.UniqueViolation,
        Microsoft.Data.Sqlite.SqliteException sqlite => sqlite.SqliteErrorCode == 19 && sqlite.SqliteExtendedErrorCode is 2067 or 1555,
        _ => false,
    };

    private Task LockAsync(int batchId, CancellationToken ct) => db.Database.IsNpgsql()
        ? db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({LockClass}, {batchId})", ct)
        : db.Database.ExecuteSqlAsync($"UPDATE batches SET \"Id\" = \"Id\" WHERE \"Id\" = {batchId}", ct);
}
