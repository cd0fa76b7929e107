using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using SocialCard.Core.Batches;
using SocialCard.Core.Common;
using SocialCard.Core.Persons;
using SocialCard.Data;
using SocialCard.Web.Infrastructure;

namespace SocialCard.Web.Areas.Unit.Pages.Batches;

public sealed class DetailsModel(AppDbContext db, AuditLog audit, TimeProvider clock, ILogger<DetailsModel> logger) : PageModel
{
    public CollectionBatch Batch { get; private set; } = null!;

    public string UnitName { get; private set; } = "";

    public string UnitNumber { get; private set; } = "";

    public int WithErrors => Batch.Persons.Count(p => p.ErrorCount > 0);

    public string EthnicityName(string? code) =>
        code is not null && Ethnicities.TryParse(code, out var e) ? e.Name : "";

    public async Task<IActionResult> OnGetAsync(int id)
    {
        var batch = await LoadAsync(id);
        if (batch is null)
        {
            return NotFound();
        }

        await ShowAsync(batch);
        return Page();
    }

    public Task<IActionResult> OnPostDeclareAsync(int id, Guid version) =>
        TransitionAsync(id, version, "Declare", batch => batch.Declare(User.ActorName(), clock.GetUtcNow()), "批次已申报。请打印汇总表，加盖单位公章后送交采集点。");

    public Task<IActionResult> OnPostWithdrawAsync(int id, Guid version) =>
        TransitionAsync(id, version, "Withdraw", batch => batch.Withdraw(User.ActorName(), clock.GetUtcNow()), "已撤销申报。改正后请重新申报。");

    public async Task<IActionResult> OnPostDeletePersonAsync(int id, int personId)
    {
        var batch = await LoadAsync(id);
        var person = batch?.Persons.SingleOrDefault(p => p.Id == personId);
        if (batch is null || person is null)
        {
            return NotFound();
        }

        var removed = batch.RemovePerson(person);
        if (!removed.Succeeded)
        {
            TempData["Error"] = removed.Error;
            return Redirect($"/Unit/Batches/Details/{id}");
        }

        audit.Record(User, "DeletePerson", "Person", person.Id, batch.UnitId, new { person.Name, IdNumber = person.MaskedIdNumber, BatchId = batch.Id });
        await db.SaveChangesAsync();
        TempData["Notice"] = $"已删除 {person.Name}。";
        return Redirect($"/Unit/Batches/Details/{id}");
    }

    private async Task<IActionResult> TransitionAsync(int id, Guid version, string action, Func<CollectionBatch, Result> transition, string success)
    {
        var batch = await LoadAsync(id);
        if (batch is null)
        {
            return NotFound();
        }

        if (batch.Version != version)
        {
            TempData["Error"] = "此批次刚被修改过，页面已刷新，请确认后再操作。";
            return Redirect($"/Unit/Batches/Details/{id}");
        }

        var from = batch.Status;
        var result = transition(batch);
        if (!result.Succeeded)
        {
            TempData["Error"] = result.Error;
            return Redirect($"/Unit/Batches/Details/{id}");
        }

        audit.Record(User, action + "Batch", "Batch", batch.Id, batch.UnitId, new { From = from.ToString(), To = batch.Status.ToString(), Persons = batch.Persons.Count });
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateConcurrencyException)
        {
            logger.LogInformation("Concurrent change of batch {BatchId} refused", id);
            TempData["Error"] = "此批次刚被他人修改过，操作未执行。请确认页面内容后再试。";
            return Redirect($"/Unit/Batches/Details/{id}");
        }

        logger.LogInformation("Batch {BatchId} moved {From} -> {To}", batch.Id, from, batch.Status);
        TempData["Notice"] = success;
        return Redirect($"/Unit/Batches/Details/{id}");
    }

    private Task<CollectionBatch?> LoadAsync(int id) =>
        db.BatchesOf(User)
            .Include(b => b.Persons)
            .Include(b => b.History)
            .AsSplitQuery()
            .SingleOrDefaultAsync(b => b.Id == id);

    private async Task ShowAsync(CollectionBatch batch)
    {
        Batch = batch;
        var unit = await db.Units.AsNoTracking().SingleAsync(u => u.Id == batch.UnitId);
        UnitName = unit.Name;
        UnitNumber = unit.Number;
    }
}
