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
public sealed class CheckModel(AppDbContext db, PersonWrites writes, AuditLog audit, IRosterReader reader, RosterSettings settings) : PageModel
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
        RosterColumn.Sex => p.Sex == Sex.Male ? "男" : p.Sex == Sex.Female ? "女" : "",
        RosterColumn.BirthDate => p.BirthDate?.ToString("yyyy-MM-dd") ?? "",
        RosterColumn.Ethnicity => p.EthnicityCode is { } code && Ethnicities.TryParse(code, out var e) ? e.Name : "",
        RosterColumn.Phone => p.Phone ?? "",
        RosterColumn.Postcode => p.Postcode ?? "",
        RosterColumn.Address => p.Address ?? "",
        RosterColumn.ClassOrDepartment => p.ClassOrDepartment ?? "",
        _ => "",
    };

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
            FileFindings = RosterImport.Deserialize(Upload.FindingsJson);
        }

        var persons = await db.Persons.AsNoTracking().Where(p => p.BatchId == id).ToListAsync();
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

    /// <summary>The clerk's own workbook with every bad cell coloured and commented, plus a 错误清单 sheet.</summary>
    public async Task<IActionResult> OnGetAnnotatedAsync(int id, int upload)
    {
        var batch = await db.BatchesOf(User).AsNoTracking().SingleOrDefaultAsync(b => b.Id == id);
        var stored = batch is null ? null : await db.RosterUploads.AsNoTracking().SingleOrDefaultAsync(u => u.Id == upload && u.BatchId == id && u.Accepted);
        if (stored is null)
        {
            return NotFound();
        }

        var findings = RosterImport.Deserialize(stored.FindingsJson);
        var output = new MemoryStream();
        if (stored.Format == "xlsx")
        {
            AnnotatedWorkbookWriter.AnnotateXlsx(new MemoryStream(stored.Content, writable: false), output, findings);
        }
        else
        {
            var read = reader.Read(new MemoryStream(stored.Content, writable: false), stored.FileName, settings.Limits);
            AnnotatedWorkbookWriter.WriteFromRows(output, read.Rows, findings);
        }

        audit.Record(User, "DownloadAnnotated", "Batch", id, batch!.UnitId, new { Upload = upload });
        await db.SaveChangesAsync();
        output.Position = 0;
        return File(output, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", Path.GetFileNameWithoutExtension(stored.FileName) + "-错误标注.xlsx");
    }
}
