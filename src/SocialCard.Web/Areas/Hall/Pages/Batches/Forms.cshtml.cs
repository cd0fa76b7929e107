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
public sealed class FormsModel(AppDbContext db, HallForms forms) : PageModel
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

    public bool CanPrint => Batch.AllowsHallForms;

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
    public Task<IActionResult> OnGetApplicationAsync(int id, CancellationToken ct) => PrintAsync(id, null, HallFormKind.Application, ct);

    /// <summary>POST <c>ids</c>: application forms of the selected persons.</summary>
    public Task<IActionResult> OnPostApplicationAsync(int id, List<int> ids, CancellationToken ct) => PrintAsync(id, ids, HallFormKind.Application, ct);

    /// <summary>GET: confirmation forms of every mismatched or not-found person.</summary>
    public Task<IActionResult> OnGetConfirmationAsync(int id, CancellationToken ct) => PrintAsync(id, null, HallFormKind.Confirmation, ct);

    /// <summary>POST <c>ids</c>: confirmation forms of the selected persons.</summary>
    public Task<IActionResult> OnPostConfirmationAsync(int id, List<int> ids, CancellationToken ct) => PrintAsync(id, ids, HallFormKind.Confirmation, ct);

    private async Task<IActionResult> PrintAsync(int id, List<int>? ids, HallFormKind kind, CancellationToken ct)
    {
        var batch = await FindAsync(id, ct);
        if (batch is null)
        {
            return NotFound();
        }

        var printed = await forms.PrintAsync(batch, kind, ids?.Distinct().ToList(), User.ActorName(), ct);
        if (printed.Value is not { } pdf)
        {
            TempData["Error"] = printed.Error;
            return Redirect($"/Hall/Batches/Forms/{id}");
        }

        return File(pdf.Pdf, "application/pdf", $"{HallForms.TitleOf(kind)}-{batch.Unit!.Number}-{batch.Id}.pdf");
    }

    /// <summary>The batch, if its unit belongs to the signed-in staff member's hall; otherwise null (404).</summary>
    private Task<CollectionBatch?> FindAsync(int id, CancellationToken ct)
    {
        return db.HallBatchesOf(User).AsNoTracking().Include(b => b.Unit).SingleOrDefaultAsync(b => b.Id == id, ct);
    }

    public sealed record PersonRow(int Id, string Name, string MaskedIdNumber, ComparisonOutcome? Outcome, HallMark Mark);
}
