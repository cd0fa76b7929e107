using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using SocialCard.Core.Auditing;
using SocialCard.Core.Batches;
using SocialCard.Core.Common;
using SocialCard.Core.Exports;
using SocialCard.Core.Photos;
using SocialCard.Core.Photos.Storage;
using SocialCard.Core.Registry;
using SocialCard.Core.Units;
using SocialCard.Data;
using SocialCard.Web.Infrastructure;
using SocialCard.Web.Photos;

namespace SocialCard.Web.Exports;

/// <summary>Which units a page reaches: one hall's (hall staff), or every unit (information centre).</summary>
public readonly record struct ExportScope(int? HallId)
{
    public static ExportScope All => new(null);

    public static ExportScope ForHall(int hallId) => new(hallId);

    public IQueryable<Unit> Units(AppDbContext db) => HallId is { } hall ? db.Units.Where(u => u.HallId == hall) : db.Units;
}

/// <summary>A unit as the export page shows it: who is ready, who waits and why, and the exports so far.</summary>
public sealed record UnitExports(
    int UnitId,
    string UnitNumber,
    string UnitName,
    UnitType Type,
    string? HallName,
    int Ready,
    int ReadyWithRegistryPhoto,
    IReadOnlyList<HeldRow> Held,
    IReadOnlyList<ExportRow> History)
{
    public string NextFileName => DataExport.FileNameFor(UnitNumber, History.Count == 0 ? 1 : History.Max(h => h.Number) + 1);
}

public sealed record HeldRow(int PersonId, string Name, string MaskedIdNumber, string Batch, string Reason);

public sealed record ExportRow(int Id, int Number, string FileName, int Persons, int Photos, string CreatedBy, DateTimeOffset CreatedAt, string Sha256);

/// <summary>A download: not found (404), the file gone from the disk, or its content (dispose it).</summary>
public sealed record ExportDownload(DataExport? Export, Stream? Content);

