using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using SocialCard.Core.Batches;
using SocialCard.Core.Persons;
using SocialCard.Core.Rosters;
using SocialCard.Core.Validation;
using SocialCard.Data;
using SocialCard.Web.Batches;
using SocialCard.Web.Infrastructure;
using SocialCard.Web.Rosters;

namespace SocialCard.Web.Areas.Unit.Pages.Batches;

/// <summary>
/// The result page (检查结果): counts by severity, the persons as a grid with bad cells highlighted and
/// the message beside them, filters, one-click fixes, and the clerk's workbook with the errors marked.
/// </summary>
public sealed class CheckModel(AppDbContext db, PersonWrites writes, RosterWorkbooks workbooks, RosterConflicts conflicts) : PageModel
{
    public const int PageSize = 200;

    public CollectionBatch Batch { get; private set; } = null!;

    public RosterUpload? Upload { get; private set; }

    public IReadOnlyList<RosterFinding> FileFindings { get; private set; } = [];

    public IReadOnlyList<InsuredPerson> Rows { get; private set; } = [];

    public int Total { get; private set; }

    public int Matching { get; private set; }

    public int PersonsWithErrors { get; private set; }

    public int ErrorFindings { get; private set; }

    public int WarningFindings { get; private set; }

    public int FixedFindings { get; private set; }

    public IReadOnlyList<string> Codes { get; private set; } = [];

    /// <summary>Rows of re-uploaded workbooks the portal did not apply, still to be decided (oldest first).</summary>
    public IReadOnlyList<RosterConflict> OpenConflicts { get; private set; } = [];

    /// <summary>The portal's current person of each open conflict (absent: deleted).</summary>
    public IReadOnlyDictionary<int, InsuredPerson> ConflictPersons { get; private set; } = new Dictionary<int, InsuredPerson>();

    /// <summary>Same-name groups: name → group number (1-based), for the filter and the row labels.</summary>
    public IReadOnlyDictionary<string, int> SameNameGroups { get; private set; } = new Dictionary<string, int>();

