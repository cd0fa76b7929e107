using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using SocialCard.Core.Batches;
using SocialCard.Core.Common;
using SocialCard.Core.Persons;
using SocialCard.Core.Photos;
using SocialCard.Core.Photos.Storage;
using SocialCard.Core.Registry;
using SocialCard.Core.Review;
using SocialCard.Data;
using SocialCard.Web.Batches;
using SocialCard.Web.Infrastructure;
using SocialCard.Web.Photos;
using SocialCard.Web.Review;

namespace SocialCard.Web.Areas.Hall.Pages.Batches;

/// <summary>
/// The hall's review of one declared batch: every person with findings, photo, registry comparison and same-name
/// group; marks for on-site photo or correction; accept (受理) or return (退回) with a reason.
/// </summary>
public sealed class DetailsModel(
    AppDbContext db,
    BatchActions actions,
    HallMarks marks,
    RegistryComparisons comparisons,
    IPhotoStore store) : PageModel
{
    public const int PageSize = 200;

    public static readonly IReadOnlyList<(string Key, string Label)> Filters =
    [
        ("all", "全部"),
        ("mismatched", "不一致"),
        ("notfound", "库中无此人"),
        ("matched", "一致"),
        ("pending", "未比对"),
        ("marked", "已标记"),
        ("samename", "同名"),
        ("errors", "有错误或提醒"),
    ];

    public CollectionBatch Batch { get; private set; } = null!;

    public string UnitName { get; private set; } = "";

    public string UnitNumber { get; private set; } = "";

    public BatchCounts Counts { get; private set; } = new(0, 0, 0, 0, 0, 0, 0);

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public IReadOnlyList<SameNameGroup> SameNames { get; private set; } = [];

    public string Show { get; private set; } = "all";

    public int PageNumber { get; private set; } = 1;

    public int FilteredCount { get; private set; }

    public int PageCount => Math.Max(1, (FilteredCount + PageSize - 1) / PageSize);

    public bool CanReview => Batch.Status == BatchStatus.Declared;

    public bool CanCompare => Batch.AllowsComparison;

    public bool CanMark => Batch.AllowsHallMarks;

    public async Task<IActionResult> OnGetAsync(int id, string? show, int p = 1, CancellationToken ct = default)
    {
        var batch = await db.HallBatchesOf(User).AsNoTracking().Include(b => b.History).SingleOrDefaultAsync(b => b.Id == id, ct);
        if (batch is null)
        {
            return NotFound();
        }

        await LoadAsync(batch, show, p, ct);
        return Page();
    }

    /// <summary>Compares the persons not compared yet (the first run, or the rest after an outage).</summary>
    public async Task<IActionResult> OnPostCompareAsync(int id, CancellationToken ct) => await CompareAsync(id, fresh: false, ct);

    /// <summary>Drops the stored answers and compares every person again.</summary>
    public async Task<IActionResult> OnPostRecompareAsync(int id, CancellationToken ct) => await CompareAsync(id, fresh: true, ct);

    /// <summary>Marks the selected persons for an on-site photo or a correction (or clears their marks).</summary>
    public async Task<IActionResult> OnPostMarkAsync(int id, int[] ids, HallMark mark, string? reason, string? show, int p = 1, CancellationToken ct = default)
    {
        if (!await db.HallBatchesOf(User).AnyAsync(b => b.Id == id, ct))
        {
            return NotFound();
        }

        var marked = await marks.MarkAsync(id, ids, mark, reason, User.ActorName(), ct);
        TempData[marked.Succeeded ? "Notice" : "Error"] = marked.Message(HallMarks.NothingChanged)
            ?? (mark == HallMark.None ? $"已清除 {marked.Count} 人的标记。" : $"已将 {marked.Count} 人标记为“{mark.ToChinese()}”。");
        return BackTo(id, show, p);
    }

    /// <summary>受理: needs the comparison completed for every person.</summary>
    public async Task<IActionResult> OnPostAcceptAsync(int id, Guid version, CancellationToken ct)
    {
        if (!await db.HallBatchesOf(User).AnyAsync(b => b.Id == id, ct))
        {
            return NotFound();
        }

        var result = await actions.AcceptAsync(id, version, User.ActorName(), ct);
        TempData[result.Succeeded ? "Notice" : "Error"] = result.Succeeded
            ? "批次已受理。比对一致的人员可打印申领表；标记现场拍照的人员请在“现场拍照”中预约。"
            : result.Error;
        return Redirect($"/Hall/Batches/Details/{id}");
    }

    /// <summary>退回: the unit sees the reason on its batch page.</summary>
    public async Task<IActionResult> OnPostReturnAsync(int id, Guid version, string? reason, CancellationToken ct)
    {
        if (!await db.HallBatchesOf(User).AnyAsync(b => b.Id == id, ct))
        {
            return NotFound();
        }

        var result = await actions.ReturnAsync(id, version, reason, User.ActorName(), ct);
        if (!result.Succeeded)
        {
            TempData["Error"] = result.Error;
            return Redirect($"/Hall/Batches/Details/{id}");
        }

        TempData["Notice"] = "批次已退回单位，单位将看到退回原因。";
        return Redirect("/Hall");
    }

    /// <summary>A thumbnail: the current photo of a person in this batch.</summary>
    public async Task<IActionResult> OnGetPhotoAsync(int id, int photo, CancellationToken ct)
    {
        var found = await db.Photos.AsNoTracking()
            .Where(x => x.Id == photo && db.HallPersonsOf(User).Any(person => person.Id == x.PersonId && person.BatchId == id))
            .Select(x => new { x.UnitId, x.Hash })
            .SingleOrDefaultAsync(ct);
        var stream = found is null ? null : await store.OpenAsync(PhotoService.StoreKey(found.UnitId), found.Hash, ct);
        return stream is null ? NotFound() : File(stream, "image/jpeg");
    }

    /// <summary>The registry's ID photo of a person in this batch, where the comparison found one.</summary>
    public async Task<IActionResult> OnGetRegistryPhotoAsync(int id, int person, [FromServices] IIdentityRegistry registry, CancellationToken ct)
    {
        var idNumber = await db.HallPersonsOf(User)
            .Where(x => x.Id == person && x.BatchId == id && db.Comparisons.Any(c => c.PersonId == x.Id && c.PhotoResult == ItemResult.Match))
            .Select(x => x.IdNumber)
            .SingleOrDefaultAsync(ct);
        if (idNumber is null)
        {
            return NotFound();
        }

        try
        {
            var jpeg = await registry.GetPhotoAsync(idNumber, ct);
            return jpeg is null ? NotFound() : File(jpeg, "image/jpeg");
        }
        catch (RegistryUnavailableException)
        {
            return StatusCode(StatusCodes.Status503ServiceUnavailable);
        }
    }

    private async Task<IActionResult> CompareAsync(int id, bool fresh, CancellationToken ct)
    {
        if (!await db.HallBatchesOf(User).AnyAsync(b => b.Id == id, ct))
        {
            return NotFound();
        }

        var compared = await comparisons.RunAsync(id, fresh, User.ActorName(), ct);
        if (compared.Value is not { } run)
        {
            TempData["Error"] = compared.Error;
            return Redirect($"/Hall/Batches/Details/{id}?show=all");
        }

        TempData["Notice"] = run.ComparedNow == 0
            ? "此批次的人员均已比对。"
            : $"比对完成：本次比对 {run.ComparedNow} 人，全部 {run.Total} 人均已有比对结果。";
        return Redirect($"/Hall/Batches/Details/{id}?show=mismatched");
    }

    private RedirectResult BackTo(int id, string? show, int p) =>
        Redirect($"/Hall/Batches/Details/{id}?show={Uri.EscapeDataString(NormaliseShow(show))}&p={Math.Max(1, p)}");

    private static string NormaliseShow(string? show) => Filters.Any(f => f.Key == show) ? show! : "all";

    private async Task LoadAsync(CollectionBatch batch, string? show, int page, CancellationToken ct)
    {
        Batch = batch;
        Show = NormaliseShow(show);
        var unit = await db.Units.AsNoTracking().Where(u => u.Id == batch.UnitId).Select(u => new { u.Name, u.Number }).SingleAsync(ct);
        UnitName = unit.Name;
        UnitNumber = unit.Number;

        var persons = db.Persons.AsNoTracking().Where(x => x.BatchId == batch.Id);
        var outcomes = await db.Comparisons.AsNoTracking().Where(c => c.BatchId == batch.Id)
            .GroupBy(c => c.Outcome).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        var total = await persons.CountAsync(ct);
        var compared = outcomes.Sum(o => o.Count);
        var marks = await persons.Where(x => x.HallMark != HallMark.None).GroupBy(x => x.HallMark).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        Counts = new BatchCounts(
            total,
            compared,
            outcomes.Where(o => o.Key == ComparisonOutcome.Matched).Sum(o => o.Count),
            outcomes.Where(o => o.Key == ComparisonOutcome.Mismatched).Sum(o => o.Count),
            outcomes.Where(o => o.Key == ComparisonOutcome.NotFound).Sum(o => o.Count),
            marks.Where(m => m.Key == HallMark.OnSitePhoto).Sum(m => m.Count),
            marks.Where(m => m.Key == HallMark.Correction).Sum(m => m.Count));

        var sameNames = await persons.GroupBy(x => x.Name).Where(g => g.Count() > 1).Select(g => g.Key).ToListAsync(ct);
        var filtered = Show switch
        {
            "mismatched" => persons.Where(x => db.Comparisons.Any(c => c.PersonId == x.Id && c.Outcome == ComparisonOutcome.Mismatched)),
            "notfound" => persons.Where(x => db.Comparisons.Any(c => c.PersonId == x.Id && c.Outcome == ComparisonOutcome.NotFound)),
            "matched" => persons.Where(x => db.Comparisons.Any(c => c.PersonId == x.Id && c.Outcome == ComparisonOutcome.Matched)),
            "pending" => persons.Where(x => !db.Comparisons.Any(c => c.PersonId == x.Id)),
            "marked" => persons.Where(x => x.HallMark != HallMark.None),
            "samename" => persons.Where(x => sameNames.Contains(x.Name)),
            "errors" => persons.Where(x => x.ErrorCount > 0 || x.WarningCount > 0),
            _ => persons,
        };
        FilteredCount = await filtered.CountAsync(ct);
        PageNumber = Math.Clamp(page, 1, PageCount);
        var ordered = Show == "samename"
            ? filtered.OrderBy(x => x.Name).ThenBy(x => x.Id)
            : filtered.OrderBy(x => x.SourceRow ?? int.MaxValue).ThenBy(x => x.Id);
        var pagePersons = await ordered.Skip((PageNumber - 1) * PageSize).Take(PageSize).ToListAsync(ct);
        var ids = pagePersons.Select(x => x.Id).ToList();
        var answers = await db.Comparisons.AsNoTracking().Where(c => ids.Contains(c.PersonId)).ToDictionaryAsync(c => c.PersonId, ct);
        var photos = await db.Photos.AsNoTracking()
            .Where(x => ids.Contains(x.PersonId) && x.IsCurrent && x.Kind == PhotoKind.Portrait)
            .Select(x => new { x.PersonId, x.Id }).ToListAsync(ct);
        var photoOf = photos.GroupBy(x => x.PersonId).ToDictionary(g => g.Key, g => g.Max(x => x.Id));
        var sameNameSet = sameNames.ToHashSet(StringComparer.Ordinal);
        Rows = pagePersons.Select(x => new Row(x, answers.GetValueOrDefault(x.Id), photoOf.TryGetValue(x.Id, out var ph) ? ph : null, sameNameSet.Contains(x.Name))).ToList();

        if (sameNames.Count > 0)
        {
            var members = await persons.Where(x => sameNames.Contains(x.Name)).OrderBy(x => x.Name).ThenBy(x => x.Id)
                .Select(x => new { x.Name, x.IdNumber, x.BirthDate, x.SourceRow }).Take(1_000).ToListAsync(ct);
            SameNames = members.GroupBy(x => x.Name, StringComparer.Ordinal)
                .Select(g => new SameNameGroup(g.Key, g.Select(x => $"{CitizenId.Mask(x.IdNumber)}{(x.SourceRow is { } r ? $"（第 {r} 行）" : "")}").ToList()))
                .ToList();
        }
    }

    public static string EthnicityName(string? code) => Ethnicities.NameOf(code) ?? "";

    public static string SexText(Sex? sex) => sex?.ToChinese() ?? "";

    public static string ItemSymbol(ItemResult result) => result switch
    {
        ItemResult.Match => "✓",
        ItemResult.Mismatch => "×",
        _ => "无",
    };

    /// <summary>What the registry holds for a mismatching item, where disclosed (e.g. "库：张三").</summary>
    public static string? RegistryValue(PersonComparison c, RegistryItem item) => item switch
    {
        RegistryItem.Name => c.RegistryName,
        RegistryItem.Sex => c.RegistrySex is { } s ? SexText(s) : null,
        RegistryItem.Ethnicity => c.RegistryEthnicityCode is { } e ? EthnicityName(e) : null,
        RegistryItem.BirthDate => c.RegistryBirthDate?.ToString("yyyy-MM-dd"),
        _ => null,
    };

    public sealed record BatchCounts(int Total, int Compared, int Matched, int Mismatched, int NotFound, int OnSitePhoto, int Correction)
    {
        public int Pending => Total - Compared;
    }

    public sealed record Row(InsuredPerson Person, PersonComparison? Comparison, int? PhotoId, bool SameName);

    public sealed record SameNameGroup(string Name, IReadOnlyList<string> Members);
}
