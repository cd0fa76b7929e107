using Microsoft.AspNetCore.Identity;

namespace SocialCard.Data;

/// <summary>
/// A portal account. A unit clerk has <see cref="UnitId"/> and logs in with the unit number as user
/// name; hall staff have <see cref="HallId"/>; administrators have neither.
/// </summary>
public sealed class AppUser : IdentityUser
{
    public string DisplayName { get; set; } = "";

    public int? UnitId { get; set; }

    public int? HallId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
