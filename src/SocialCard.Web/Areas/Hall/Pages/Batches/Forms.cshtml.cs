using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using SocialCard.Core.Batches;
using SocialCard.Core.Persons;
using SocialCard.Core.Registry;
using SocialCard.Core.Review;
using SocialCard.Data;
using SocialCard.Web.Documents;
using SocialCard.Web.Infrastructure;

namespace SocialCard.Web.Areas.Hall.Pages.Batches;

/// <summary>
/// Prints a batch's 社会保障卡申领表 (all matched persons, or a selection) and 个人信息确认表 (all mismatched or
/// not-found persons, or a selection). Only batches of the staff member's hall's units (otherwise 404), declared or
/// accepted; every print is audited. A selection is posted as <c>ids</c> values (also from the hall's batch page).
/// </summary>
[RequestFormLimits(ValueCountLimit = 200_000)]
public sealed class FormsModel(AppDbContext db, HallForms forms, AuditLog audit, ILogger<FormsModel> logger) : PageModel
{
    /// <summary>How many persons the selection list shows; the "all" prints cover every person.</summary>
    public const int ListedPersons = 1000;

    public CollectionBatch Batch { get; private set; } = null!;

    public string UnitName { get; private set; } = "";

    public string UnitNumber { get; private set; } = "";

    public int PersonCount { get; private set; }

    public int MatchedCount { get; private set; }

    public int NotMatchedCount { get; private set; }

    public int PendingCount => PersonCount - MatchedCount - NotMatchedCount;

    public bool CanPrint => HallForms.CanPrint(Batch.Status);

    public IReadOnlyList<PersonRow> Persons { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var batch = await FindAsync(id, ct);
        if (batch is null)
        {
            return NotFound();
        }

        Batch = batch;
        UnitName = batch.Unit!.Name;
        UnitNumber = batch.Unit.Number;
        var outcomes = await db.Comparisons.AsNoTracking().Where(c => c.BatchId == id)
            .Select(c => new { c.PersonId, c.Outcome }).ToDictionaryAsync(c => c.PersonId, c => c.Outcome, ct);
        PersonCount = await db.Persons.CountAsync(p => p.BatchId == id, ct);
        MatchedCount = outcomes.Values.Count(o => o == ComparisonOutcome.Matched);
        NotMatchedCount = outcomes.Values.Count(o => o != ComparisonOutcome.Matched);
        var persons = await db.Persons.AsNoTracking().Where(p => p.BatchId == id)
            .OrderBy(p => p.SourceRow ?? int.MaxValue).ThenBy(p => p.Id).Take(ListedPersons)
            .Select(p => new { p.Id, p.Name, p.IdNumber, p.HallMark })
            .ToListAsync(ct);
        Persons = [.. persons.Select(p => new PersonRow(p.Id, p.Name, CitizenId.Mask(p.IdNumber), outcomes.TryGetValue(p.Id, out var o) ? o : null, p.HallMark))];
        return Page();
    }

    /// <summary>GET: application forms of every matched person.</summary>
    public Task<IActionResult> OnGetApplicationAsync(int id, CancellationToken ct) => PrintAsync(id, null, FormKind.Application, ct);

    /// <summary>POST <c>ids</c>: application forms of the selected persons.</summary>
    public Task<IActionResult> OnPostApplicationAsync(int id, List<int> ids, CancellationToken ct) => PrintAsync(id, ids, FormKind.Application, ct);

    /// <summary>GET: confirmation forms of every mismatched or not-found person.</summary>
    public Task<IActionResult> OnGetConfirmationAsync(int id, CancellationToken ct) => PrintAsync(id, null, FormKind.Confirmation, ct);

    /// <summary>POST <c>ids</c>: confirmation forms of the selected persons.</summary>
    public Task<IActionResult> OnPostConfirmationAsync(int id, List<int> ids, CancellationToken ct) => PrintAsync(id, ids, FormKind.Confirmation, ct);

    private async Task<IActionResult> PrintAsync(int id, List<int>? ids, FormKind kind, CancellationToken ct)
    {
        var batch = await FindAsync(id, ct);
        if (batch is null)
        {
            return NotFound();
        }

        var title = kind == FormKind.Application ? "申领表" : "确认表";
        if (!HallForms.CanPrint(batch.Status))
        {
            return Refuse(id, $"批次当前状态为“{batch.Status.ToChinese()}”，只有已申报或已受理的批次才能打印{title}。");
        }

        if (ids is { Count: 0 })
        {
            return Refuse(id, $"请先勾选要打印{title}的人员。");
        }

        PrintedForms printed;
        try
        {
            var selection = ids?.Distinct().ToList();
            printed = kind == FormKind.Application
                ? await forms.ApplicationFormsAsync(batch, selection, ct)
                : await forms.ConfirmationFormsAsync(batch, selection, ct);
        }
        catch (RegistryUnavailableException e)
        {
            logger.LogWarning("Application forms of batch {BatchId} not printed: the registry failed ({Problem})", batch.Id, e.Message);
            return Refuse(id, "身份信息库暂时无法访问，无法取得部分人员的相片，申领表未打印。请稍后再试。");
        }

        if (printed.Pdf is null)
        {
            return Refuse(id, printed.Refusal!);
        }

        audit.Record(User, kind == FormKind.Application ? "PrintApplicationForms" : "PrintConfirmationForms", "Batch", batch.Id, batch.UnitId, new
        {
            printed.Persons,
            Selection = ids is not null,
            printed.PortalPhotos,
            printed.RegistryPhotos,
        });
        await db.SaveChangesAsync(ct);
        return File(printed.Pdf, "application/pdf", $"{title}-{batch.Unit!.Number}-{batch.Id}.pdf");
    }

    private RedirectResult Refuse(int id, string message)
    {
        TempData["Error"] = message;
        return Redirect($"/Hall/Batches/Forms/{id}");
    }

    /// <summary>The batch, if its unit belongs to the signed-in staff member's hall; otherwise null (404).</summary>
    private Task<CollectionBatch?> FindAsync(int id, CancellationToken ct)
    {
        return db.HallBatchesOf(User).AsNoTracking().Include(b => b.Unit).SingleOrDefaultAsync(b => b.Id == id, ct);
    }

    private enum FormKind
    {
        Application,
        Confirmation,
    }

    public sealed record PersonRow(int Id, string Name, string MaskedIdNumber, ComparisonOutcome? Outcome, HallMark Mark);
}
