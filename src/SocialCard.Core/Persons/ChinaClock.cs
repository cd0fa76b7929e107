namespace SocialCard.Core.Persons;

/// <summary>"Today" as the clerk sees it: China Standard Time (UTC+8, no daylight saving).</summary>
internal static class ChinaClock
{
    public static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));
}
