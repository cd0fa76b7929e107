using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using SocialCard.Core.Batches;
using SocialCard.Core.Persons;
using SocialCard.Core.Validation;
using SocialCard.Data;
using SocialCard.Web.Infrastructure;
using SocialCard.Web.Rosters;

namespace SocialCard.Web.Areas.Unit.Pages.Persons;

/// <summary>Adds a person to a batch or changes one; the same rules as the roster, findings beside each field.</summary>
public sealed class EditModel(AppDbContext db, PersonValidation validation, PersonChecks checks, AuditLog audit, TimeProvider clock, ILogger<EditModel> logger) : PageModel
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

    public async Task<IActionResult> OnPostAsync(int batchId, int? id)
    {
        var batch = await db.BatchesOf(User).SingleOrDefaultAsync(b => b.Id == batchId);
        if (batch is null)
        {
            return NotFound();
        }

        InsuredPerson? person = null;
        if (id is not null)
        {
            person = await db.PersonsOf(User).SingleOrDefaultAsync(p => p.Id == id && p.BatchId == batchId);
            if (person is null)
            {
                return NotFound();
            }
        }

        Show(batch, id);
        var editable = batch.CheckEditable();
        if (!editable.Succeeded)
        {
            TempData["Error"] = editable.Error;
            return Redirect($"/Unit/Batches/Details/{batchId}");
        }

        var (result, findings) = await checks.CheckAsync(batch, person, Form.ToInput());
        _findings = findings;
        if (ErrorCount > 0)
        {
            return Page();
        }

        var now = clock.GetUtcNow();
        var before = person?.ToInput();
        if (person is null)
        {
            person = new InsuredPerson(batch.UnitId, now);
            person.Apply(result, now, _findings);
            batch.AddPerson(person);
        }
        else
        {
            db.Entry(person).Property(p => p.Version).OriginalValue = Form.Version;
            person.Apply(result, now, _findings);
        }

        person.SetClassOrDepartment(Form.ClassOrDepartment);

        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            await db.SaveChangesAsync();
            audit.Record(User, before is null ? "AddPerson" : "UpdatePerson", "Person", person.Id, batch.UnitId, new { BatchId = batch.Id, Before = before, After = person.ToInput() });
            await db.SaveChangesAsync();
            await transaction.CommitAsync();
        }
        catch (DbUpdateConcurrencyException)
        {
            logger.LogInformation("Concurrent change of person {PersonId} refused", person.Id);
            TempData["Error"] = "此人员信息刚被他人修改过，您的修改未保存。请重新打开后再改。";
            return Redirect($"/Unit/Batches/Details/{batchId}");
        }

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
