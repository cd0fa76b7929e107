using System.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using SocialCard.Core.Batches;
using SocialCard.Core.Documents;
using SocialCard.Data;
using SocialCard.Web.Documents;
using SocialCard.Web.Infrastructure;

namespace SocialCard.Web.Areas.Hall.Pages;

/// <summary>
/// 核对汇总表: the code printed on a sealed summary table (typed, or scanned from its QR code into the box) opens the
/// batch it belongs to, if the batch still holds exactly the data that was printed.
/// </summary>
public sealed class LookupModel(AppDbContext db, SummaryTables tables) : PageModel
{
    public const string QrPrefix = "SOCIALCARD|";

    public string? Code { get; private set; }

    public string? Problem { get; private set; }

    /// <summary>The batch found when its data changed after printing (the page links to it).</summary>
    public CollectionBatch? ChangedBatch { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? code, CancellationToken ct)
    {
        Code = code?.Trim();
        if (string.IsNullOrEmpty(Code))
        {
            return Page();
        }

        var (batchId, digest) = Parse(Code);
        if (digest is null)
        {
            Problem = $"无法识别“{Truncate(Code)}”。请输入汇总表上的 16 位校验码（如 3F2A-91C0-5B7E-0D14），或用扫码枪扫描汇总表上的二维码。";
            return Page();
        }

        var scope = db.HallBatchesOf(User).AsNoTracking();
        var batch = batchId is { } id
            ? await scope.SingleOrDefaultAsync(b => b.Id == id, ct)
            : await scope.Where(b => b.SummaryDigest == digest).OrderByDescending(b => b.SummaryPrintedAt).FirstOrDefaultAsync(ct);
        if (batch is null)
        {
            Problem = "未找到与该校验码对应的批次：请确认汇总表属于本采集点所辖单位，且单位已在平台上打印该汇总表。";
            return Page();
        }

        var (matches, current) = await tables.VerifyAsync(batch, digest, User.ActorName(), ct);
        if (!matches)
        {
            ChangedBatch = batch;
            Problem = $"汇总表与批次“{batch.Title}”的当前数据不一致：打印后批次已被修改（当前校验码 {BatchDigest.Format(current)}）。请单位重新打印汇总表、加盖公章后再送交。";
            return Page();
        }

        TempData["Notice"] = $"汇总表校验码 {BatchDigest.Format(digest)} 与批次数据一致。";
        return Redirect($"/Hall/Batches/Details/{batch.Id}");
    }

    /// <summary>
    /// A QR payload <c>SOCIALCARD|unit|batch|digest</c> gives the batch and digest; a typed code gives the digest
    /// (hex digits, any separators or case). Null digest: not a code.
    /// </summary>
    public static (int? BatchId, string? Digest) Parse(string code)
    {
        if (code.StartsWith(QrPrefix, StringComparison.OrdinalIgnoreCase))
        {
            var parts = code.Split('|');
            return parts.Length == 4 && int.TryParse(parts[2], out var id) && NormaliseDigest(parts[3]) is { } d ? (id, d) : (null, null);
        }

        return (null, NormaliseDigest(code));
    }

    private static string? NormaliseDigest(string text)
    {
        var hex = new StringBuilder(BatchDigest.Length);
        foreach (var ch in text)
        {
            if (char.IsAsciiHexDigit(ch))
            {
                hex.Append(char.ToUpperInvariant(ch));
            }
            else if (ch is not ('-' or ' ' or '\t'))
            {
                return null;
            }
        }

        return hex.Length == BatchDigest.Length ? hex.ToString() : null;
    }

    private static string Truncate(string s) => s.Length <= 40 ? s : s[..40] + "…";
}
