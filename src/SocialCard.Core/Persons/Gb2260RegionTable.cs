using System.Collections.Frozen;
using System.Globalization;

namespace SocialCard.Core.Persons;

/// <summary>
/// GB/T 2260 administrative division codes with the years each was listed. An abolished code stays valid,
/// because ID numbers issued under it are still in use (docs/DOMAIN.md §5); <see cref="NameOf"/> gives the name
/// of the latest year listed. <see cref="BuiltIn"/> is the table shipped inside this library (1980–2020); a
/// deployment may add a newer CSV of its own with <see cref="Including"/>.
/// </summary>
public sealed class Gb2260RegionTable : IRegionTable
{
    /// <summary>Logical name of the embedded table, made by scripts/make-gb2260.py (format described there).</summary>
    internal const string ResourceName = "SocialCard.Core.Persons.Gb2260Codes.txt";

    private static readonly Lazy<Gb2260RegionTable> BuiltInTable = new(LoadBuiltIn);

    private readonly FrozenDictionary<string, Division> _divisions;

    private Gb2260RegionTable(FrozenDictionary<string, Division> divisions)
    {
        _divisions = divisions;
        LastYear = divisions.Count == 0 ? 0 : divisions.Values.Max(d => d.Years[^1].Last);
    }

    /// <summary>The codes listed 1980–2020, current and abolished, read once from the library's embedded resource.</summary>
    public static Gb2260RegionTable BuiltIn => BuiltInTable.Value;

    /// <summary>Number of distinct codes.</summary>
    public int Count => _divisions.Count;

    /// <summary>The latest year any code is listed in (0 for an empty table).</summary>
    public int LastYear { get; }

    /// <summary>Every code of the table, in no particular order.</summary>
    public IEnumerable<string> Codes => _divisions.Keys;

    /// <summary>Reads a UTF-8 CSV file (see <see cref="FromLines"/>). Throws (a deployment error, not a user error) when the file is missing or malformed.</summary>
    public static Gb2260RegionTable Load(string csvPath) => FromLines(File.ReadLines(csvPath));

    /// <summary>
    /// Parses CSV lines of <c>year,code,name</c>, one per code per year it was listed. An optional header line
    /// (one whose first field is not a number) and blank lines are skipped; any other line that does not parse
    /// throws <see cref="FormatException"/>.
    /// </summary>
    public static Gb2260RegionTable FromLines(IEnumerable<string> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var builder = new Builder();
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

            builder.Add(code, new YearRange(year, year), fields.Length > 2 ? Unquote(fields[2]) : "");
        }

