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
public sealed class DetailsModel(AppDbContext db, AuditLog audit, BatchActions actions, RosterImport import, RosterSettings rosterSettings, PhotoService photoService, PhotoSettings photoSettings, ImportThrottle throttle, PersonWrites persons, RosterWorkbooks workbooks) : PageModel
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

    /// <summary>The largest roster upload, checked in the browser before sending (the server checks again).</summary>
    public long RosterMaxBytes => rosterSettings.MaxBytes;

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
        var (output, rows, completed) = await workbooks.TemplateAsync(batch, HttpContext.RequestAborted);
        audit.Record(User, "DownloadTemplate", "Batch", batch.Id, batch.UnitId, new { Prefilled = rows, Completed = completed });
        await db.SaveChangesAsync();
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

        if (roster.Length > rosterSettings.MaxBytes)
        {
            TempData["Error"] = $"文件太大（{FileSizes.Describe(roster.Length)}），上限为 {FileSizes.Describe(rosterSettings.MaxBytes)}。请分成几个文件上传。批次未作任何改动。";
            return Redirect($"/Unit/Batches/Details/{id}");
        }

        using var slot = await throttle.TryEnterAsync(ct);
        if (slot is null)
        {
            return Busy(id);
        }

        var outcome = await import.ImportAsync(batch, roster.FileName, await FormFiles.ReadAllBytesAsync(roster, ct), User.ActorName(), ct);
        if (outcome.Upload is null)
        {
            TempData["Error"] = outcome.Refusal;
            return Redirect($"/Unit/Batches/Details/{id}");
        }

        return Redirect($"/Unit/Batches/Check/{id}?upload={outcome.Upload.Id}");
    }

    /// <summary>Bulk photos: several .jpg files and/or .zip archives, matched to persons by file name.</summary>
    public async Task<IActionResult> OnPostUploadPhotosAsync(int id, List<IFormFile> photos, CancellationToken ct)
    {
        var batch = await db.BatchesOf(User).SingleOrDefaultAsync(b => b.Id == id, ct);
        if (batch is null)
        {
            return NotFound();
        }

        var editable = batch.CheckEditable();
        if (!editable.Succeeded || photos.Count == 0)
        {
            TempData["Error"] = editable.Error ?? "请选择要上传的照片或压缩包。";
            return Redirect($"/Unit/Batches/Details/{id}");
        }

        if (photos.Sum(f => f.Length) > photoSettings.MaxUploadMegabytes * 1024L * 1024)
        {
            TempData["Error"] = $"一次上传不能超过 {photoSettings.MaxUploadMegabytes} MB，请分几次上传。照片一张也没有保存。";
            return Redirect($"/Unit/Batches/Details/{id}");
        }

        using var slot = await throttle.TryEnterAsync(ct);
        if (slot is null)
        {
            return Busy(id);
        }

        var files = new List<PhotoUploadFile>();
        foreach (var upload in photos)
        {
            if (Path.GetExtension(upload.FileName).Equals(".zip", StringComparison.OrdinalIgnoreCase))
            {
                // Read in place from the form reader's temporary file, not copied into memory first.
                await using var zip = FormFiles.OpenSeekable(upload);
                var (entries, refusal) = PhotoArchive.ReadZip(zip, photoSettings.ArchiveLimits);
                if (refusal is not null)
                {
                    TempData["Error"] = $"{Path.GetFileName(upload.FileName)}：{refusal}";
                    return Redirect($"/Unit/Batches/Details/{id}");
                }

                files.AddRange(entries);
            }
            else
            {
                files.Add(new PhotoUploadFile(Path.GetFileName(upload.FileName), await FormFiles.ReadAllBytesAsync(upload, ct), null));
            }
        }

        var name = photos.Count == 1 ? Path.GetFileName(photos[0].FileName) : $"{photos.Count} 个文件";
        var (stored, report) = await photoService.ImportAsync(batch, name, files, User.ActorName(), ct);
        if (stored is null)
        {
            TempData["Error"] = $"{report.Refusal} 照片一张也没有保存。";
            return Redirect($"/Unit/Batches/Details/{id}");
        }

        return Redirect($"/Unit/Batches/Photos/{id}?upload={stored.Id}");
    }

    /// <summary>The summary table to print, seal and take to the hall: once the batch is declared.</summary>
    public async Task<IActionResult> OnGetSummaryAsync(int id, [FromServices] Documents.SummaryTables tables, CancellationToken ct)
    {
        var batch = await db.BatchesOf(User).AsNoTracking().SingleOrDefaultAsync(b => b.Id == id, ct);
        if (batch is null)
        {
            return NotFound();
        }

        if (batch.Status is not (BatchStatus.Declared or BatchStatus.Accepted))
        {
            TempData["Error"] = "申报后才能打印汇总表：请先申报此批次。";
            return Redirect($"/Unit/Batches/Details/{id}");
        }

        var (pdf, digest) = await tables.WriteAsync(batch, ct);
        audit.Record(User, "PrintSummaryTable", "Batch", batch.Id, batch.UnitId, new { Digest = digest });
        await db.SaveChangesAsync(ct);

        // The hall finds the batch by the printed digest. Not a change of the batch: its version stays.
        var printedAt = HttpContext.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();
        await db.Batches.Where(b => b.Id == batch.Id)
            .ExecuteUpdateAsync(u => u.SetProperty(b => b.SummaryDigest, digest).SetProperty(b => b.SummaryPrintedAt, printedAt), ct);
        return File(pdf, "application/pdf", $"汇总表-{batch.Id}-{digest}.pdf");
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
