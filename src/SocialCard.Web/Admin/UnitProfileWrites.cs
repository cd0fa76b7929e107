using Microsoft.EntityFrameworkCore;
using SocialCard.Core.Auditing;
using SocialCard.Core.Common;
using SocialCard.Core.Units;
using SocialCard.Data;
using SocialCard.Web.Infrastructure;

namespace SocialCard.Web.Admin;

/// <summary>The unit's clerk keeps the unit's profile (单位信息) complete: contact person, phone, e-mail, address.</summary>
public sealed class UnitProfileWrites(AppDbContext db, AuditLog audit)
{
    public const string ConflictMessage = "单位信息刚被他人修改过，您的修改未保存。请查看当前内容后重新填写。";

    /// <summary>Saves the profile if the unit is still as the clerk saw it; gives the items that changed (none: nothing saved).</summary>
    public async Task<Result<IReadOnlyList<string>>> UpdateAsync(int unitId, Guid seenVersion, UnitProfileInput input, string actor, CancellationToken ct = default)
    {
        var unit = await db.Units.SingleAsync(u => u.Id == unitId, ct);
        if (seenVersion != unit.Version)
        {
            return Result.Stale(ConflictMessage);
        }

        var check = UnitProfile.Check(input, required: true);
        if (!check.Succeeded)
        {
            return Result.Invalid(check.Errors);
        }

        IReadOnlyList<string> changed = new[]
        {
            (UnitProfile.ContactPersonLabel, unit.ContactPerson != check.ContactPerson),
            (UnitProfile.PhoneLabel, unit.Phone != check.Phone),
            (UnitProfile.EmailLabel, unit.Email != check.Email),
            (UnitProfile.AddressLabel, unit.Address != check.Address),
        }.Where(x => x.Item2).Select(x => x.Item1).ToList();
        if (changed.Count == 0)
        {
            return Result<IReadOnlyList<string>>.Ok(changed);
        }

        check.ApplyTo(unit);
        // The items changed, not their values: the audit trail need not repeat contact data.
        audit.Record(actor, AuditActions.UpdateUnitProfile, "Unit", unit.Id, unit.Id, new { Changed = changed });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Result.Stale(ConflictMessage);
        }

        return Result<IReadOnlyList<string>>.Ok(changed);
    }
}
