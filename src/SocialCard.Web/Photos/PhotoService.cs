using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SocialCard.Core.Batches;
using SocialCard.Core.Persons;
using SocialCard.Core.Photos;
using SocialCard.Core.Photos.Jpeg;
using SocialCard.Core.Photos.Storage;
using SocialCard.Core.Photos.Uploads;
using SocialCard.Core.Validation;
using SocialCard.Data;
using SocialCard.Web.Infrastructure;

namespace SocialCard.Web.Photos;

/// <summary>The report of a bulk upload: each file's fate, and who still has no photo.</summary>
public sealed record PhotoReport(List<PhotoReportFile> Files, List<string> StillMissing, string? Refusal)
{
    public int Matched => Files.Count(f => f.PersonId is not null && f.Problem is null);
}

public sealed record PhotoReportFile(string Name, int? PersonId, string? PersonName, string Kind, string? Problem, List<Finding> Findings);

/// <summary>
/// Checks, stores and attaches photos: one to one person, or a bulk upload matched by file name. A
/// portrait's findings become the person's photo findings (so errors block the declaration); ID card
/// scans are only checked to be readable JPEGs. Files are stored by content hash in the photo store.
/// </summary>
public sealed class PhotoService(AppDbContext db, IPhotoStore store, PhotoInspector inspector, IJpegCodec codec, AuditLog audit, TimeProvider clock, ILogger<PhotoService> logger)
{
    public static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string StoreKey(int unitId) => $"unit-{unitId}";

    /// <summary>Needs the person tracked; saves.</summary>
    /// <summary>Null with the findings when the file is not a readable JPEG (nothing stored).</summary>
    public async Task<(PersonPhoto? Photo, IReadOnlyList<Finding> Findings)> AttachAsync(InsuredPerson person, PhotoKind kind, string fileName, byte[] content, string actor, CancellationToken ct = default, int? derivedFrom = null)
    {
        var (photo, findings) = await StageAsync(person, kind, fileName, content, actor, ct);
        if (photo is null)
        {
            return (null, findings);
        }

        if (derivedFrom is { } original)
        {
            photo.MarkDerivedFrom(original);
        }

        await db.SaveChangesAsync(ct);
        return (photo, findings);
    }

    public async Task<(PhotoUpload Upload, PhotoReport Report)> ImportAsync(CollectionBatch batch, string uploadName, IReadOnlyList<PhotoUploadFile> files, string actor, CancellationToken ct = default)
    {
        var persons = await db.Persons.Where(p => p.BatchId == batch.Id).ToListAsync(ct);
        // File names give 18-digit numbers (a 15-digit name is converted), so a person still held with a
        // legacy 15-digit number is found by its 18-digit form too.
        var byId = persons.Where(p => p.IdNumber.Length > 0)
            .SelectMany(p => new[] { (Key: p.IdNumber, Person: p), (Key: CitizenId.Parse(p.IdNumber).Converted18 ?? "", Person: p) })
            .Where(x => x.Key.Length > 0)
            .GroupBy(x => x.Key)
            .ToDictionary(g => g.Key, g => g.First().Person, StringComparer.Ordinal);
        var report = new PhotoReport([], [], null);
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

            var (photo, findings) = await StageAsync(person, parsed.Kind, file.Name, file.Content, actor, ct);
            report.Files.Add(photo is null
                ? new(file.Name, null, person.Name, parsed.Kind.ToString(), "文件不是可读的 JPEG 照片，未保存。", [.. findings])
                : new(file.Name, person.Id, person.Name, parsed.Kind.ToString(), null, [.. findings]));
        }

        var withPortrait = await db.Photos.Where(p => p.UnitId == batch.UnitId && p.Kind == PhotoKind.Portrait && p.IsCurrent)
            .Select(p => p.PersonId).ToListAsync(ct);
        var covered = withPortrait.Concat(report.Files.Where(f => f.Kind == nameof(PhotoKind.Portrait) && f.PersonId is not null).Select(f => f.PersonId!.Value)).ToHashSet();
        // Kindergarten children need no photo (DOMAIN.md §3, Wuzhou); everyone else without one is PHOTO_MISSING.
        var unitType = await db.Units.Where(u => u.Id == batch.UnitId).Select(u => u.Type).SingleAsync(ct);
        if (unitType != Core.Units.UnitType.Kindergarten)
        {
            report.StillMissing.AddRange(persons.Where(p => !covered.Contains(p.Id)).OrderBy(p => p.SourceRow).ThenBy(p => p.Id).Select(p => p.Name));
        }

        var upload = new PhotoUpload(batch.Id, batch.UnitId, uploadName, actor, clock.GetUtcNow(), JsonSerializer.Serialize(report, Json));
        db.PhotoUploads.Add(upload);
        audit.Record(actor, "UploadPhotos", "Batch", batch.Id, batch.UnitId, new { File = uploadName, Files = files.Count, report.Matched, Missing = report.StillMissing.Count });
        await db.SaveChangesAsync(ct);
        logger.LogInformation("Photo upload {File} into batch {BatchId}: {Files} files, {Matched} matched", uploadName, batch.Id, files.Count, report.Matched);
        return (upload, report);
    }

    /// <summary>The measurements stored with a photo, for the review overlay.</summary>
    public static IReadOnlyList<Measurement> MeasurementsOf(PersonPhoto photo) =>
        JsonSerializer.Deserialize<List<Measurement>>(photo.InspectionJson, Json) ?? [];

    /// <summary>
    /// Inspects and, if the file is a readable JPEG, stores it as the person's current photo of that kind.
    /// An unreadable file (not a JPEG, truncated, absurd dimensions) is reported and never stored.
    /// </summary>
    private async Task<(PersonPhoto? Photo, IReadOnlyList<Finding> Findings)> StageAsync(InsuredPerson person, PhotoKind kind, string fileName, byte[] content, string actor, CancellationToken ct)
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
            logger.LogInformation("Unreadable photo file refused for person {PersonId}", person.Id);
            return (null, findings);
        }

        var hash = await store.SaveAsync(StoreKey(person.UnitId), content, ct);
        var previous = await db.Photos.Where(p => p.PersonId == person.Id && p.Kind == kind && p.IsCurrent).ToListAsync(ct);
        previous.ForEach(p => p.Supersede());
        var photo = new PersonPhoto(person.Id, person.UnitId, kind, Path.GetFileName(fileName), hash, content.Length, JsonSerializer.Serialize(measurements, Json), findings, actor, clock.GetUtcNow());
        db.Photos.Add(photo);
        if (kind == PhotoKind.Portrait)
        {
            person.SetPhotoFindings(findings, clock.GetUtcNow());
        }

        audit.Record(actor, "UploadPhoto", "Person", person.Id, person.UnitId, new { Kind = kind.ToString(), File = Path.GetFileName(fileName), Hash = hash[..12], Codes = findings.Select(f => f.Code) });
        return (photo, findings);
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
