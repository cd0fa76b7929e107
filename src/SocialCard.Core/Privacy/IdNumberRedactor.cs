using System.Text.RegularExpressions;
using SocialCard.Core.Persons;

namespace SocialCard.Core.Privacy;

/// <summary>
/// Masks citizen ID numbers inside free text before it is logged (docs/DOMAIN.md §9): every run of 17 digits plus a
/// digit or X/x, and every run of exactly 15 digits, that is not part of a longer run of digits becomes
/// <see cref="CitizenId.Mask"/> of itself. Full-width digits count as digits. Longer numbers (bank cards,
/// order numbers) are left alone.
/// </summary>
public static partial class IdNumberRedactor
{
    public static string Redact(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        return IdLike().Replace(text, m => CitizenId.Mask(m.Value));
    }

    [GeneratedRegex("(?<![0-9０-９])(?:[0-9０-９]{17}[0-9０-９XxＸｘ]|[0-9０-９]{15})(?![0-9０-９])")]
    private static partial Regex IdLike();
}