/// <summary>
/// 分批报盘 (docs/DOMAIN.md §3, Dalian variant): a unit's persons of accepted batches who are not held by the hall and have
/// a photo source go out as one zip (<see cref="ExportPackageWriter"/>) named <c>&lt;unit&gt;out_&lt;n&gt;.zip</c>, and leave
/// the pending list. The zip is written to a temporary file first; the export row and the persons' marks are saved in
/// one transaction, which re-checks the running number (the unique index on unit and number guards the rest) and the
/// persons' concurrency tokens; the file moves into place before the commit and is removed if anything fails.
/// </summary>
public sealed class ExportService(
    AppDbContext db,
    IPhotoStore store,
    PersonValidation validation,
    AuditLog audit,
    TimeProvider clock,
    ExportSettings settings,
    IHostEnvironment environment,
    ILogger<ExportService> logger)
{
    /// <summary>Where export files are kept: <c>Exports:Directory</c>, relative to the content root.</summary>
    public string ExportDirectory => Path.GetFullPath(Path.Combine(environment.ContentRootPath, settings.Directory));

    /// <summary>The hall's name, or "全部单位" for the information centre.</summary>
    public async Task<string> ScopeNameAsync(ExportScope scope, CancellationToken ct = default) =>
        scope.HallId is { } hall ? await db.Halls.Where(h => h.Id == hall).Select(h => h.Name).SingleAsync(ct) : "全部单位";

    /// <summary>
    /// The units of the scope that have accepted batches or exports (or just <paramref name="unitId"/>);
    /// null when that unit is outside the scope.
    /// </summary>
    public async Task<IReadOnlyList<UnitExports>?> OverviewAsync(ExportScope scope, int? unitId, CancellationToken ct = default)
    {
        var query = scope.Units(db).AsNoTracking();
        query = unitId is { } id
            ? query.Where(u => u.Id == id)
            : query.Where(u => db.Batches.Any(b => b.UnitId == u.Id && b.Status == BatchStatus.Accepted) || db.Exports.Any(e => e.UnitId == u.Id));
        var units = await query.OrderBy(u => u.Number)
            .Select(u => new { u.Id, u.Number, u.Name, u.Type, HallName = u.Hall == null ? null : u.Hall.Name })
            .ToListAsync(ct);
        if (unitId is not null && units.Count == 0)
        {
            return null;
        }

        var unitIds = units.Select(u => u.Id).ToList();
        var pending = await PendingAsync(unitIds, track: false, ct);
        var history = await db.Exports.AsNoTracking()
            .Where(e => unitIds.Contains(e.UnitId))
            .OrderByDescending(e => e.Number)
            .Select(e => new { e.UnitId, Row = new ExportRow(e.Id, e.Number, e.FileName, e.PersonCount, e.PhotoCount, e.CreatedBy, e.CreatedAt, e.Sha256) })
            .ToListAsync(ct);

        return units.Select(u =>
        {
            var plan = pending.Plan(u.Id, u.Type);
            return new UnitExports(
                u.Id,
                u.Number,
                u.Name,
                u.Type,
                u.HallName,
                plan.Ready.Count,
                plan.Ready.Count(r => r.Export.PhotoSource == ExportPhotoSource.Registry),
                [.. plan.Held.Select(h => new HeldRow(h.Person.Id, h.Person.Name, h.Person.MaskedIdNumber, pending.BatchTitle(h.Person.BatchId), h.Reason))],
                [.. history.Where(h => h.UnitId == u.Id).Select(h => h.Row)]);
        }).ToList();
    }

    /// <summary>Exports the unit's ready persons as the unit's next numbered zip.</summary>
    public async Task<Result<DataExport>> ExportAsync(ExportScope scope, int unitId, string actor, CancellationToken ct = default)
    {
        var unit = await scope.Units(db).AsNoTracking().SingleOrDefaultAsync(u => u.Id == unitId, ct);
        if (unit is null)
        {
            return Result.NotFound();
        }

        var plan = (await PendingAsync([unit.Id], track: true, ct)).Plan(unit.Id, unit.Type);
        if (plan.Ready.Count == 0)
        {
            logger.LogInformation("Export of unit {UnitId} refused: nobody ready, {Held} held", unit.Id, plan.Held.Count);
            return Result<DataExport>.Fail(plan.Held.Count > 0
                ? $"{unit.Name}（{unit.Number}）目前没有可以报盘的人员：{plan.Held.Count} 人暂不能报盘，原因见下表。未生成报盘文件，也未占用报盘编号。"
                : $"{unit.Name}（{unit.Number}）目前没有待报盘的人员：已受理批次中的人员都已报盘。未生成报盘文件，也未占用报盘编号。");
        }

        var number = await LatestNumberAsync(unit.Id, ct) + 1;
        var at = clock.GetUtcNow();
        var header = new ExportHeader(unit.Number, unit.Name, number, at, GroupByClass: unit.Type == UnitType.School, validation.AddressMaxLength);
        var storedPath = $"unit-{unit.Id}/out_{number}.zip";
        var finalPath = Path.Combine(ExportDirectory, storedPath);
        var tempPath = Path.Combine(ExportDirectory, $"export-{Guid.NewGuid():N}.tmp");
        var moved = false;
        var committed = false;
        try
        {
            Directory.CreateDirectory(ExportDirectory);
            ExportManifest manifest;
            string sha256;
            await using (var file = new FileStream(tempPath, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None))
            {
                manifest = await ExportPackageWriter.WriteAsync(
                    file,
                    header,
                    [.. plan.Ready.Select(r => r.Export)],
                    (person, token) => store.OpenAsync(PhotoService.StoreKey(unit.Id), person.PhotoKey!, token),
                    ct);
                await file.FlushAsync(ct);
                file.Position = 0;
                sha256 = Convert.ToHexStringLower(await SHA256.HashDataAsync(file, ct));
            }

            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            if (await LatestNumberAsync(unit.Id, ct) + 1 != number)
            {
                return Result<DataExport>.Fail(Conflict(unit));
            }

            var export = new DataExport(unit.Id, unit.Number, number, actor, at);
            db.Exports.Add(export);
            await db.SaveChangesAsync(ct);
            foreach (var ready in plan.Ready)
            {
                ready.Person.MarkExported(export.Id, at);
            }

            export.Complete(manifest.PersonCount, manifest.PhotoCount, sha256, storedPath);
            audit.Record(actor, AuditActions.ExportData, "Export", export.Id, unit.Id, new
            {
                export.FileName,
                Persons = manifest.PersonCount,
                Photos = manifest.PhotoCount,
                RegistryPhotos = manifest.RegistryPhotoCount,
                Held = plan.Held.Count,
                Sha256 = sha256,
            });
            await db.SaveChangesAsync(ct);

            Directory.CreateDirectory(Path.GetDirectoryName(finalPath)!);
            File.Move(tempPath, finalPath, overwrite: true);
            moved = true;
            await transaction.CommitAsync(ct);
            committed = true;
            logger.LogInformation(
                "Export {FileName} of unit {UnitId}: {Persons} persons, {Photos} photo files, {RegistryPhotos} registry photos, {Held} held",
                export.FileName, unit.Id, manifest.PersonCount, manifest.PhotoCount, manifest.RegistryPhotoCount, plan.Held.Count);
            return Result<DataExport>.Ok(export);
        }
        catch (DbUpdateException e)
        {
            // A concurrent export took the number (unique index) or changed a person (concurrency token).
            logger.LogWarning(e, "Export {Number} of unit {UnitId} lost a race and was rolled back", number, unit.Id);
            return Result<DataExport>.Fail(Conflict(unit));
        }
        catch (ExportPhotoMissingException e)
        {
            logger.LogError("Export of unit {UnitId} stopped: a current portrait is missing from the photo store", unit.Id);
            return Result<DataExport>.Fail($"{e.PersonName} 的照片文件在照片库中找不到，本次未导出，也未占用报盘编号。请让单位重新上传此人的照片后再导出。");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            logger.LogError(e, "Export of unit {UnitId} could not write its file", unit.Id);
            return Result<DataExport>.Fail("写入报盘文件失败（服务器磁盘空间或权限问题），本次未导出，也未占用报盘编号。请联系系统管理员。");
        }
        finally
        {
            if (File.Exists(tempPath))
            {
                File.Delete(tempPath);
            }

            if (moved && !committed)
            {
                File.Delete(finalPath);
            }
        }
    }

    /// <summary>Opens a stored export of the scope for download and records the download in the audit log.</summary>
    public async Task<ExportDownload> OpenAsync(ExportScope scope, int exportId, string actor, CancellationToken ct = default)
    {
        var units = scope.Units(db);
        var export = await db.Exports.AsNoTracking()
            .Where(e => e.Id == exportId && units.Any(u => u.Id == e.UnitId))
            .SingleOrDefaultAsync(ct);
        if (export is null)
        {
            return new(null, null);
        }

        var root = ExportDirectory;
        var path = Path.GetFullPath(Path.Combine(root, export.StoredPath));
        if (!path.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal) || !File.Exists(path))
        {
            logger.LogError("Export {ExportId} ({FileName}) is missing from the export directory", export.Id, export.FileName);
            return new(export, null);
        }

        var content = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        audit.Record(actor, AuditActions.DownloadExport, "Export", export.Id, export.UnitId, new { export.FileName, export.Sha256 });
        await db.SaveChangesAsync(ct);
        return new(export, content);
    }

    private static string Conflict(Unit unit) =>
        $"{unit.Name}（{unit.Number}）刚刚有另一次报盘或人员变动，本次导出已取消，未占用报盘编号。请刷新页面查看后再试。";

    private async Task<int> LatestNumberAsync(int unitId, CancellationToken ct) =>
        await db.Exports.Where(e => e.UnitId == unitId).MaxAsync(e => (int?)e.Number, ct) ?? 0;

    /// <summary>
    /// The pending persons (not exported, in an accepted batch) of the units, in batch and entry order, with their
    /// current portrait's hash, whether the registry holds their photo, and the files ID numbers already went out in.
    /// </summary>
    private async Task<Pending> PendingAsync(IReadOnlyList<int> unitIds, bool track, CancellationToken ct)
    {
        var batches = await db.Batches.AsNoTracking()
            .Where(b => unitIds.Contains(b.UnitId) && b.Status == BatchStatus.Accepted)
            .Select(b => new { b.Id, b.Title })
            .ToDictionaryAsync(b => b.Id, b => b.Title, ct);
        var batchIds = batches.Keys.ToList();
        var persons = track ? db.Persons : db.Persons.AsNoTracking();
        var rows = await persons
            .Where(p => p.ExportId == null && batchIds.Contains(p.BatchId))
            .OrderBy(p => p.BatchId).ThenBy(p => p.Id)
            .Select(p => new
            {
                Person = p,
                Portrait = db.Photos.Where(f => f.PersonId == p.Id && f.IsCurrent && f.Kind == PhotoKind.Portrait)
                    .OrderByDescending(f => f.Id).Select(f => f.Hash).FirstOrDefault(),
                Registry = db.Comparisons.Any(c => c.PersonId == p.Id && c.PhotoResult == ItemResult.Match),
            })
            .ToListAsync(ct);
        var idNumbers = rows.Select(r => r.Person.IdNumber).Distinct().ToList();
        var exported = await db.Persons.AsNoTracking()
            .Where(p => unitIds.Contains(p.UnitId) && p.ExportId != null && idNumbers.Contains(p.IdNumber))
            .Join(db.Exports, p => p.ExportId, e => (int?)e.Id, (p, e) => new { p.UnitId, p.IdNumber, e.Number, e.FileName })
            .ToListAsync(ct);
        return new Pending(
            rows.Select(r => new ExportCandidate(r.Person, r.Portrait, r.Registry)).ToList(),
            exported.GroupBy(e => e.UnitId).ToDictionary(
                g => g.Key,
                g => (IReadOnlyDictionary<string, string>)g.GroupBy(e => e.IdNumber, StringComparer.Ordinal)
                    .ToDictionary(x => x.Key, x => x.OrderBy(e => e.Number).First().FileName, StringComparer.Ordinal)),
            batches);
    }

    private sealed record Pending(
        IReadOnlyList<ExportCandidate> Candidates,
        IReadOnlyDictionary<int, IReadOnlyDictionary<string, string>> ExportedBefore,
        IReadOnlyDictionary<int, string> Batches)
    {
        /// <summary>A photo is required unless the unit type is exempt (<see cref="UnitTypeRules.IsPhotoExempt"/>).</summary>
        public ExportPlan Plan(int unitId, UnitType type) => ExportPlanner.Plan(
            Candidates.Where(c => c.Person.UnitId == unitId),
            photoRequired: !type.IsPhotoExempt(),
            ExportedBefore.GetValueOrDefault(unitId));

        public string BatchTitle(int batchId) => Batches.GetValueOrDefault(batchId, "");
    }
}
