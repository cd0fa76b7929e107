using System.Security.Claims;
using SocialCard.Core.Batches;
using SocialCard.Core.Persons;
using SocialCard.Core.Review;
using SocialCard.Data;

namespace SocialCard.Web.Infrastructure;

/// <summary>
/// The only way hall pages reach batches and persons: always filtered to the units assigned to the signed-in
/// staff member's hall, so another hall's records are not found (404) rather than forbidden.
/// </summary>
public static class HallScope
{
    public static int RequireHallId(this ClaimsPrincipal user) =>
        user.HallId() ?? throw new InvalidOperationException("The Hall policy admits only accounts with a hall.");

    public static IQueryable<CollectionBatch> HallBatchesOf(this AppDbContext db, ClaimsPrincipal user)
    {
        var hallId = user.RequireHallId();
        return db.Batches.Where(b => db.Units.Any(u => u.Id == b.UnitId && u.HallId == hallId));
    }

    public static IQueryable<InsuredPerson> HallPersonsOf(this AppDbContext db, ClaimsPrincipal user)
    {
        var hallId = user.RequireHallId();
        return db.Persons.Where(p => db.Units.Any(u => u.Id == p.UnitId && u.HallId == hallId));
    }

    /// <summary>
    /// The persons whose on-site photo this hall takes: those of its own units marked for one, and those of other
    /// halls' units whom their hall scheduled here (visible for the photo only: name, masked ID, reason, date).
    /// </summary>
    public static IQueryable<InsuredPerson> OnSitePersonsOf(this AppDbContext db, ClaimsPrincipal user)
    {
        var hallId = user.RequireHallId();
        return db.Persons.Where(p => p.HallMark == HallMark.OnSitePhoto
            && (db.Units.Any(u => u.Id == p.UnitId && u.HallId == hallId) || p.OnSitePhotoHallId == hallId));
    }
}
