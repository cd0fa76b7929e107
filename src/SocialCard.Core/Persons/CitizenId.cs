using System.Globalization;

namespace SocialCard.Core.Persons;

/// <summary>
/// A citizen ID number (公民身份号码, GB 11643-1999) that is known to be valid: 18 characters, the last a digit
/// or upper-case X, a real birth date, a province code and a correct check character. Obtain one through
/// <see cref="Parse"/>, which reports why text is not a valid ID instead of throwing.
/// </summary>
public sealed class CitizenId : IEquatable<CitizenId>
{
    private static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    private const string CheckCharacters = "10X98765432";

    internal CitizenId(string value)
    {
        Value = value;
        RegionCode = value[..6];
        BirthDate = DateOnly.ParseExact(value.AsSpan(6, 8), "yyyyMMdd", CultureInfo.InvariantCulture);
        Sex = (value[16] - '0') % 2 == 1 ? Sex.Male : Sex.Female;
        Masked = Mask(value);
    }

    /// <summary>The full 18-character number. Do not log it; use <see cref="Masked"/>.</summary>
    public string Value { get; }

    public DateOnly BirthDate { get; }

    public Sex Sex { get; }

    /// <summary>The first 6 digits (for a foreigner's permanent residence number: 9, province code of issue, nationality code).</summary>
    public string RegionCode { get; }

    /// <summary>First 6 and last 4 characters, the rest as '*': <c>430111********0576</c>.</summary>
    public string Masked { get; }

    /// <summary>
    /// Masks any ID-like text: text of 15 or more characters keeps its first 6 and last 4 characters
    /// (18 → 8 asterisks, 15 → 5); shorter text becomes all asterisks; null or blank becomes "".
    /// </summary>
    public static string Mask(string? anyIdText)
    {
        var text = anyIdText?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        if (text.Length < 15)
        {
            return new string('*', text.Length);
        }

        return string.Concat(text.AsSpan(0, 6), new string('*', text.Length - 10), text.AsSpan(text.Length - 4));
    }

    /// <summary>
    /// Parses text as typed or imported: full-width characters, spaces and a lower-case x are corrected
    /// (<c>ID_NORMALIZED</c>); every problem is a finding. The six-digit region code is looked up in
    /// <paramref name="regions"/>, by default <see cref="Gb2260RegionTable.BuiltIn"/>; <paramref name="today"/>
    /// defaults to the current date in China.
    /// </summary>
    public static CitizenIdParseResult Parse(string? raw, IRegionTable? regions = null, DateOnly? today = null) =>
        CitizenIdParser.Parse(raw, regions ?? Gb2260RegionTable.BuiltIn, today ?? ChinaClock.Today);

    /// <summary>The ISO 7064 MOD 11-2 check character ("0"–"9" or "X") for 17 ASCII digits.</summary>
    /// <exception cref="ArgumentException">The input is not exactly 17 ASCII digits (a programming error).</exception>
    public static string ComputeCheckCharacter(string first17Digits)
    {
        ArgumentNullException.ThrowIfNull(first17Digits);
        if (first17Digits.Length != 17 || !first17Digits.All(char.IsAsciiDigit))
        {
            throw new ArgumentException("Expected exactly 17 ASCII digits.", nameof(first17Digits));
        }

        return CheckCharacter(first17Digits).ToString();
    }

    /// <summary>
    /// The check character for the first 17 characters of <paramref name="id"/>, which the caller has checked are
    /// ASCII digits; allocation-free, for callers that build or test many numbers.
    /// </summary>
    internal static char CheckCharacter(ReadOnlySpan<char> id)
    {
        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            sum += (id[i] - '0') * Weights[i];
        }

        return CheckCharacters[sum % 11];
    }

    public bool Equals(CitizenId? other) => other is not null && string.Equals(Value, other.Value, StringComparison.Ordinal);

    public override bool Equals(object? obj) => Equals(obj as CitizenId);

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Value);

    /// <summary>The masked number, so that string interpolation never leaks the full number by accident.</summary>
    public override string ToString() => Masked;
}
