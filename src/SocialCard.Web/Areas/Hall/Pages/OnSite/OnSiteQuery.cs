using System.Security.Claims;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using SocialCard.Core.Persons;
using SocialCard.Core.Review;
using SocialCard.Data;
using SocialCard.Web.Infrastructure;

namespace SocialCard.Web.Areas.Hall.Pages.OnSite;

public sealed record HallOption(int Id, string Name, string? Address);

/// <summary>One person to photograph on site, as the list and the printed day list show them (ID masked).</summary>
public sealed record OnSiteRow(
    int Id,
    string Name,
    string MaskedIdNumber,
    string UnitName,
    int BatchId,
    string BatchTitle,
    string? Phone,
    string? Reason,
    DateOnly? Date,
    int? HallId,
    string? HallName,
    DateTimeOffset? TakenAt);

/// <summary>The queries the on-site photo pages share: always scoped to the units of the staff member's hall.</summary>
public static class OnSiteQuery
{
    public const string ListPath = "/Hall/OnSite";

    /// <summary>
    /// Persons marked for an on-site photo, taken or not, of the hall's units or scheduled at this hall by another
    /// (through <see cref="HallScope.OnSitePersonsOf"/>).
    /// </summary>
    public static IQueryable<InsuredPerson> MarkedPersons(AppDbContext db, ClaimsPrincipal user) =>
        db.OnSitePersonsOf(user).AsNoTracking();

    public static async Task<IReadOnlyList<HallOption>> HallsAsync(AppDbContext db, CancellationToken ct) =>
        await db.Halls.AsNoTracking().OrderBy(h => h.Code).Select(h => new HallOption(h.Id, h.Name, h.Address)).ToListAsync(ct);

    /// <summary>The rows of <paramref name="persons"/>: unscheduled first, then by date, unit and roster order.</summary>
    public static async Task<IReadOnlyList<OnSiteRow>> RowsAsync(AppDbContext db, IQueryable<InsuredPerson> persons, IReadOnlyList<HallOption> halls, CancellationToken ct)
    {
        var rows = await (
            from p in persons
            join u in db.Units on p.UnitId equals u.Id
            join b in db.Batches on p.BatchId equals b.Id
            select new { p.Id, p.Name, p.IdNumber, Unit = u.Name, BatchId = b.Id, Batch = b.Title, p.Phone, p.HallMarkReason, p.OnSitePhotoDate, p.OnSitePhotoHallId, p.OnSitePhotoTakenAt, p.SourceRow })
            .ToListAsync(ct);
        var hallNames = halls.ToDictionary(h => h.Id, h => h.Name);
        return [.. rows
            .OrderBy(r => r.OnSitePhotoDate is not null).ThenBy(r => r.OnSitePhotoDate).ThenBy(r => r.Unit, StringComparer.Ordinal).ThenBy(r => r.SourceRow ?? int.MaxValue).ThenBy(r => r.Id)
            .Select(r => new OnSiteRow(
                r.Id, r.Name, CitizenId.Mask(r.IdNumber), r.Unit, r.BatchId, r.Batch, r.Phone, r.HallMarkReason, r.OnSitePhotoDate, r.OnSitePhotoHallId,
                r.OnSitePhotoHallId is { } h ? hallNames.GetValueOrDefault(h) : null, r.OnSitePhotoTakenAt))];
    }

    /// <summary>The list's filters as query values (empty ones left out).</summary>
    public static Dictionary<string, string> Filters(string? status, DateOnly? date, bool unscheduled, int? hall)
    {
        var filters = new Dictionary<string, string>(StringComparer.Ordinal);
        if (status == "taken")
        {
            filters["status"] = status;
        }

        if (unscheduled)
        {
            filters["unscheduled"] = "true";
        }

        if (date is { } d)
        {
            filters["date"] = d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        }

        if (hall is { } h)
        {
            filters["hall"] = h.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return filters;
    }

    public static string ListUrl(IDictionary<string, string> filters) =>
        QueryHelpers.AddQueryString(ListPath, filters.Select(f => new KeyValuePair<string, string?>(f.Key, f.Value)));
}
