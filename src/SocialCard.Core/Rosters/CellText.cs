using System.Globalization;

namespace SocialCard.Core.Rosters;

/// <summary>Turns a spreadsheet parser's cell value into the <see cref="RosterCell"/> the validators see.</summary>
internal static class CellText
{
    // Whole numbers below this print exactly (phones, postcodes, 15-digit IDs); a double holds
    // every integer up to 2^53 ≈ 9e15, so no digit is invented.
    private const double ExactIntegerLimit = 1e15;

    // Excel's General format in a standard-width column shows at most 11 characters and switches to
    // scientific notation with 6 significant digits beyond that: 430111199001010573 shows as 4.30111E+17.
    private const double GeneralScientificFrom = 1e11;
    private const double GeneralScientificBelow = 1e-9;

    public static RosterCell From(object? value) => value switch
    {
        null => default,
        string s => FromString(s),
        double d => Number(d),
        float f => Number(f),
        int i => new RosterCell(i.ToString(CultureInfo.InvariantCulture), WasNumeric: true),
        long l => new RosterCell(l.ToString(CultureInfo.InvariantCulture), WasNumeric: true),
        decimal m => Number((double)m),
        DateTime dt => new RosterCell(dt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), WasNumeric: true),
        TimeSpan ts => new RosterCell(ts.ToString("c", CultureInfo.InvariantCulture), WasNumeric: true),
        bool b => new RosterCell(b ? "TRUE" : "FALSE"),
        _ => FromString(Convert.ToString(value, CultureInfo.InvariantCulture)),
    };

    /// <summary>
    /// Surrounding whitespace is trimmed; an empty result is a blank cell (null text). The quote the portal's
    /// writers put before formula-like text (<see cref="SpreadsheetText.Neutralise"/>) is taken off again.
    /// </summary>
    public static RosterCell FromString(string? text)
    {
        var trimmed = SpreadsheetText.Restore(text?.Trim() ?? "").Trim();
        return string.IsNullOrEmpty(trimmed) ? default : new RosterCell(trimmed);
    }

    /// <summary>The number as Excel's General format would show it, except that whole numbers below 1e15 keep all digits.</summary>
    public static string FormatNumber(double value)
    {
        if (double.IsNaN(value) || double.IsInfinity(value))
        {
            return value.ToString(CultureInfo.InvariantCulture);
        }

        var magnitude = Math.Abs(value);
        if (magnitude < ExactIntegerLimit && Math.Floor(value) == value)
        {
            return ((long)value).ToString(CultureInfo.InvariantCulture);
        }

        if (magnitude >= GeneralScientificFrom || magnitude < GeneralScientificBelow)
        {
            return value.ToString("0.#####E+00", CultureInfo.InvariantCulture);
        }

        // A fraction: General shows about 10 significant digits, which also hides binary noise (0.30000000000000004).
        return value.ToString("G10", CultureInfo.InvariantCulture);
    }

    private static RosterCell Number(double value) => new(FormatNumber(value), WasNumeric: true);
}
