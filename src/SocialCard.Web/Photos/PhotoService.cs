using Microsoft.EntityFrameworkCore;
using SocialCard.Core.Auditing;
using SocialCard.Core.Batches;
using SocialCard.Core.Common;
using SocialCard.Core.Persons;
using SocialCard.Core.Photos;
using SocialCard.Core.Photos.Jpeg;
using SocialCard.Core.Photos.Storage;
using SocialCard.Core.Photos.Uploads;
using SocialCard.Core.Units;
using SocialCard.Core.Validation;
using SocialCard.Data;
using SocialCard.Web.Batches;
using SocialCard.Web.Infrastructure;

namespace SocialCard.Web.Photos;

/// <summary>A stored bulk upload and its report.</summary>
public sealed record PhotosImported(PhotoUpload Upload, PhotoReport Report);

/// <summary>
/// Checks, stores and attaches photos: one to one person, or a bulk upload matched by file name. A
/// portrait's findings become the person's photo findings (so errors block the declaration); ID card
/// scans are only checked to be readable JPEGs. Files are stored by content hash in the photo store.
/// </summary>
public sealed class PhotoService(AppDbContext db, BatchWrites writes, IPhotoStore store, PhotoInspector inspector, IJpegCodec codec, PhotoSettings settings, AuditLog audit, TimeProvider clock, ILogger<PhotoService> logger)
{
    public static string StoreKey(int unitId) => $"unit-{unitId}";

    /// <summary>Where the adjusted photos (自动调整) of one person wait for the clerk's 采用; removed with the person.</summary>
    public static string CandidateKey(int unitId, int personId) => $"unit-{unitId}-person-{personId}-adjusted";

    /// <summary>
    /// Checks one file and, if it is a readable JPEG, makes it the person's current photo of that kind, under the
    /// batch's lock: the unit's while the batch is editable, the hall's (<paramref name="byHall"/>, an on-site photo)
    /// while it is declared or accepted. A file that is not a readable JPEG is refused with its findings (nothing
    /// stored), as is a photo for a batch or person that moved on. The stored photo carries its own findings.
    /// </summary>
    public async Task<Result<PersonPhoto>> AttachAsync(InsuredPerson person, PhotoKind kind, string fileName, byte[] content, string actor, CancellationToken ct = default, int? derivedFrom = null, bool byHall = false)
    {
        if (content.Length > settings.ArchiveLimits.MaxFileBytes)
        {
            return Result<PersonPhoto>.Fail($"照片文件过大（{content.Length / 1024} KB），单张照片不能超过 {settings.ArchiveLimits.MaxFileBytes / 1024 / 1024} MB，未保存。");
        }

        var inspected = await InspectAndStoreAsync(person.UnitId, kind, content, ct);
        if (inspected.Hash is null)
        {
            logger.LogInformation("Unreadable photo file refused for person {PersonId}", person.Id);
            return Result<PersonPhoto>.Fail("文件不是可读的 JPEG 照片，未保存：" + string.Join(" ", inspected.Findings.Select(f => f.Message)), inspected.Findings);
        }

        return await writes.RunAsync(person.BatchId, async batch =>
        {
            var allowed = byHall
                ? batch.Status is BatchStatus.Declared or BatchStatus.Accepted ? Result.Ok() : Result.Fail($"批次当前状态为“{batch.Status.ToChinese()}”，采集点不能为其中人员添加照片。")
                : batch.CheckEditable();
            if (!allowed.Succeeded)
            {
                return allowed.As<PersonPhoto>();
            }

            var current = await db.Persons.SingleOrDefaultAsync(p => p.Id == person.Id && p.BatchId == batch.Id, ct);
            if (current is null)
            {
                return Result.NotFound("该人员已不在此批次中（可能刚被删除）。").As<PersonPhoto>();
            }

            var previous = await db.Photos.Where(p => p.PersonId == current.Id && p.Kind == kind && p.IsCurrent).ToListAsync(ct);
            var photo = Attach(current, kind, fileName, content.Length, inspected, previous, actor);
            if (derivedFrom is { } original)
            {
                photo.MarkDerivedFrom(original);
            }

            writes.Touch(batch);
            await db.SaveChangesAsync(ct);
            return Result<PersonPhoto>.Ok(photo);
        }, ct);
    }

