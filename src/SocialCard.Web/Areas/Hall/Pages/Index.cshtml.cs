using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using SocialCard.Core.Batches;
using SocialCard.Core.Review;
using SocialCard.Data;
using SocialCard.Web.Infrastructure;

namespace SocialCard.Web.Areas.Hall.Pages;

/// <summary>The hall's work queue: declared batches of the units assigned to this hall (oldest first), then recently accepted ones.</summary>
public sealed class IndexModel(AppDbContext db, TimeProvider clock) : PageModel
{
    public const int RecentAccepted = 50;

    public string HallName { get; private set; } = "";

    public IReadOnlyList<QueueRow> Batches { get; private set; } = [];

    public IReadOnlyList<QueueRow> Accepted { get; private set; } = [];

    public DateTimeOffset Now { get; private set; }

    public async Task OnGetAsync()
    {
        var hallId = User.RequireHallId();
        Now = clock.GetUtcNow();
        ViewData["Now"] = Now;
        HallName = await db.Halls.Where(h => h.Id == hallId).Select(h => h.Name).SingleAsync();
        Batches = await Rows(db.HallBatchesOf(User).Where(b => b.Status == BatchStatus.Declared).OrderBy(b => b.DeclaredAt)).ToListAsync();
        Accepted = await Rows(db.HallBatchesOf(User).Where(b => b.Status == BatchStatus.Accepted).OrderByDescending(b => b.Id).Take(RecentAccepted)).ToListAsync();
    }

    private IQueryable<QueueRow> Rows(IQueryable<CollectionBatch> batches) => batches.Select(b => new QueueRow(
        b.Id,
        b.Unit!.Number,
        b.Unit.Name,
        b.Title,
        b.Status,
        b.Persons.Count,
        db.Comparisons.Count(c => c.BatchId == b.Id),
        db.Comparisons.Count(c => c.BatchId == b.Id && c.Outcome != ComparisonOutcome.Matched),
        b.Persons.Count(p => p.HallMark != HallMark.None),
        b.Persons.Count(p => p.ErrorCount > 0 || p.WarningCount > 0),
        b.DeclaredAt));

    /// <summary>How long a batch has waited, in words ("3 天", "5 小时").</summary>
    public static string Age(DateTimeOffset now, DateTimeOffset? declaredAt)
    {
        if (declaredAt is null)
        {
            return "";
        }

        var age = now - declaredAt.Value;
        return age.TotalDays >= 1 ? $"{(int)age.TotalDays} 天" : age.TotalHours >= 1 ? $"{(int)age.TotalHours} 小时" : $"{Math.Max(0, (int)age.TotalMinutes)} 分钟";
    }

    public sealed record QueueRow(
        int Id,
        string UnitNumber,
        string UnitName,
        string Title,
        BatchStatus Status,
        int Persons,
        int Compared,
        int NotMatched,
        int Marked,
        int WithFindings,
        DateTimeOffset? DeclaredAt);
}