    [BindProperty(SupportsGet = true)]
    public bool ErrorsOnly { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Code { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Group { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    [BindProperty(SupportsGet = true, Name = "upload")]
    public int? UploadId { get; set; }

    public int Pages => Math.Max(1, (Matching + PageSize - 1) / PageSize);

    public static IReadOnlyList<RosterColumnSpec> GridColumns { get; } =
        RosterTemplate.Columns.Where(c => c.Column is not (RosterColumn.OriginalName or RosterColumn.OriginalIdNumber)).ToList();

    /// <summary>Findings are keyed by column name, which equals the <see cref="PersonFields"/> name for person fields.</summary>
    public IEnumerable<Finding> FindingsAt(InsuredPerson person, RosterColumnSpec column) =>
        person.Findings.Where(f => f.Field == column.Column.ToString());

    public IEnumerable<Finding> RowFindings(InsuredPerson person) =>
        person.Findings.Where(f => !GridColumns.Any(c => f.Field == c.Column.ToString()));

    public static string CellText(InsuredPerson p, RosterColumn column) => column switch
    {
        RosterColumn.PersonalNumber => p.PersonalNumber ?? "",
        RosterColumn.Category => p.Category ?? "",
        RosterColumn.Name => p.Name,
        RosterColumn.IdNumber => p.IdNumber,
        RosterColumn.Sex => p.Sex?.ToChinese() ?? "",
        RosterColumn.BirthDate => p.BirthDate?.ToString("yyyy-MM-dd") ?? "",
        RosterColumn.Ethnicity => p.EthnicityCode is { } code && Ethnicities.TryParse(code, out var e) ? e.Name : "",
        RosterColumn.Phone => p.Phone ?? "",
        RosterColumn.Postcode => p.Postcode ?? "",
        RosterColumn.Address => p.Address ?? "",
        RosterColumn.ClassOrDepartment => p.ClassOrDepartment ?? "",
        _ => "",
    };

    /// <summary>A conflict's workbook values in grid order (ID numbers masked).</summary>
    public static IEnumerable<string?> ConflictCells(RosterConflict c) =>
        GridColumns.Where(col => !col.ReadOnly).Select(col => col.Column == RosterColumn.IdNumber ? CitizenId.Mask(RosterConflicts.Cell(c, col.Column) ?? "") : RosterConflicts.Cell(c, col.Column));

    /// <summary>The portal's current values in the same order (ID numbers masked).</summary>
    public static IEnumerable<string?> PortalCells(InsuredPerson p) =>
        GridColumns.Where(col => !col.ReadOnly).Select(col => col.Column == RosterColumn.IdNumber ? p.MaskedIdNumber : CellText(p, col.Column));

    /// <summary>The 18-digit number the portal proposes for a 15-digit one, if any.</summary>
    public static string? Proposed18(InsuredPerson p) =>
        p.Findings.FirstOrDefault(f => f.Code == RuleCodes.IdLegacy15)?.SuggestedValue;

    public static bool CanTakeBirthDateFromId(InsuredPerson p) => p.Findings.Any(f => f.Code == RuleCodes.BirthDateMismatchId);

    public string FilterQuery(int? page = null) =>
        $"?errorsOnly={ErrorsOnly.ToString().ToLowerInvariant()}&code={Uri.EscapeDataString(Code ?? "")}&group={Group}&p={page ?? PageNumber}" + (UploadId is { } u ? $"&upload={u}" : "");

    public async Task<IActionResult> OnGetAsync(int id)
    {
        var batch = await db.BatchesOf(User).AsNoTracking().SingleOrDefaultAsync(b => b.Id == id);
        if (batch is null)
        {
            return NotFound();
        }

        Batch = batch;
        var uploads = db.RosterUploads.AsNoTracking().Where(u => u.BatchId == id);
        Upload = UploadId is { } uploadId
            ? await uploads.SingleOrDefaultAsync(u => u.Id == uploadId)
            : await uploads.OrderByDescending(u => u.Id).FirstOrDefaultAsync();
        if (UploadId is not null && Upload is null)
        {
            return NotFound();
        }

        if (Upload is { Accepted: false })
        {
            FileFindings = Upload.Findings;
        }

        var persons = await db.Persons.AsNoTracking().Where(p => p.BatchId == id).ToListAsync();
        OpenConflicts = await db.RosterConflicts.AsNoTracking()
            .Where(c => c.BatchId == id && c.Resolution == RosterConflictResolution.Open)
            .OrderBy(c => c.Id).ToListAsync();
        var conflictIds = OpenConflicts.Select(c => c.PersonId).ToHashSet();
        ConflictPersons = persons.Where(p => conflictIds.Contains(p.Id)).ToDictionary(p => p.Id);
        Total = persons.Count;
        PersonsWithErrors = persons.Count(p => p.ErrorCount > 0);
        var all = persons.SelectMany(p => p.Findings).ToList();
        ErrorFindings = all.Count(f => f.Severity == Severity.Error);
        WarningFindings = all.Count(f => f.Severity == Severity.Warning);
        FixedFindings = all.Count(f => f.Severity == Severity.Fixed);
        Codes = all.Select(f => f.Code).Distinct().Order(StringComparer.Ordinal).ToList();
        SameNameGroups = persons
            .Where(p => p.Name.Length > 0)
            .GroupBy(p => p.Name)
            .Where(g => g.Select(p => p.IdNumber).Distinct().Count() > 1)
            .Select((g, i) => (g.Key, Number: i + 1))
            .ToDictionary(x => x.Key, x => x.Number);

        IEnumerable<InsuredPerson> filtered = persons;
        if (ErrorsOnly)
        {
            filtered = filtered.Where(p => p.ErrorCount > 0);
        }

        if (!string.IsNullOrEmpty(Code))
        {
            filtered = filtered.Where(p => p.Findings.Any(f => f.Code == Code));
        }

        if (Group is { } group)
        {
            filtered = filtered.Where(p => SameNameGroups.TryGetValue(p.Name, out var g) && g == group);
        }

        var ordered = filtered.OrderBy(p => p.SourceRow ?? int.MaxValue).ThenBy(p => p.Id).ToList();
        Matching = ordered.Count;
        PageNumber = Math.Clamp(PageNumber, 1, Pages);
        Rows = ordered.Skip((PageNumber - 1) * PageSize).Take(PageSize).ToList();
        return Page();
    }

    /// <summary>One-click fixes where the portal knows the answer.</summary>
    public async Task<IActionResult> OnPostFixAsync(int id, int personId, string fix, CancellationToken ct)
    {
        if (!await db.BatchesOf(User).AnyAsync(b => b.Id == id, ct) || !await db.PersonsOf(User).AnyAsync(p => p.Id == personId && p.BatchId == id, ct))
        {
            return NotFound();
        }

        var fixedPerson = await writes.FixAsync(id, personId, fix, person => fix switch
        {
            "id18" when Proposed18(person) is { } proposed => person.ToInput() with { IdNumber = proposed },
            "birth" when CanTakeBirthDateFromId(person) => person.ToInput() with { BirthDate = null },
            _ => null,
        }, User.ActorName(), ct);
        TempData[fixedPerson.Succeeded ? "Notice" : "Error"] = !fixedPerson.Succeeded
            ? fixedPerson.Error
            : fix == "id18" ? $"已将 {fixedPerson.Value!.Name} 的身份证号码改为18位。" : $"已按身份证号码改正 {fixedPerson.Value!.Name} 的出生日期。";
        return Redirect($"/Unit/Batches/Check/{id}{FilterQuery()}");
    }

    /// <summary>
    /// The clerk's own workbook with every bad cell coloured and commented, plus a 错误清单 sheet and the hidden row
    /// keys that let it be uploaded back without duplicating anyone.
    /// </summary>
    public async Task<IActionResult> OnGetAnnotatedAsync(int id, int upload, CancellationToken ct)
    {
        var batch = await db.BatchesOf(User).AsNoTracking().SingleOrDefaultAsync(b => b.Id == id, ct);
        var stored = batch is null ? null : await db.RosterUploads.AsNoTracking().SingleOrDefaultAsync(u => u.Id == upload && u.BatchId == id && u.Accepted, ct);
        if (stored is null)
        {
            return NotFound();
        }

        var output = await workbooks.AnnotatedAsync(batch!, stored, User.ActorName(), ct);
        return File(output, XlsxContentType, Path.GetFileNameWithoutExtension(stored.FileName) + "-错误标注.xlsx");
    }

    /// <summary>The whole batch as a roster (current values and findings, row keys), to edit offline and upload back.</summary>
    public async Task<IActionResult> OnGetRosterAsync(int id, CancellationToken ct)
    {
        var batch = await db.BatchesOf(User).AsNoTracking().SingleOrDefaultAsync(b => b.Id == id, ct);
        if (batch is null)
        {
            return NotFound();
        }

        var output = await workbooks.BatchRosterAsync(batch, User.ActorName(), ct);
        var title = string.Concat(batch.Title.Where(c => !char.IsControl(c) && !Path.GetInvalidFileNameChars().Contains(c)));
        return File(output, XlsxContentType, $"{title}-花名册.xlsx");
    }

    /// <summary>保留网页上的值: the conflict's workbook row is dropped, the person stays as the portal holds it.</summary>
    public async Task<IActionResult> OnPostKeepPortalAsync(int id, int conflictId, CancellationToken ct)
    {
        if (!await db.BatchesOf(User).AnyAsync(b => b.Id == id, ct))
        {
            return NotFound();
        }

        var kept = await conflicts.KeepPortalAsync(id, conflictId, User.ActorName(), ct);
        TempData[kept.Succeeded ? "Notice" : "Error"] = kept.Succeeded ? $"已保留网页上{kept.Value}的信息，表格中这一行的修改未采用。" : kept.Error;
        return Redirect($"/Unit/Batches/Check/{id}{FilterQuery()}#conflicts");
    }

    private const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
}
