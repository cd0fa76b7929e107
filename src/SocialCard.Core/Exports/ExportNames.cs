using System.Globalization;
using System.Text;

namespace SocialCard.Core.Exports;

/// <summary>
/// Names inside an export zip. Every folder and file name is one path segment made safe for any unpacking tool:
/// no path separators, no "..", no control or invisible format characters (which could hide a name's real
/// ending), no characters Windows forbids, no lone surrogates; Chinese names and rare characters stay as they are.
/// </summary>
public static class ExportNames
{
    /// <summary>The longest segment, in characters (Unicode scalar values).</summary>
    public const int MaxSegmentLength = 60;

    public const string ManifestName = "manifest.json";

    /// <summary>The folder of school pupils without a class.</summary>
    public const string NoClassFolder = "未分班";

    private const string Forbidden = "/\\:*?\"<>|";

    /// <summary>The roster inside the zip: the zip's own name with .xlsx (e.g. <c>1111011out_1.xlsx</c>).</summary>
    public static string RosterName(string unitNumber, int number) =>
        Segment(Path.GetFileNameWithoutExtension(DataExport.FileNameFor(unitNumber, number)), "roster") + ".xlsx";

    /// <summary>
    /// <c>&lt;unit&gt;/&lt;ID&gt;-&lt;name&gt;.jpg</c>, or for schools <c>&lt;unit&gt;/&lt;class&gt;/&lt;ID&gt;-&lt;name&gt;.jpg</c>
    /// (pupils without a class in <see cref="NoClassFolder"/>).
    /// </summary>
    public static string PhotoPath(string unitNumber, bool groupByClass, ExportPerson person)
    {
        ArgumentNullException.ThrowIfNull(person);
        var file = $"{Segment(person.IdNumber, "无号码")}-{Segment(person.Name, "无姓名")}.jpg";
        return string.Join('/', Folders(unitNumber, groupByClass, person).Append(file));
    }

    /// <summary>The folders a person's photo goes in (the order of the roster follows them, too).</summary>
    public static IEnumerable<string> Folders(string unitNumber, bool groupByClass, ExportPerson person)
    {
        ArgumentNullException.ThrowIfNull(person);
        yield return Segment(unitNumber, "unit");
        if (groupByClass)
        {
            yield return Segment(person.ClassOrDepartment, NoClassFolder);
        }
    }

    /// <summary>
    /// One safe path segment: unsafe characters become '_', ".." runs become '_', surrounding spaces and dots are
    /// removed, the length is capped at <see cref="MaxSegmentLength"/>; nothing left gives <paramref name="fallback"/>.
    /// </summary>
    public static string Segment(string? text, string fallback)
    {
        var builder = new StringBuilder();
        foreach (var rune in (text ?? "").EnumerateRunes())
        {
            // Lone surrogates enumerate as U+FFFD: they cannot be written as UTF-8, so they are replaced too.
            builder.Append(IsSafe(rune) ? rune.ToString() : "_");
        }

        var segment = builder.ToString();
        while (segment.Contains("..", StringComparison.Ordinal))
        {
            segment = segment.Replace("..", "_", StringComparison.Ordinal);
        }

        segment = segment.Trim().Trim('.').Trim();
        if (segment.EnumerateRunes().Count() > MaxSegmentLength)
        {
            segment = string.Concat(segment.EnumerateRunes().Take(MaxSegmentLength).Select(r => r.ToString())).TrimEnd('.', ' ');
        }

        return segment.Length == 0 ? fallback : segment;
    }

    private static bool IsSafe(Rune rune)
    {
        if (rune == Rune.ReplacementChar || (rune.IsBmp && Forbidden.Contains((char)rune.Value, StringComparison.Ordinal)))
        {
            return false;
        }

        return Rune.GetUnicodeCategory(rune) switch
        {
            UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.LineSeparator
                or UnicodeCategory.ParagraphSeparator or UnicodeCategory.Surrogate => false,
            _ => true,
        };
    }
}
