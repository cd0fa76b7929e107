using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using SocialCard.Core.Auditing;
using SocialCard.Core.Batches;
using SocialCard.Core.Common;
using SocialCard.Core.Documents;
using SocialCard.Core.Persons;
using SocialCard.Core.Photos;
using SocialCard.Core.Photos.Jpeg;
using SocialCard.Core.Photos.Storage;
using SocialCard.Core.Registry;
using SocialCard.Core.Review;
using SocialCard.Data;
using SocialCard.Web.Infrastructure;
using SocialCard.Web.Photos;

namespace SocialCard.Web.Documents;

/// <summary>A printed set of forms: the PDF, how many persons (one page each), how many photos came from the portal and from the registry.</summary>
public sealed record PrintedForms(MemoryStream Pdf, int Persons, int PortalPhotos, int RegistryPhotos);

public enum HallFormKind
{
    /// <summary>社会保障卡申领表</summary>
    Application,

    /// <summary>个人信息确认表</summary>
    Confirmation,
}

/// <summary>
/// The hall's printed forms for a declared or accepted batch (docs/DOMAIN.md §3 step 4, §7): 社会保障卡申领表 for persons
/// whose registry comparison matched, 个人信息确认表 for those who did not — or for a selection of the batch's persons.
/// Application forms carry the person's current portrait from the portal, else the registry photo, else an empty box.
/// Photos are loaded while the PDF is drawn, a few at a time, so a large batch's photos are not held twice.
/// </summary>
public sealed class HallForms(AppDbContext db, IPhotoStore store, IIdentityRegistry registry, IJpegCodec codec, AuditLog audit, ILogger<HallForms> logger)
{
    public static string TitleOf(HallFormKind kind) => kind == HallFormKind.Application ? "申领表" : "确认表";

    /// <summary>
    /// Prints forms of a declared or accepted batch for <paramref name="selection"/> (person ids of the batch), or when
    /// null for the persons the kind is meant for; audited. A registry outage while fetching photos prints nothing
    /// (<see cref="ResultKind.Unavailable"/>).
    /// </summary>
    public async Task<Result<PrintedForms>> PrintAsync(CollectionBatch batch, HallFormKind kind, IReadOnlyCollection<int>? selection, string actor, CancellationToken ct = default)
    {
        var title = TitleOf(kind);
        if (batch.CheckHallForms(title) is { Succeeded: false } refused)
        {
            return refused;
        }

        if (selection is { Count: 0 })
        {
            return Result<PrintedForms>.Fail($"请先勾选要打印{title}的人员。");
        }

        Result<PrintedForms> printed;
        try
        {
            printed = kind == HallFormKind.Application
                ? await ApplicationFormsAsync(batch, selection, ct)
                : await ConfirmationFormsAsync(batch, selection, ct);
        }
        catch (RegistryUnavailableException e)
        {
            logger.LogWarning("Forms of batch {BatchId} not printed: the registry failed ({Problem})", batch.Id, e.Message);
            return RegistryOutage.Refusal(e.Failure, $"无法取得部分人员的相片，{title}未打印。请稍后再试。");
        }

        if (printed.Value is { } forms)
        {
            await audit.RecordNowAsync(actor, kind == HallFormKind.Application ? AuditActions.PrintApplicationForms : AuditActions.PrintConfirmationForms, "Batch", batch.Id, batch.UnitId, new
            {
                forms.Persons,
                Selection = selection is not null,
                forms.PortalPhotos,
                forms.RegistryPhotos,
            }, ct);
        }

        return printed;
    }

    private const string NotInBatch = "所选人员不在本批次中，未打印。请在人员列表中勾选后再打印。";

    private static readonly ComparisonOutcome[] Matched = [ComparisonOutcome.Matched];
    private static readonly ComparisonOutcome[] NotMatched = [ComparisonOutcome.Mismatched, ComparisonOutcome.NotFound];

