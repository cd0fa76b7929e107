using Microsoft.EntityFrameworkCore;
using SocialCard.Core.Batches;
using SocialCard.Core.Review;
using SocialCard.Data;

namespace SocialCard.Web.Dashboard;

/// <summary>
/// The progress figures of the information centre's and the halls' dashboards (issue #5 item 5). Every count is
/// a GROUP BY in the database (per unit and status or outcome); only those few grouped rows come back, and the
/// per-hall rows are their sums. Person counts cover the persons of declared and accepted batches only, since a
/// draft or returned batch is still the unit's to change.
/// </summary>
public sealed class ProgressDashboard(AppDbContext db)
{
    /// <summary>The label of units that have no hall yet.</summary>
    public const string NoHallLabel = "未指定采集点";

    /// <summary>
    /// The figures for all units (<paramref name="hallId"/> null) or only for the units whose <c>HallId</c> is
    /// <paramref name="hallId"/>; another hall's units never enter the queries.
    /// </summary>
    public async Task<ProgressReport> BuildAsync(int? hallId, CancellationToken ct = default)
    {
        var units = hallId is { } only ? db.Units.Where(u => u.HallId == only) : db.Units;
        var batches = hallId is { } scope ? db.Batches.Where(b => b.Unit!.HallId == scope) : db.Batches;
        var collected = batches.Where(b => b.Status == BatchStatus.Declared || b.Status == BatchStatus.Accepted);

        var batchGroups = await batches
            .GroupBy(b => new { b.UnitId, b.Status })
            .Select(g => new { g.Key.UnitId, g.Key.Status, Count = g.Count() })
            .ToListAsync(ct);

        var personGroups = await (
                from p in db.Persons
                join b in collected on p.BatchId equals b.Id
                group p by p.UnitId into g
                select new
                {
                    UnitId = g.Key,
                    Declared = g.Count(),
                    AwaitingPhoto = g.Count(p => p.HallMark == HallMark.OnSitePhoto && p.OnSitePhotoTakenAt == null),
                    Correction = g.Count(p => p.HallMark == HallMark.Correction),
                    Exported = g.Count(p => p.ExportId != null),
                })
            .ToListAsync(ct);

        var comparisonGroups = await (
                from c in db.Comparisons
                join b in collected on c.BatchId equals b.Id
                group c by new { b.UnitId, c.Outcome } into g
                select new { g.Key.UnitId, g.Key.Outcome, Count = g.Count() })
            .ToListAsync(ct);

        var unitRows = await units
            .Where(u => db.Batches.Any(b => b.UnitId == u.Id))
            .OrderBy(u => u.Number)
            .Select(u => new { u.Id, u.Number, u.Name, u.HallId })
            .ToListAsync(ct);
        var unitsWithoutBatches = await units.CountAsync(u => !db.Batches.Any(b => b.UnitId == u.Id), ct);
        var halls = await (hallId is { } h ? db.Halls.Where(x => x.Id == h) : db.Halls)
            .OrderBy(x => x.Code)
            .Select(x => new { x.Id, x.Code, x.Name })
            .ToListAsync(ct);

        // A unit whose first batch was created between these queries is left for the next refresh.
        var counts = unitRows.ToDictionary(u => u.Id, _ => new ProgressCounts());
        foreach (var g in batchGroups)
        {
            if (counts.TryGetValue(g.UnitId, out var c))
            {
                c.AddBatches(g.Status, g.Count);
            }
        }

        foreach (var g in personGroups)
        {
            if (counts.TryGetValue(g.UnitId, out var c))
            {
                c.Persons += g.Declared;
                c.AwaitingPhoto += g.AwaitingPhoto;
                c.Correction += g.Correction;
                c.Exported += g.Exported;
            }
        }

        foreach (var g in comparisonGroups)
        {
            if (counts.TryGetValue(g.UnitId, out var c))
            {
                c.AddComparisons(g.Outcome, g.Count);
            }
        }

        var unitProgress = unitRows
            .Select(u => new ProgressRow($"unit-{u.Id}", u.Name, u.Number, u.HallId, counts[u.Id]))
            .ToList();

        var hallProgress = halls
            .Select(x => new ProgressRow($"hall-{x.Id}", x.Name, x.Code, x.Id, ProgressCounts.Sum(unitProgress.Where(u => u.HallId == x.Id).Select(u => u.Counts))))
            .ToList();
        var withoutHall = unitProgress.Where(u => u.HallId is null).ToList();
        if (withoutHall.Count > 0)
        {
            hallProgress.Add(new ProgressRow("hall-none", NoHallLabel, null, null, ProgressCounts.Sum(withoutHall.Select(u => u.Counts))));
        }

        return new ProgressReport(hallProgress, unitProgress, ProgressCounts.Sum(unitProgress.Select(u => u.Counts)), unitsWithoutBatches);
    }
}

