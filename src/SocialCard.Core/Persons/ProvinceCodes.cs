namespace SocialCard.Core.Persons;

/// <summary>The two-digit province-level codes that can start a citizen ID number (GB/T 2260 plus 81–83 for residence permits).</summary>
internal static class ProvinceCodes
{
    private static readonly HashSet<string> Codes =
    [
        "11", "12", "13", "14", "15",
        "21", "22", "23",
        "31", "32", "33", "34", "35", "36", "37",
        "41", "42", "43", "44", "45", "46",
        "50", "51", "52", "53", "54",
        "61", "62", "63", "64", "65",
        "71",
        "81", "82", "83",
    ];

    public static bool IsProvince(ReadOnlySpan<char> twoDigits) =>
        twoDigits.Length == 2 && Codes.Contains(twoDigits.ToString());
}
