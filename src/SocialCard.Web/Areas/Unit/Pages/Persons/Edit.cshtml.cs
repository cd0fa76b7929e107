using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using SocialCard.Core.Batches;
using SocialCard.Core.Persons;
using SocialCard.Core.Validation;
using SocialCard.Data;
using SocialCard.Web.Batches;
using SocialCard.Web.Infrastructure;
using SocialCard.Web.Rosters;

namespace SocialCard.Web.Areas.Unit.Pages.Persons;

/// <summary>Adds a person to a batch or changes one; the same rules as the roster, findings beside each field.</summary>
public sealed class EditModel(AppDbContext db, PersonValidation validation, PersonWrites writes, RosterConflicts conflicts) : PageModel
{
    private IReadOnlyList<Finding> _findings = [];

    [BindProperty]
    public PersonForm Form { get; set; } = new();

    public int BatchId { get; private set; }

    public string BatchTitle { get; private set; } = "";

    public bool IsNew { get; private set; }

    /// <summary>Whether the page shows a refused save (the findings are of what was typed, not of what is stored).</summary>
    public bool Refused { get; private set; }

    /// <summary>A re-upload conflict whose workbook values the form shows (and whose saving closes it).</summary>
    [BindProperty(SupportsGet = true, Name = "conflict")]
    public int? ConflictId { get; set; }

    public RosterConflict? Conflict { get; private set; }

    /// <summary>What the portal holds for the person of <see cref="Conflict"/> (null for a deleted person).</summary>
    public PersonForm? PortalValues { get; private set; }

    /// <summary>Where the clerk came from (search results, the check page with its filter, the batch page): only a local /Unit/ URL.</summary>
    [BindProperty(SupportsGet = true, Name = "returnUrl")]
    public string? ReturnUrl { get; set; }

    /// <summary>Where saving and 取消 lead: <see cref="ReturnUrl"/> when it is safe, else the batch page.</summary>
    public string BackUrl => SafeReturnUrl(ReturnUrl) ?? $"/Unit/Batches/Details/{BatchId}";

    /// <summary>A return address is followed only if it stays on this portal's unit pages (no other host, no scheme, no backslash tricks).</summary>
    public static string? SafeReturnUrl(string? url) =>
        url is { Length: > 0 and <= 2000 }
        && url.StartsWith("/Unit/", StringComparison.OrdinalIgnoreCase)
        && !url.Contains('\\')
        && !url.Split('?')[0].Contains("/.", StringComparison.Ordinal)
        && !url.Any(char.IsControl)
            ? url
            : null;

    public int AddressMaxLength => validation.AddressMaxLength;

    public int ErrorCount => _findings.Count(f => f.Severity == Severity.Error);

    public IReadOnlyList<Finding> FindingsFor(string field) => _findings.Where(f => f.Field == field).ToList();

    public bool HasError(string field) => _findings.Any(f => f.Field == field && f.Severity == Severity.Error);

    public async Task<IActionResult> OnGetAsync(int batchId, int? id)
    {
        var batch = await db.BatchesOf(User).AsNoTracking().SingleOrDefaultAsync(b => b.Id == batchId);
        if (batch is null)
        {
            return NotFound();
        }

        Show(batch, id);
        if (id is not null)
        {
            var person = await db.PersonsOf(User).AsNoTracking().SingleOrDefaultAsync(p => p.Id == id && p.BatchId == batchId);
            if (person is null)
            {
                return NotFound();
            }

            Form = PersonForm.From(person);
            _findings = person.Findings;
        }

        if (ConflictId is { } conflictId)
        {
            Conflict = await conflicts.FindOpenAsync(batchId, conflictId);
            var fits = Conflict is not null && (id is null ? Conflict.Kind == RosterConflictKind.Deleted : Conflict.PersonId == id && Conflict.Kind == RosterConflictKind.ChangedInBoth);
            if (!fits)
            {
                TempData["Error"] = "这处上传冲突已经处理过了。";
                return Redirect($"/Unit/Batches/Check/{batchId}#conflicts");
            }

            PortalValues = id is null ? null : Form;
            Form = PersonForm.FromRow(Conflict!, Form.Version);
            _findings = [];
        }

        if (!batch.IsEditableByUnit)
        {
            TempData["Error"] = batch.CheckEditable().Error;
            return Redirect($"/Unit/Batches/Details/{batchId}");
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int batchId, int? id, CancellationToken ct)
    {
        var batch = await db.BatchesOf(User).AsNoTracking().SingleOrDefaultAsync(b => b.Id == batchId, ct);
        if (batch is null || (id is not null && !await db.PersonsOf(User).AnyAsync(p => p.Id == id && p.BatchId == batchId, ct)))
        {
            return NotFound();
        }

        Show(batch, id);
        var saved = await writes.SaveAsync(batchId, id, Form.Version, Form.ToInput(), Form.ClassOrDepartment, User.ActorName(), ct, ConflictId);
        if (saved.Findings is { Count: > 0 } refusedFindings)
        {
            _findings = refusedFindings;
            Refused = true;
            return Page();
        }

        if (saved.Value is not { } person)
        {
            TempData["Error"] = saved.Error;
            return Redirect(ConflictId is null ? $"/Unit/Batches/Details/{batchId}" : $"/Unit/Batches/Check/{batchId}#conflicts");
        }

        _findings = person.Findings;
        var notes = _findings.Where(f => f.Severity != Severity.Error).Select(f => f.Message).ToList();
        TempData["Notice"] = $"已保存{person.Name}。" + string.Concat(notes.Select(n => n.TrimEnd('。') + "。"));
        return Redirect(BackUrl);
    }

    private void Show(CollectionBatch batch, int? id)
    {
        BatchId = batch.Id;
        BatchTitle = batch.Title;
        IsNew = id is null;
    }
}
