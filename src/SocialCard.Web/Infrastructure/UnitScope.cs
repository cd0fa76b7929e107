using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using SocialCard.Core.Batches;
using SocialCard.Core.Persons;
using SocialCard.Data;
using SocialCard.Web.Infrastructure;

namespace SocialCard.Web.Infrastructure;

/// <summary>
/// The only way unit pages reach batches and persons: always filtered by the signed-in clerk's unit,
/// so another unit's records are not found (404) rather than forbidden.
/// </summary>
public static class UnitScope
{
    public static int RequireUnitId(this ClaimsPrincipal user) =>
        user.UnitId() ?? throw new InvalidOperationException("The Unit policy admits only accounts with a unit.");

    public static IQueryable<CollectionBatch> BatchesOf(this AppDbContext db, ClaimsPrincipal user)
    {
        var unitId = user.RequireUnitId();
        return db.Batches.Where(b => b.UnitId == unitId);
    }

    public static IQueryable<InsuredPerson> PersonsOf(this AppDbContext db, ClaimsPrincipal user)
    {
        var unitId = user.RequireUnitId();
        return db.Persons.Where(p => p.UnitId == unitId);
    }
}