        return builder.Build();
    }

    /// <summary>
    /// Parses the built-in format of scripts/make-gb2260.py: <c>code TAB years TAB name</c>, where years are
    /// comma-separated ranges (<c>1980-2009</c>) or single years; lines starting with <c>#</c> and blank lines are
    /// skipped. A line that does not parse throws <see cref="FormatException"/> with its number.
    /// </summary>
    public static Gb2260RegionTable FromCodeLines(IEnumerable<string> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var builder = new Builder();
        var lineNumber = 0;
        foreach (var line in lines)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line) || line.StartsWith('#'))
            {
                continue;
            }

            var fields = line.Split('\t');
            if (fields.Length != 3 || !IsSixDigits(fields[0]))
            {
                throw new FormatException($"GB2260 code list line {lineNumber}: expected a 6-digit code, its years and its name separated by tabs: \"{line}\"");
            }

            foreach (var part in fields[1].Split(','))
            {
                builder.Add(fields[0], ParseRange(part, lineNumber, line), fields[2]);
            }
        }

        return builder.Build();
    }

    /// <summary>This table with the codes and years of <paramref name="other"/> added; a name comes from the table that lists the code later.</summary>
    public Gb2260RegionTable Including(Gb2260RegionTable other)
    {
        ArgumentNullException.ThrowIfNull(other);
        var builder = new Builder();
        foreach (var table in new[] { this, other })
        {
            foreach (var (code, division) in table._divisions)
            {
                foreach (var range in division.Years)
                {
                    builder.Add(code, range, range.Last == division.Years[^1].Last ? division.Name : "");
                }
            }
        }

        return builder.Build();
    }

    public bool Contains(string sixDigitCode) => sixDigitCode is not null && _divisions.ContainsKey(sixDigitCode);

    public string? NameOf(string sixDigitCode) =>
        sixDigitCode is not null && _divisions.TryGetValue(sixDigitCode, out var division) ? division.Name : null;

    /// <summary>The years the code is listed, as ascending runs with gaps between them; empty when the code is not in the table.</summary>
    public IReadOnlyList<YearRange> YearsOf(string sixDigitCode) =>
        sixDigitCode is not null && _divisions.TryGetValue(sixDigitCode, out var division) ? division.Years : [];

    /// <summary>Whether the code is listed in the given year.</summary>
    public bool IsListedIn(string sixDigitCode, int year) => YearsOf(sixDigitCode).Any(r => r.Contains(year));

    private static Gb2260RegionTable LoadBuiltIn()
    {
        using var stream = typeof(Gb2260RegionTable).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded resource {ResourceName} is missing from SocialCard.Core; rebuild the library.");
        using var reader = new StreamReader(stream, System.Text.Encoding.UTF8);
        return FromCodeLines(ReadLines(reader));
    }

    private static IEnumerable<string> ReadLines(TextReader reader)
    {
        while (reader.ReadLine() is { } line)
        {
            yield return line;
        }
    }

    private static YearRange ParseRange(string text, int lineNumber, string line)
    {
        var dash = text.IndexOf('-', StringComparison.Ordinal);
        var first = dash < 0 ? text : text[..dash];
        var last = dash < 0 ? text : text[(dash + 1)..];
        if (int.TryParse(first, NumberStyles.None, CultureInfo.InvariantCulture, out var from)
            && int.TryParse(last, NumberStyles.None, CultureInfo.InvariantCulture, out var to)
            && from <= to)
        {
            return new YearRange(from, to);
        }

        throw new FormatException($"GB2260 code list line {lineNumber}: \"{text}\" is not a year or a range of years like 1980-2009: \"{line}\"");
    }

    private static string Unquote(string field) => field.Trim().Trim('"', '\uFEFF').Trim();

    private static bool IsSixDigits(string s) => s.Length == 6 && s.All(char.IsAsciiDigit);

    private sealed record Division(string Name, YearRange[] Years);

    /// <summary>Collects years and the latest name per code, then merges the years into runs.</summary>
    private sealed class Builder
    {
        private readonly Dictionary<string, (List<YearRange> Years, int NameYear, string Name)> _codes = new(StringComparer.Ordinal);

        public void Add(string code, YearRange years, string name)
        {
            if (!_codes.TryGetValue(code, out var entry))
            {
                entry = ([], int.MinValue, "");
            }

            entry.Years.Add(years);
            if (name.Length > 0 && years.Last >= entry.NameYear)
            {
                entry = (entry.Years, years.Last, name);
            }

            _codes[code] = entry;
        }

        public Gb2260RegionTable Build() => new(_codes.ToFrozenDictionary(
            p => p.Key,
            p => new Division(p.Value.Name, Merge(p.Value.Years)),
            StringComparer.Ordinal));

        private static YearRange[] Merge(List<YearRange> ranges)
        {
            ranges.Sort((a, b) => a.First.CompareTo(b.First));
            var merged = new List<YearRange>();
            foreach (var range in ranges)
            {
                if (merged.Count > 0 && range.First <= merged[^1].Last + 1)
                {
                    merged[^1] = merged[^1] with { Last = Math.Max(merged[^1].Last, range.Last) };
                }
                else
                {
                    merged.Add(range);
                }
            }

            return [.. merged];
        }
    }
}
