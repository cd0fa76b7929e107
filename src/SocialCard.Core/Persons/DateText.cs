using System.Globalization;
using System.Text.RegularExpressions;

namespace SocialCard.Core.Persons;

/// <summary>Reads a date the ways clerks and spreadsheets write it.</summary>
public static partial class DateText
{
    // Excel's day 0 for serials from 61 on; its day 60 is the non-existent 1900-02-29.
    private static readonly DateOnly ExcelEpoch = new(1899, 12, 30);

    /// <summary>
    /// Accepts <c>yyyy-MM-dd</c>, <c>yyyy/M/d</c>, <c>yyyy.M.d</c>, <c>yyyy年M月d日</c> (optionally followed by a time
    /// of day, as a spreadsheet date converted to text is), <c>yyyyMMdd</c>, and an Excel serial date number
    /// of up to 5 digits (<c>32874</c> = 1990-01-01, a fraction is a time of day and ignored).
    /// Full-width digits and surrounding spaces are tolerated. Does not judge whether the date is plausible.
    /// </summary>
    public static bool TryParse(string? text, out DateOnly date)
    {
        date = default;
        var s = string.Concat((text ?? "").Trim().Select(c => c is >= '\uFF01' and <= '\uFF5E' ? (char)(c - 0xFEE0) : c));
        if (Separated().Match(s) is { Success: true } m)
        {
            return TryCreate(m.Groups["y"].Value, m.Groups["m"].Value, m.Groups["d"].Value, out date);
        }

        if (Compact().IsMatch(s))
        {
            return TryCreate(s[..4], s[4..6], s[6..], out date);
        }

        if (ExcelSerial().Match(s) is { Success: true } serial)
        {
            var days = int.Parse(serial.Groups["days"].Value, CultureInfo.InvariantCulture);
            if (days is < 1 or 60)
            {
                return false;
            }

            date = ExcelEpoch.AddDays(days < 60 ? days + 1 : days);
            return true;
        }

        return false;
    }

    private static bool TryCreate(string y, string m, string d, out DateOnly date)
    {
        date = default;
        var year = int.Parse(y, CultureInfo.InvariantCulture);
        var month = int.Parse(m, CultureInfo.InvariantCulture);
        var day = int.Parse(d, CultureInfo.InvariantCulture);
        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }

        date = new DateOnly(year, month, day);
        return true;
    }

    [GeneratedRegex(@"^(?<y>[0-9]{4})(?:(?<sep>[-/.])(?<m>[0-9]{1,2})\k<sep>(?<d>[0-9]{1,2})|年(?<m>[0-9]{1,2})月(?<d>[0-9]{1,2})日)(?:[ T][0-9]{1,2}:[0-9]{2}(?::[0-9]{2}(?:\.[0-9]+)?)?)?$")]
    private static partial Regex Separated();

    [GeneratedRegex("^[0-9]{8}$")]
    private static partial Regex Compact();

    [GeneratedRegex(@"^(?<days>[0-9]{1,5})(?:\.[0-9]+)?$")]
    private static partial Regex ExcelSerial();
}
