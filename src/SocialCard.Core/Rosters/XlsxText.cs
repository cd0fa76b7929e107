using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace SocialCard.Core.Rosters;

/// <summary>
/// Text as OOXML stores it (ST_Xstring). XML 1.0 cannot hold most control characters, which a clerk's
/// address may contain (ADDRESS_BAD_CHARS), so they are written as <c>_xHHHH_</c>; a literal "_xHHHH_"
/// in the value gets its underscore escaped so that readers do not decode it.
/// </summary>
internal static partial class XlsxText
{
    public static string Escape(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "";
        }

        if (!NeedsEscape(value))
        {
            return value;
        }

        var sb = new StringBuilder(value.Length + 16);
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (c == '_' && LooksLikeEscape(value, i))
            {
                sb.Append("_x005F_");
            }
            else if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                sb.Append(c).Append(value[++i]);
            }
            else if (IsXmlChar(c))
            {
                sb.Append(c);
            }
            else
            {
                sb.Append("_x").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture)).Append('_');
            }
        }

        return sb.ToString();
    }

    /// <summary>Reverses <see cref="Escape"/>, as Excel does when it reads a cell.</summary>
    public static string Unescape(string? value) =>
        string.IsNullOrEmpty(value) || !value.Contains("_x", StringComparison.Ordinal)
            ? value ?? ""
            : EscapePattern().Replace(value, m => ((char)int.Parse(m.Groups[1].ValueSpan, NumberStyles.HexNumber, CultureInfo.InvariantCulture)).ToString());

    /// <summary>Cuts <paramref name="text"/> to Excel's limit for a field (e.g. 255 for an input message).</summary>
    public static string Clip(string text, int maxLength) =>
        text.Length <= maxLength ? text : text[..(maxLength - 1)] + "…";

    private static bool NeedsEscape(string value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (c == '_' ? LooksLikeEscape(value, i) : !IsXmlChar(c) && !char.IsSurrogate(c))
            {
                return true;
            }

            if (char.IsHighSurrogate(c) && !(i + 1 < value.Length && char.IsLowSurrogate(value[i + 1])))
            {
                return true;
            }

            if (char.IsLowSurrogate(c) && !(i > 0 && char.IsHighSurrogate(value[i - 1])))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsXmlChar(char c) =>
        c is '\t' or '\n' or '\r' || (c >= 0x20 && c < 0xD800) || (c > 0xDFFF && c < 0xFFFE);

    private static bool LooksLikeEscape(string value, int i) =>
        i + 6 < value.Length && value[i + 1] == 'x' && value[i + 6] == '_'
        && value.AsSpan(i + 2, 4).ContainsAnyExcept("0123456789abcdefABCDEF") is false;

    [GeneratedRegex("_x([0-9A-Fa-f]{4})_")]
    private static partial Regex EscapePattern();
}
