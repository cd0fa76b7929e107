using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SocialCard.Core.Batches;
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
public sealed class SummaryTables(AppDbContext db, TimeProvider clock)
{
    private static readonly Lock FontLock = new();
    private static bool _fontsConfigured;

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
