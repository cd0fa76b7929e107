using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using SocialCard.Data;

namespace SocialCard.Web.Infrastructure;

/// <summary>Puts the account's unit or hall and display name into the auth cookie.</summary>
public sealed class ClaimsFactory(UserManager<AppUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<AppUser, IdentityRole>(users, roles, options)
{
    public const string UnitIdClaim = "socialcard:unit";
    public const string HallIdClaim = "socialcard:hall";
    public const string DisplayNameClaim = "socialcard:display";

    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        if (user.UnitId is { } unitId)
        {
            identity.AddClaim(new Claim(UnitIdClaim, unitId.ToString(CultureInfo.InvariantCulture)));
        }

        if (user.HallId is { } hallId)
        {
            identity.AddClaim(new Claim(HallIdClaim, hallId.ToString(CultureInfo.InvariantCulture)));
        }

        identity.AddClaim(new Claim(DisplayNameClaim, user.DisplayName));
        return identity;
    }
}

public static class PrincipalExtensions
{
    /// <summary>The clerk's own unit; every unit page filters by it, so another unit's data is simply not found.</summary>
    public static int? UnitId(this ClaimsPrincipal user) => ReadInt(user, ClaimsFactory.UnitIdClaim);

    public static int? HallId(this ClaimsPrincipal user) => ReadInt(user, ClaimsFactory.HallIdClaim);

    public static string DisplayName(this ClaimsPrincipal user) =>
        user.FindFirstValue(ClaimsFactory.DisplayNameClaim) is { Length: > 0 } name ? name : user.Identity?.Name ?? "";

    /// <summary>How the actor is written in histories and the audit log.</summary>
    public static string ActorName(this ClaimsPrincipal user) => $"{user.Identity?.Name}（{user.DisplayName()}）";

    private static int? ReadInt(ClaimsPrincipal user, string type) =>
        int.TryParse(user.FindFirstValue(type), NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : null;
}