    /// <summary>
    /// A bulk upload as the clerk sends it: loose .jpg files and .zip archives (unpacked here, read in place from the
    /// form's temporary file). Every file, loose or in an archive, gets the same per-file limit; the whole request has
    /// the deployment's total limit. A refused request stores nothing.
    /// </summary>
    public async Task<Result<PhotosImported>> ImportUploadAsync(CollectionBatch batch, IReadOnlyList<IFormFile> uploads, string actor, CancellationToken ct = default)
    {
        if (batch.CheckEditable() is { Succeeded: false } refused)
        {
            return refused;
        }

        if (uploads.Count == 0)
        {
            return Result<PhotosImported>.Fail("请选择要上传的照片或压缩包。");
        }

        if (uploads.Sum(f => f.Length) > settings.MaxUploadMegabytes * 1024L * 1024)
        {
            return Result<PhotosImported>.Fail($"一次上传不能超过 {settings.MaxUploadMegabytes} MB，请分几次上传。照片一张也没有保存。");
        }

        var limits = settings.ArchiveLimits;
        var files = new List<PhotoUploadFile>();
        foreach (var upload in uploads)
        {
            var name = Path.GetFileName(upload.FileName);
            if (Path.GetExtension(name).Equals(".zip", StringComparison.OrdinalIgnoreCase))
            {
                await using var zip = FormFiles.OpenSeekable(upload);
                var entries = PhotoArchive.ReadZip(zip, limits);
                if (entries.Value is not { } unpacked)
                {
                    return Result<PhotosImported>.Fail($"{name}：{entries.Error} 照片一张也没有保存。");
                }

                files.AddRange(unpacked);
            }
            else if (upload.Length > limits.MaxFileBytes)
            {
                files.Add(new PhotoUploadFile(name, null, PhotoArchive.TooLarge(upload.Length, limits)));
            }
            else
            {
                files.Add(new PhotoUploadFile(name, await FormFiles.ReadAllBytesAsync(upload, ct), null));
            }
        }

        var uploadName = uploads.Count == 1 ? Path.GetFileName(uploads[0].FileName) : $"{uploads.Count} 个文件";
        var imported = await ImportAsync(batch, uploadName, files, actor, ct);
        return imported.Succeeded ? imported : Result<PhotosImported>.Fail($"{imported.Error} 照片一张也没有保存。");
    }

    /// <summary>
    /// A bulk upload, matched by file name. The files are checked and stored first, outside the batch's lock (the
    /// slow part); the matching and attaching then run under the lock on the batch as it is then, so a declaration
    /// racing the upload either comes first (and the upload is refused) or sees the photos' findings.
    /// </summary>
    public async Task<Result<PhotosImported>> ImportAsync(CollectionBatch batch, string uploadName, IReadOnlyList<PhotoUploadFile> files, string actor, CancellationToken ct = default)
    {
        var ids = await db.Persons.AsNoTracking().Where(p => p.BatchId == batch.Id).Select(p => p.IdNumber).ToListAsync(ct);
        var known = IndexById(ids, id => id);
        var inspected = new Dictionary<PhotoUploadFile, Inspected>(ReferenceEqualityComparer.Instance);
        foreach (var file in files)
        {
            if (file.Problem is null && file.Content is not null && PhotoFileName.Parse(file.Name) is { } parsed && known.ContainsKey(parsed.IdNumber))
            {
                inspected[file] = await InspectAndStoreAsync(batch.UnitId, parsed.Kind, file.Content, ct);
            }
        }

        return await writes.RunAsync(batch.Id, async locked =>
        {
            var editable = locked.CheckEditable();
            if (!editable.Succeeded)
            {
                return editable.As<PhotosImported>();
            }

            var persons = await db.Persons.Where(p => p.BatchId == locked.Id).ToListAsync(ct);
            var byId = IndexById(persons, p => p.IdNumber);
            var currentPhotos = (await db.Photos.Where(ph => ph.IsCurrent && db.Persons.Any(p => p.Id == ph.PersonId && p.BatchId == locked.Id)).ToListAsync(ct))
                .ToLookup(ph => (ph.PersonId, ph.Kind));
            var replaced = new Dictionary<(int, PhotoKind), List<PersonPhoto>>();
            var report = new PhotoReport([], []);
            foreach (var file in files)
            {
                if (file.Problem is not null || file.Content is null)
                {
                    report.Files.Add(new(file.Name, null, null, "", file.Problem ?? "文件无法读取。", []));
                    continue;
                }

                var parsed = PhotoFileName.Parse(file.Name);
                if (parsed is null || !byId.TryGetValue(parsed.IdNumber, out var person))
                {
                    var message = parsed is null
                        ? $"文件名“{file.Name}”不符合命名规则（身份证号码.jpg、身份证号码-姓名.jpg 等），无法对应到人员。"
                        : $"文件“{file.Name}”中的身份证号码不在本批次中，未保存。请核对文件名或先录入此人。";
                    report.Files.Add(new(file.Name, null, null, "", null, [new Finding(RuleCodes.PhotoUnmatchedFile, Severity.Warning, InsuredPerson.PhotoField, message)]));
                    continue;
                }

                // A person who joined the batch while the files were being checked: checked now.
                if (!inspected.TryGetValue(file, out var check))
                {
                    check = await InspectAndStoreAsync(locked.UnitId, parsed.Kind, file.Content, ct);
                }

                if (check.Hash is null)
                {
                    report.Files.Add(new(file.Name, null, person.Name, parsed.Kind.ToString(), "文件不是可读的 JPEG 照片，未保存。", [.. check.Findings]));
                    continue;
                }

                var key = (person.Id, parsed.Kind);
                if (!replaced.TryGetValue(key, out var previous))
                {
                    replaced[key] = previous = [.. currentPhotos[key]];
                }

                var photo = Attach(person, parsed.Kind, file.Name, file.Content.Length, check, previous, actor);
                previous.Clear();
                previous.Add(photo);
                report.Files.Add(new(file.Name, person.Id, person.Name, parsed.Kind.ToString(), null, [.. check.Findings]));
            }

            var covered = currentPhotos.Where(g => g.Key.Kind == PhotoKind.Portrait).Select(g => g.Key.PersonId)
                .Concat(report.Files.Where(f => f.Kind == nameof(PhotoKind.Portrait) && f.PersonId is not null).Select(f => f.PersonId!.Value))
                .ToHashSet();
            // Everyone without a portrait is still missing one, except where the unit type is exempt.
            var unitType = await db.Units.Where(u => u.Id == locked.UnitId).Select(u => u.Type).SingleAsync(ct);
            if (!unitType.IsPhotoExempt())
            {
                report.StillMissing.AddRange(persons.Where(p => !covered.Contains(p.Id)).OrderBy(p => p.SourceRow).ThenBy(p => p.Id).Select(p => p.Name));
            }

            var upload = new PhotoUpload(locked.Id, locked.UnitId, uploadName, actor, clock.GetUtcNow(), report);
            db.PhotoUploads.Add(upload);
            audit.Record(actor, AuditActions.UploadPhotos, "Batch", locked.Id, locked.UnitId, new { File = uploadName, Files = files.Count, report.Matched, Missing = report.StillMissing.Count });
            if (report.Matched > 0)
            {
                writes.Touch(locked);
            }

            await db.SaveChangesAsync(ct);
            logger.LogInformation("Photo upload {File} into batch {BatchId}: {Files} files, {Matched} matched", uploadName, locked.Id, files.Count, report.Matched);
            return Result<PhotosImported>.Ok(new PhotosImported(upload, report));
        }, ct);
    }