    /// <summary>
    /// 社会保障卡申领表: for <paramref name="selection"/> (person ids of the batch), or when null for every person whose
    /// comparison matched. Throws <see cref="RegistryUnavailableException"/> when a registry photo was needed and the
    /// registry failed (nothing is printed then).
    /// </summary>
    private async Task<Result<PrintedForms>> ApplicationFormsAsync(CollectionBatch batch, IReadOnlyCollection<int>? selection, CancellationToken ct)
    {
        var persons = await PersonsAsync(batch, selection, Matched, ct);
        if (persons.Count == 0)
        {
            return Result<PrintedForms>.Fail(selection is null
                ? "本批次还没有比对一致的人员，无法打印申领表。请先完成身份信息比对，或勾选要打印的人员。"
                : NotInBatch);
        }

        SummaryTables.EnsureFonts();
        var unit = await db.Units.AsNoTracking().Where(u => u.Id == batch.UnitId).Select(u => new { u.Name, u.Number, u.ContactPerson, u.Phone }).SingleAsync(ct);
        var portraits = await PortraitsOf(batch)
            .Select(p => new { p.PersonId, p.Hash })
            .ToDictionaryAsync(p => p.PersonId, p => p.Hash, ct);
        // Ask the registry only for persons it may hold a photo of: compared with a photo, or not compared yet.
        var withoutRegistryPhoto = await db.Comparisons.AsNoTracking()
            .Where(c => c.BatchId == batch.Id && c.PhotoResult != ItemResult.Match)
            .Select(c => c.PersonId)
            .ToHashSetAsync(ct);

        var counts = new PhotoCounts();
        var pdf = await WritePipelinedAsync(
            ApplicationFormsOf(persons, unit.Name, unit.Number, UnitContactText.Of(unit.ContactPerson, unit.Phone), portraits, withoutRegistryPhoto, counts, ct),
            ApplicationFormPdf.Write,
            ct);
        return Result<PrintedForms>.Ok(new PrintedForms(pdf, persons.Count, counts.Portal, counts.Registry));
    }

    /// <summary>个人信息确认表: for <paramref name="selection"/>, or when null for every mismatched or not-found person.</summary>
    private async Task<Result<PrintedForms>> ConfirmationFormsAsync(CollectionBatch batch, IReadOnlyCollection<int>? selection, CancellationToken ct)
    {
        var persons = await PersonsAsync(batch, selection, NotMatched, ct);
        if (persons.Count == 0)
        {
            return Result<PrintedForms>.Fail(selection is null
                ? "本批次没有比对不一致或库中无此人的人员，无需打印确认表。如需为某人打印，请勾选后再打印。"
                : NotInBatch);
        }

        SummaryTables.EnsureFonts();
        var unit = await db.Units.AsNoTracking().Where(u => u.Id == batch.UnitId).Select(u => new { u.Name, u.ContactPerson, u.Phone }).SingleAsync(ct);
        var contact = UnitContactText.Of(unit.ContactPerson, unit.Phone);
        var withPhoto = await PortraitsOf(batch)
            .Select(p => p.PersonId)
            .ToHashSetAsync(ct);
        var ids = persons.Select(p => p.Id).ToList();
        var answers = await db.Comparisons.AsNoTracking().Where(c => ids.Contains(c.PersonId)).ToDictionaryAsync(c => c.PersonId, ct);
        var forms = persons.Select(p => ConfirmationFormOf(p, unit.Name, withPhoto.Contains(p.Id), answers.GetValueOrDefault(p.Id), contact)).ToList();
        var pdf = new MemoryStream();
        ConfirmationFormPdf.Write(pdf, forms);
        pdf.Position = 0;
        return Result<PrintedForms>.Ok(new PrintedForms(pdf, persons.Count, 0, 0));
    }

