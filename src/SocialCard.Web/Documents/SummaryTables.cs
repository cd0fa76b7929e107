using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SocialCard.Core.Auditing;
using SocialCard.Core.Batches;
using SocialCard.Core.Common;
using SocialCard.Core.Documents;
using SocialCard.Core.Documents.Fonts;
using SocialCard.Core.Persons;
using SocialCard.Data;
using SocialCard.Web.Infrastructure;

namespace SocialCard.Web.Documents;

/// <summary>
/// The sealed summary table (社保卡信息采集汇总表) of a declared batch, as a PDF. Its digest covers every
/// person's data and current photo, so the hall can tell whether the paper matches the batch.
/// </summary>
public sealed class SummaryTables(AppDbContext db, AuditLog audit, TimeProvider clock)
{
    private static readonly Lock FontLock = new();
    private static bool _fontsConfigured;

    /// <summary>
    /// The summary table of a declared or accepted batch, as printed now: audited, and its digest kept on the batch for
    /// the hall's lookup (not a change of the batch: its version stays).
    /// </summary>
    public async Task<Result<PrintedSummary>> PrintAsync(CollectionBatch batch, string actor, CancellationToken ct = default)
    {
        if (batch.Status is not (BatchStatus.Declared or BatchStatus.Accepted))
        {
            return Result<PrintedSummary>.Fail("申报后才能打印汇总表：请先申报此批次。");
        }

        var (pdf, digest) = await WriteAsync(batch, ct);
        await audit.RecordNowAsync(actor, AuditActions.PrintSummaryTable, "Batch", batch.Id, batch.UnitId, new { Digest = digest }, ct);
        var printedAt = clock.GetUtcNow();
        await db.Batches.Where(b => b.Id == batch.Id)
            .ExecuteUpdateAsync(u => u.SetProperty(b => b.SummaryDigest, digest).SetProperty(b => b.SummaryPrintedAt, printedAt), ct);
        return Result<PrintedSummary>.Ok(new PrintedSummary(pdf, digest));
    }

    /// <summary>
    /// The hall's check of a printed summary table: whether <paramref name="digest"/> is the batch's current one
    /// (audited; the answer gives the current digest when they differ).
    /// </summary>
    public async Task<(bool Matches, string Current)> VerifyAsync(CollectionBatch batch, string digest, string actor, CancellationToken ct = default)
    {
        var current = await ComputeDigestAsync(batch, ct);
        var matches = string.Equals(current, digest, StringComparison.Ordinal);
        await audit.RecordNowAsync(actor, AuditActions.LookupDigest, "Batch", batch.Id, batch.UnitId, new { Digest = digest, Matches = matches }, ct);
        return (matches, current);
    }

    public async Task<(byte[] Pdf, string Digest)> WriteAsync(CollectionBatch batch, CancellationToken ct = default)
    {
        EnsureFonts();
        var unit = await db.Units.AsNoTracking().SingleAsync(u => u.Id == batch.UnitId, ct);
        var (persons, digest) = await LoadAsync(batch, ct);
        var categories = persons.Select(p => p.Category).OfType<string>().Distinct().ToList();
        var table = new SummaryTable(
            unit.Name,
            unit.Number,
            batch.Title,
            categories.Count == 0 ? "—" : string.Join("、", categories),
            digest,
            $"SOCIALCARD|{unit.Number}|{batch.Id}|{digest}",
            persons.Select(p => new SummaryRow(p.Name, p.IdNumber, p.Sex, p.BirthDate, EthnicityName(p.EthnicityCode), p.Phone, p.Address)).ToList(),
            ChinaTime.Today(clock),
            unit.ContactPerson,
            unit.Phone);
        using var output = new MemoryStream();
        SummaryTablePdf.Write(output, table);
        return (output.ToArray(), digest);
    }

    /// <summary>The batch's current digest, as a summary table printed now would carry it.</summary>
    public async Task<string> ComputeDigestAsync(CollectionBatch batch, CancellationToken ct = default) => (await LoadAsync(batch, ct)).Digest;

    private async Task<(List<InsuredPerson> Persons, string Digest)> LoadAsync(CollectionBatch batch, CancellationToken ct)
    {
        var persons = await db.Persons.AsNoTracking().Where(p => p.BatchId == batch.Id).OrderBy(p => p.SourceRow ?? int.MaxValue).ThenBy(p => p.Id).ToListAsync(ct);
        var photos = await db.Photos.AsNoTracking().Where(p => p.UnitId == batch.UnitId && p.IsCurrent && p.Kind == Core.Photos.PhotoKind.Portrait)
            .Select(p => new { p.PersonId, p.Hash }).ToDictionaryAsync(p => p.PersonId, p => p.Hash, ct);
        var digest = BatchDigest.Compute(persons.Select(p => new BatchDigestEntry(
            p.IdNumber, p.Name, p.Sex?.ToString(), p.BirthDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), p.EthnicityCode, p.Phone, p.Address,
            photos.GetValueOrDefault(p.Id))));
        return (persons, digest);
    }

    private static string? EthnicityName(string? code) => Ethnicities.NameOf(code);

    /// <summary>PDFsharp's font resolver is process-wide: set it once (Debian font paths; a missing font names its package).</summary>
    internal static void EnsureFonts()
    {
        lock (FontLock)
        {
            if (!_fontsConfigured)
            {
                DocumentFonts.Configure(new DocumentFontOptions());
                _fontsConfigured = true;
            }
        }
    }
}

/// <summary>A printed summary table: the PDF and the digest it carries.</summary>
public sealed record PrintedSummary(byte[] Pdf, string Digest);