    /// <summary>
    /// File names give 18-digit numbers (a 15-digit name is converted), so a person still held with a legacy 15-digit
    /// number is found by its 18-digit form too.
    /// </summary>
    private static Dictionary<string, T> IndexById<T>(IEnumerable<T> persons, Func<T, string> idOf) => persons
        .Where(p => idOf(p).Length > 0)
        .SelectMany(p => new[] { (Key: idOf(p), Person: p), (Key: CitizenId.Parse(idOf(p)).Converted18 ?? "", Person: p) })
        .Where(x => x.Key.Length > 0)
        .GroupBy(x => x.Key)
        .ToDictionary(g => g.Key, g => g.First().Person, StringComparer.Ordinal);

    /// <summary>The findings and measurements of one file, and its hash in the store (null: not a readable JPEG, not stored).</summary>
    private sealed record Inspected(IReadOnlyList<Finding> Findings, IReadOnlyList<Measurement> Measurements, string? Hash);

    /// <summary>Inspects a file and, if it is a readable JPEG, stores it (content-addressed: storing twice is harmless).</summary>
    private async Task<Inspected> InspectAndStoreAsync(int unitId, PhotoKind kind, byte[] content, CancellationToken ct)
    {
        IReadOnlyList<Finding> findings;
        IReadOnlyList<Measurement> measurements;
        if (kind == PhotoKind.Portrait)
        {
            var inspection = inspector.Inspect(content);
            findings = inspection.Findings;
            measurements = inspection.Measurements;
        }
        else
        {
            findings = IsReadableJpeg(content) ? [] : [new Finding(RuleCodes.PhotoUnreadable, Severity.Error, InsuredPerson.PhotoField, "身份证扫描件不是可读的 JPEG 文件，请重新扫描后上传。")];
            measurements = [];
        }

        if (findings.Any(f => f.Code == RuleCodes.PhotoUnreadable))
        {
            return new Inspected(findings, measurements, null);
        }

        return new Inspected(findings, measurements, await store.SaveAsync(StoreKey(unitId), content, ct));
    }

    /// <summary>Makes a checked, stored file the person's current photo of its kind (the caller holds the batch's lock and saves).</summary>
    private PersonPhoto Attach(InsuredPerson person, PhotoKind kind, string fileName, int length, Inspected inspected, IEnumerable<PersonPhoto> previous, string actor)
    {
        foreach (var old in previous)
        {
            old.Supersede();
        }

        var photo = new PersonPhoto(person.Id, person.UnitId, kind, Path.GetFileName(fileName), inspected.Hash!, length, inspected.Measurements, inspected.Findings, actor, clock.GetUtcNow());
        db.Photos.Add(photo);
        if (kind == PhotoKind.Portrait)
        {
            person.SetPhotoFindings(inspected.Findings, clock.GetUtcNow());
        }

        audit.Record(actor, AuditActions.UploadPhoto, "Person", person.Id, person.UnitId, new { Kind = kind.ToString(), File = Path.GetFileName(fileName), Hash = inspected.Hash![..12], Codes = inspected.Findings.Select(f => f.Code) });
        return photo;
    }

    private bool IsReadableJpeg(byte[] content)
    {
        try
        {
            codec.ReadHeader(content);
            return true;
        }
        catch (Exception ex) when (ex is JpegDataException or JpegTooLargeException)
        {
            return false;
        }
    }
}