    /// <summary>
    /// The six compared items as the portal holds them (those the registry <paramref name="comparison"/> confirmed
    /// come ticked), and both ID numbers when a 15-digit one exists.
    /// </summary>
    public static ConfirmationForm ConfirmationFormOf(InsuredPerson person, string unitName, bool hasPhoto, PersonComparison? comparison = null, string? unitContact = null)
    {
        ArgumentNullException.ThrowIfNull(person);
        var id15 = new[] { person.OriginalIdNumber?.Trim(), person.IdNumber }.FirstOrDefault(IsFifteenDigits);
        var id18 = person.IdNumber.Length == 18 ? person.IdNumber : id15 is null ? null : CitizenId.Parse(id15).Converted18;
        bool Matched(RegistryItem item) => comparison is not null && comparison[item] == ItemResult.Match;
        ConfirmationItem[] items =
        [
            new(PersonComparison.ItemName(RegistryItem.IdNumber), person.IdNumber, Matched(RegistryItem.IdNumber)),
            new(PersonComparison.ItemName(RegistryItem.Name), person.Name, Matched(RegistryItem.Name)),
            new(PersonComparison.ItemName(RegistryItem.Sex), person.Sex?.ToChinese(), Matched(RegistryItem.Sex)),
            new(PersonComparison.ItemName(RegistryItem.Ethnicity), EthnicityName(person.EthnicityCode), Matched(RegistryItem.Ethnicity)),
            new(PersonComparison.ItemName(RegistryItem.BirthDate), person.BirthDate?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), Matched(RegistryItem.BirthDate)),
            new(PersonComparison.ItemName(RegistryItem.Photo), hasPhoto ? "已采集" : Matched(RegistryItem.Photo) ? "使用身份信息库相片" : "未采集", Matched(RegistryItem.Photo)),
        ];
        return new ConfirmationForm(person.Name, unitName, items, id18, id15, unitContact);
    }

    private static bool IsFifteenDigits(string? id) => id is { Length: 15 } && id.All(char.IsAsciiDigit);

    private static string? EthnicityName(string? code) => Ethnicities.NameOf(code);

    /// <summary>The selected persons of the batch, or when no selection those whose comparison has one of the outcomes; in roster order.</summary>
    private Task<List<InsuredPerson>> PersonsAsync(CollectionBatch batch, IReadOnlyCollection<int>? selection, ComparisonOutcome[] outcomes, CancellationToken ct)
    {
        var persons = db.Persons.AsNoTracking().Where(p => p.BatchId == batch.Id);
        persons = selection is null
            ? persons.Where(p => db.Comparisons.Any(c => c.PersonId == p.Id && c.BatchId == batch.Id && outcomes.Contains(c.Outcome)))
            : persons.Where(p => selection.Contains(p.Id));
        return persons.OrderBy(p => p.SourceRow ?? int.MaxValue).ThenBy(p => p.Id).ToListAsync(ct);
    }

    /// <summary>The current portraits of the batch's persons.</summary>
    private IQueryable<PersonPhoto> PortraitsOf(CollectionBatch batch) => db.Photos.AsNoTracking()
        .Where(p => p.UnitId == batch.UnitId && p.IsCurrent && p.Kind == PhotoKind.Portrait && db.Persons.Any(x => x.Id == p.PersonId && x.BatchId == batch.Id));

    private async IAsyncEnumerable<ApplicationForm> ApplicationFormsOf(
        List<InsuredPerson> persons,
        string unitName,
        string unitNumber,
        string? unitContact,
        Dictionary<int, string> portraits,
        HashSet<int> withoutRegistryPhoto,
        PhotoCounts counts,
        [EnumeratorCancellation] CancellationToken ct)
    {
        foreach (var p in persons)
        {
            var photo = portraits.TryGetValue(p.Id, out var hash) ? await PortalPhotoAsync(p, hash, ct) : null;
            if (photo is not null)
            {
                counts.Portal++;
            }
            else if (!withoutRegistryPhoto.Contains(p.Id) && await registry.GetPhotoAsync(p.IdNumber, ct) is { } fromRegistry)
            {
                photo = Embeddable(fromRegistry, p.Id);
                counts.Registry += photo is null ? 0 : 1;
            }

            yield return new ApplicationForm(
                p.Name, p.IdNumber, p.Sex, p.BirthDate, EthnicityName(p.EthnicityCode), p.Phone, p.Postcode, p.Address,
                unitName, unitNumber, p.PersonalNumber, p.Category, photo, unitContact);
        }
    }

    private async Task<byte[]?> PortalPhotoAsync(InsuredPerson person, string hash, CancellationToken ct)
    {
        await using var stream = await store.OpenAsync(PhotoService.StoreKey(person.UnitId), hash, ct);
        if (stream is null)
        {
            logger.LogWarning("The current photo {Hash} of person {PersonId} is missing from the photo store", hash[..12], person.Id);
            return null;
        }

        byte[] jpeg;
        if (stream.CanSeek)
        {
            jpeg = new byte[stream.Length];
            await stream.ReadExactlyAsync(jpeg, ct);
        }
        else
        {
            using var buffer = new MemoryStream();
            await stream.CopyToAsync(buffer, ct);
            jpeg = buffer.ToArray();
        }

        return Embeddable(jpeg, person.Id);
    }

    /// <summary>
    /// PDFsharp embeds a JPEG only when it starts with a JFIF APP0 or Exif APP1 segment; anything else that decodes
    /// is re-encoded (350 dpi, high quality). Null (an empty photo box) when it does not decode.
    /// </summary>
    private byte[]? Embeddable(byte[] jpeg, int personId)
    {
        if (StartsWith(jpeg, 0xE0, "JFIF\0"u8) || StartsWith(jpeg, 0xE1, "Exif\0"u8))
        {
            return jpeg;
        }

        try
        {
            using var image = codec.Decode(jpeg);
            return codec.Encode(image.Pixels, image.Width, image.Height, JpegPixelFormat.Rgb, 92, dpi: 350);
        }
        catch (JpegDataException e)
        {
            logger.LogWarning("The photo of person {PersonId} cannot be printed ({Problem}); its form gets an empty photo box", personId, e.Message);
            return null;
        }
    }

    private static bool StartsWith(byte[] jpeg, byte app, ReadOnlySpan<byte> identifier) =>
        jpeg.Length > 6 + identifier.Length && jpeg[0] == 0xFF && jpeg[1] == 0xD8 && jpeg[2] == 0xFF && jpeg[3] == app
        && jpeg.AsSpan(6, identifier.Length).SequenceEqual(identifier);

    /// <summary>
    /// Draws the PDF on a pool thread while this one loads the next forms (a few ahead), so each form's photo is
    /// dropped once drawn. A loading failure ends the drawing; a drawing failure stops the loading; either is rethrown.
    /// </summary>
    private static async Task<MemoryStream> WritePipelinedAsync<T>(IAsyncEnumerable<T> forms, Action<Stream, IEnumerable<T>> write, CancellationToken ct)
    {
        var channel = Channel.CreateBounded<T>(new BoundedChannelOptions(8) { SingleReader = true, SingleWriter = true });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var output = new MemoryStream();
        var drawing = Task.Run(() => write(output, Drain(channel.Reader)), CancellationToken.None);
        _ = drawing.ContinueWith(_ => stop.Cancel(), CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
        try
        {
            await foreach (var form in forms.WithCancellation(stop.Token))
            {
                await channel.Writer.WriteAsync(form, stop.Token);
            }

            channel.Writer.Complete();
        }
        catch (Exception) when (drawing.IsFaulted)
        {
            // The drawing failed first and stopped the loading: its error is the one to report.
            await drawing;
        }
        catch (Exception e)
        {
            // End the drawing (it sees the same error through the channel) before reporting the loading's error.
            channel.Writer.TryComplete(e);
            await Task.WhenAny(drawing);
            _ = drawing.Exception;
            throw;
        }

        await drawing;
        output.Position = 0;
        return output;
    }

    private static IEnumerable<T> Drain<T>(ChannelReader<T> reader)
    {
        while (reader.WaitToReadAsync().AsTask().GetAwaiter().GetResult())
        {
            while (reader.TryRead(out var item))
            {
                yield return item;
            }
        }
    }

    private sealed class PhotoCounts
    {
        public int Portal { get; set; }

        public int Registry { get; set; }
    }
}
