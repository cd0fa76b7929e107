using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using SocialCard.Core.Batches;
using SocialCard.Core.Common;
using SocialCard.Core.Persons;
using SocialCard.Core.Photos.Uploads;
using SocialCard.Core.Rosters;
using SocialCard.Data;
using SocialCard.Web.Batches;
using SocialCard.Web.Infrastructure;
using SocialCard.Web.Photos;
using SocialCard.Web.Rosters;

namespace SocialCard.Web.Areas.Unit.Pages.Batches;

[UploadLimit(UploadKind.Roster, "Upload")]
[UploadLimit(UploadKind.Photos, "UploadPhotos")]
public sealed class DetailsModel(AppDbContext db, BatchActions actions, RosterImport import, RosterSettings rosterSettings, PhotoService photoService, PhotoSettings photoSettings, ImportThrottle throttle, PersonWrites persons, RosterWorkbooks workbooks) : PageModel
{
    public CollectionBatch Batch { get; private set; } = null!;

    public string UnitName { get; private set; } = "";

    public string UnitNumber { get; private set; } = "";

    /// <summary>Items of the unit's profile still empty (the declaration is refused until they are filled in).</summary>
    public IReadOnlyList<string> ProfileMissing { get; private set; } = [];

    /// <summary>How many persons the batch page lists; the check page pages through all of them.</summary>
    public const int ListedPersons = 500;

    public int PersonCount { get; private set; }

    public int WithErrors { get; private set; }

    public IReadOnlyList<InsuredPerson> Persons { get; private set; } = [];

    /// <summary>The largest roster file a unit may upload (a larger one is recorded as refused, FILE_TOO_LARGE).</summary>
    public long RosterMaxBytes => rosterSettings.MaxBytes;

    /// <summary>
    /// The largest roster file the portal receives at all, checked in the browser before sending: the portal cuts a
    /// larger request before reading it, which a browser still sending sees as a broken connection.
    /// </summary>
    public long RosterReceiveMaxBytes => rosterSettings.ReceiveMaxBytes;

    /// <summary>The largest bulk photo upload, checked in the browser before sending (the server checks again).</summary>
    public long PhotoMaxBytes => photoSettings.MaxUploadMegabytes * 1024L * 1024;

    /// <summary>Names held by more than one person of the batch, with how many, for the reminder before 申报.</summary>
    public IReadOnlyList<(string Name, int Count)> SameNames { get; private set; } = [];

    /// <summary>The question before 申报: the reminder of the notices, naming the same-name groups to check.</summary>
    public string DeclareQuestion => SameNames.Count == 0
        ? "确定申报此批次吗？申报后不能再修改，如需修改须先撤销申报。请务必认真核对人员信息后再申报。"
        : "请务必认真核对人员信息（尤其是重名的人员）后再申报。本批次有重名人员："
            + string.Join("、", SameNames.Take(10).Select(g => $"{g.Name}（{g.Count}人）")) + (SameNames.Count > 10 ? " 等" : "")
            + "。确定申报吗？";

    public string EthnicityName(string? code) =>
        code is not null && Ethnicities.TryParse(code, out var e) ? e.Name : "";

    public async Task<IActionResult> OnGetAsync(int id)
    {
        var batch = await db.BatchesOf(User).AsNoTracking().Include(b => b.History).SingleOrDefaultAsync(b => b.Id == id);
        if (batch is null)
        {
            return NotFound();
        }

        await ShowAsync(batch);
        var persons = db.Persons.AsNoTracking().Where(p => p.BatchId == id);
        PersonCount = await persons.CountAsync();
        WithErrors = await persons.CountAsync(p => p.ErrorCount > 0);
        Persons = await persons.OrderBy(p => p.SourceRow ?? int.MaxValue).ThenBy(p => p.Id).Take(ListedPersons).ToListAsync();
        SameNames = (await persons.GroupBy(p => p.Name).Where(g => g.Count() > 1).OrderBy(g => g.Key)
            .Select(g => new { g.Key, Count = g.Count() }).Take(11).ToListAsync()).Select(g => (g.Key, g.Count)).ToList();
        return Page();
    }

    /// <summary>The roster template, prefilled with the unit's register.</summary>
    public async Task<IActionResult> OnGetTemplateAsync(int id)
    {
        var batch = await db.BatchesOf(User).AsNoTracking().SingleOrDefaultAsync(b => b.Id == id);
        if (batch is null)
        {
            return NotFound();
        }

        var unit = await db.Units.AsNoTracking().SingleAsync(u => u.Id == batch.UnitId);
        var output = await workbooks.TemplateAsync(batch, User.ActorName(), HttpContext.RequestAborted);
        return File(output, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"社保卡信息采集-{unit.Number}.xlsx");
    }