/// <summary>One dashboard: per hall, per unit (units with at least one batch) and in total.</summary>
public sealed record ProgressReport(IReadOnlyList<ProgressRow> Halls, IReadOnlyList<ProgressRow> Units, ProgressCounts Total, int UnitsWithoutBatches);

/// <summary>A hall or a unit: <see cref="Key"/> is stable for pages and tests (<c>unit-12</c>, <c>hall-3</c>).</summary>
public sealed record ProgressRow(string Key, string Label, string? Code, int? HallId, ProgressCounts Counts);

/// <summary>Batches by status and persons by progress.</summary>
public sealed class ProgressCounts
{
    public int DraftBatches { get; set; }

    public int DeclaredBatches { get; set; }

    public int ReturnedBatches { get; set; }

    public int AcceptedBatches { get; set; }

    public int Batches => DraftBatches + DeclaredBatches + ReturnedBatches + AcceptedBatches;

    /// <summary>Persons in declared or accepted batches.</summary>
    public int Persons { get; set; }

    /// <summary>Persons with a stored registry comparison (any outcome).</summary>
    public int Compared => Matched + Mismatched + NotFound;

    public int Matched { get; set; }

    public int Mismatched { get; set; }

    public int NotFound { get; set; }

    /// <summary>Marked for an on-site photo that has not been taken yet.</summary>
    public int AwaitingPhoto { get; set; }

    public int Correction { get; set; }

    public int Exported { get; set; }

    public static ProgressCounts Sum(IEnumerable<ProgressCounts> parts)
    {
        var sum = new ProgressCounts();
        foreach (var p in parts)
        {
            sum.DraftBatches += p.DraftBatches;
            sum.DeclaredBatches += p.DeclaredBatches;
            sum.ReturnedBatches += p.ReturnedBatches;
            sum.AcceptedBatches += p.AcceptedBatches;
            sum.Persons += p.Persons;
            sum.Matched += p.Matched;
            sum.Mismatched += p.Mismatched;
            sum.NotFound += p.NotFound;
            sum.AwaitingPhoto += p.AwaitingPhoto;
            sum.Correction += p.Correction;
            sum.Exported += p.Exported;
        }

        return sum;
    }

    public void AddBatches(BatchStatus status, int count)
    {
        switch (status)
        {
            case BatchStatus.Draft: DraftBatches += count; break;
            case BatchStatus.Declared: DeclaredBatches += count; break;
            case BatchStatus.Returned: ReturnedBatches += count; break;
            case BatchStatus.Accepted: AcceptedBatches += count; break;
            default: throw new ArgumentOutOfRangeException(nameof(status), status, "A batch status the dashboard does not know.");
        }
    }

    public void AddComparisons(ComparisonOutcome outcome, int count)
    {
        switch (outcome)
        {
            case ComparisonOutcome.Matched: Matched += count; break;
            case ComparisonOutcome.Mismatched: Mismatched += count; break;
            case ComparisonOutcome.NotFound: NotFound += count; break;
            default: throw new ArgumentOutOfRangeException(nameof(outcome), outcome, "A comparison outcome the dashboard does not know.");
        }
    }
}

/// <summary>A column of a dashboard table; <see cref="Charted"/> columns are also bars of its chart.</summary>
public sealed record ProgressColumn(string Key, string Name, Func<ProgressCounts, int> Value, bool Charted);

/// <summary>The columns of the two dashboard tables, in display order.</summary>
public static class ProgressColumns
{
    public static IReadOnlyList<ProgressColumn> Batches { get; } =
    [
        new("draft", BatchStatus.Draft.ToChinese(), c => c.DraftBatches, true),
        new("declared", BatchStatus.Declared.ToChinese(), c => c.DeclaredBatches, true),
        new("returned", BatchStatus.Returned.ToChinese(), c => c.ReturnedBatches, true),
        new("accepted", BatchStatus.Accepted.ToChinese(), c => c.AcceptedBatches, true),
        new("batches", "批次合计", c => c.Batches, false),
    ];

    public static IReadOnlyList<ProgressColumn> Persons { get; } =
    [
        new("persons", "已申报人数", c => c.Persons, true),
        new("compared", "已比对", c => c.Compared, true),
        new("matched", "比对一致", c => c.Matched, true),
        new("mismatched", "比对不一致", c => c.Mismatched, false),
        new("not-found", "库中无此人", c => c.NotFound, false),
        new("awaiting-photo", "待现场拍照", c => c.AwaitingPhoto, true),
        new("correction", "待更正", c => c.Correction, true),
        new("exported", "已报盘", c => c.Exported, true),
    ];
}

/// <summary>What the shared partial <c>_ProgressCharts</c> draws: a batch chart and a person chart, each with its table.</summary>
/// <param name="Id">Prefix of the table ids (unique on the page).</param>
/// <param name="RowHeader">What a row is (采集点, 单位).</param>
/// <param name="ShowCode">Whether the tables show the unit number or hall code.</param>
public sealed record ProgressSection(string Id, string RowHeader, bool ShowCode, IReadOnlyList<ProgressRow> Rows, ProgressCounts Total);
