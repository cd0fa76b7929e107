using System.Collections.Frozen;
using System.Globalization;

namespace SocialCard.Core.Persons;

/// <summary>
/// GB/T 2260 division codes read from a CSV of <c>year,code,name</c> rows (one row per code per year).
/// The table is the union over all years: an abolished code stays valid, because ID numbers issued
/// under it are still in use. <see cref="NameOf"/> gives the name of the latest year listed.
/// </summary>
public sealed class Gb2260RegionTable : IRegionTable
{
    private readonly FrozenDictionary<string, string> _names;

    private Gb2260RegionTable(FrozenDictionary<string, string> names) => _names = names;

    /// <summary>Number of distinct codes.</summary>
    public int Count => _names.Count;

    /// <summary>Reads a UTF-8 CSV file. Throws (a deployment error, not a user error) when the file is missing or malformed.</summary>
    public static Gb2260RegionTable Load(string csvPath) => FromLines(File.ReadLines(csvPath));

    /// <summary>
    /// Parses <c>year,code,name</c> lines. An optional header line (one whose first field is not a number)
    /// and blank lines are skipped; any other line that does not parse throws <see cref="FormatException"/>.
    /// </summary>
    public static Gb2260RegionTable FromLines(IEnumerable<string> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var latest = new Dictionary<string, (int Year, string Name)>(StringComparer.Ordinal);
        var lineNumber = 0;
        foreach (var line in lines)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            var fields = line.Split(',', 3);
            if (!int.TryParse(Unquote(fields[0]), NumberStyles.None, CultureInfo.InvariantCulture, out var year))
            {
                if (lineNumber == 1)
                {
                    continue; // header
                }

                throw new FormatException($"GB2260 table line {lineNumber}: the year is not a number: \"{line}\"");
            }

            var code = fields.Length > 1 ? Unquote(fields[1]) : "";
            if (!IsSixDigits(code))
            {
                throw new FormatException($"GB2260 table line {lineNumber}: the code is not 6 digits: \"{line}\"");
            }

            var name = fields.Length > 2 ? Unquote(fields[2]) : "";
            if (!latest.TryGetValue(code, out var known) || year >= known.Year)
            {
                latest[code] = (year, name);
            }
        }

        return new Gb2260RegionTable(latest.ToFrozenDictionary(p => p.Key, p => p.Value.Name, StringComparer.Ordinal));
    }

    public bool Contains(string sixDigitCode) => sixDigitCode is not null && _names.ContainsKey(sixDigitCode);

    public string? NameOf(string sixDigitCode) =>
        sixDigitCode is not null && _names.TryGetValue(sixDigitCode, out var name) ? name : null;

    private static string Unquote(string field) => field.Trim().Trim('"', '\uFEFF').Trim();

    private static bool IsSixDigits(string s) => s.Length == 6 && s.All(char.IsAsciiDigit);
}
