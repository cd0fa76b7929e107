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
public sealed class EditModel(AppDbContext db, PersonValidation validation, PersonWrites writes) : PageModel
{
    private IReadOnlyList<Finding> _findings = [];

    [BindProperty]
    public PersonForm Form { get; set; } = new();

    public int BatchId { get; private set; }

    public string BatchTitle { get; private set; } = "";

    public bool IsNew { get; private set; }

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
        var saved = await writes.SaveAsync(batchId, id, Form.Version, Form.ToInput(), Form.ClassOrDepartment, User.ActorName(), ct);
        _findings = saved.Findings;
        if (saved.HasErrors)
        {
            return Page();
        }

        if (!saved.Result.Succeeded)
        {
            TempData["Error"] = saved.Result.Error;
            return Redirect($"/Unit/Batches/Details/{batchId}");
        }

        var person = saved.Result.Value!;
        var notes = _findings.Where(f => f.Severity != Severity.Error).Select(f => f.Message).ToList();
        TempData["Notice"] = $"已保存{person.Name}。" + string.Concat(notes.Select(n => n.TrimEnd('。') + "。"));
        return Redirect($"/Unit/Batches/Details/{batchId}");
    }

    private void Show(CollectionBatch batch, int? id)
    {
        BatchId = batch.Id;
        BatchTitle = batch.Title;
        IsNew = id is null;
    }
}