    public async Task<IActionResult> OnPostUploadAsync(int id, IFormFile? roster, CancellationToken ct)
    {
        var batch = await db.BatchesOf(User).SingleOrDefaultAsync(b => b.Id == id, ct);
        if (batch is null)
        {
            return NotFound();
        }

        if (roster is null || roster.Length == 0)
        {
            TempData["Error"] = "请选择要上传的花名册文件（.xlsx、.xls 或 .csv）。";
            return Redirect($"/Unit/Batches/Details/{id}");
        }

        using var slot = await throttle.TryEnterAsync(ct);
        if (slot is null)
        {
            return Busy(id);
        }

        // A file over the limit goes in too: it is recorded as refused (FILE_TOO_LARGE) and shown on the check page.
        await using var content = FormFiles.OpenSeekable(roster);
        var imported = await import.ImportAsync(batch, roster.FileName, content, User.ActorName(), ct);
        if (imported.Value is not { } stored)
        {
            TempData["Error"] = imported.Error;
            return Redirect($"/Unit/Batches/Details/{id}");
        }

        return Redirect($"/Unit/Batches/Check/{id}?upload={stored.Upload.Id}");
    }

    /// <summary>Bulk photos: several .jpg files and/or .zip archives, matched to persons by file name.</summary>
    public async Task<IActionResult> OnPostUploadPhotosAsync(int id, List<IFormFile> photos, CancellationToken ct)
    {
        var batch = await db.BatchesOf(User).SingleOrDefaultAsync(b => b.Id == id, ct);
        if (batch is null)
        {
            return NotFound();
        }

        using var slot = await throttle.TryEnterAsync(ct);
        if (slot is null)
        {
            return Busy(id);
        }

        var imported = await photoService.ImportUploadAsync(batch, photos, User.ActorName(), ct);
        if (imported.Value is not { } stored)
        {
            TempData["Error"] = imported.Error;
            return Redirect($"/Unit/Batches/Details/{id}");
        }

        return Redirect($"/Unit/Batches/Photos/{id}?upload={stored.Upload.Id}");
    }

    /// <summary>The summary table to print, seal and take to the hall: once the batch is declared.</summary>
    public async Task<IActionResult> OnGetSummaryAsync(int id, [FromServices] Documents.SummaryTables tables, CancellationToken ct)
    {
        var batch = await db.BatchesOf(User).AsNoTracking().SingleOrDefaultAsync(b => b.Id == id, ct);
        if (batch is null)
        {
            return NotFound();
        }

        var printed = await tables.PrintAsync(batch, User.ActorName(), ct);
        if (printed.Value is not { } summary)
        {
            TempData["Error"] = printed.Error;
            return Redirect($"/Unit/Batches/Details/{id}");
        }

        return File(summary.Pdf, "application/pdf", $"汇总表-{batch.Id}-{summary.Digest}.pdf");
    }

    public Task<IActionResult> OnPostDeclareAsync(int id, Guid version, CancellationToken ct) =>
        TransitionAsync(id, () => actions.DeclareAsync(id, version, User.ActorName(), ct), "批次已申报。请打印汇总表，加盖单位公章后送交采集点。", ct);

    public Task<IActionResult> OnPostWithdrawAsync(int id, Guid version, CancellationToken ct) =>
        TransitionAsync(id, () => actions.WithdrawAsync(id, version, User.ActorName(), ct), "已撤销申报。改正后请重新申报。", ct);

    public async Task<IActionResult> OnPostDeletePersonAsync(int id, int personId, CancellationToken ct)
    {
        if (!await db.BatchesOf(User).AnyAsync(b => b.Id == id, ct) || !await db.PersonsOf(User).AnyAsync(p => p.Id == personId && p.BatchId == id, ct))
        {
            return NotFound();
        }

        var result = await persons.DeleteAsync(id, personId, User.ActorName(), ct);
        TempData[result.Succeeded ? "Notice" : "Error"] = result.Succeeded ? $"已删除 {result.Value}。" : result.Error;
        return Redirect($"/Unit/Batches/Details/{id}");
    }

    private async Task<IActionResult> TransitionAsync(int id, Func<Task<Result>> transition, string success, CancellationToken ct)
    {
        if (!await db.BatchesOf(User).AnyAsync(b => b.Id == id, ct))
        {
            return NotFound();
        }

        var result = await transition();
        TempData[result.Succeeded ? "Notice" : "Error"] = result.Succeeded ? success : result.Error;
        return Redirect($"/Unit/Batches/Details/{id}");
    }

    /// <summary>No import slot freed up in time (<see cref="ImportThrottle"/>): nothing was changed, try again later.</summary>
    private RedirectResult Busy(int id)
    {
        TempData["Error"] = ImportThrottle.BusyMessage;
        return Redirect($"/Unit/Batches/Details/{id}");
    }

    private async Task ShowAsync(CollectionBatch batch)
    {
        Batch = batch;
        var unit = await db.Units.AsNoTracking().SingleAsync(u => u.Id == batch.UnitId);
        UnitName = unit.Name;
        UnitNumber = unit.Number;
        ProfileMissing = Core.Units.UnitProfile.Missing(unit);
    }
}
