using System.Text;

namespace SocialCard.Core.Persons;

/// <summary>What <see cref="CitizenIdText.Normalize"/> had to correct.</summary>
[Flags]
internal enum IdTextCorrections
{
    None = 0,
    FullWidth = 1,
    Spaces = 2,
    LowerCaseX = 4,
    Invisible = 8,
}

/// <summary>The typing and copy-paste damage an ID number commonly carries, and its repair.</summary>
internal static class CitizenIdText
{
    /// <summary>
    /// Full-width ASCII (０–９, Ｘ …) becomes half-width, whitespace of any kind and zero-width characters are
    /// removed, and x becomes X. Anything else is left for the format check to reject.
    /// </summary>
    public static string Normalize(string raw, out IdTextCorrections corrections)
    {
        corrections = IdTextCorrections.None;
        var builder = new StringBuilder(raw.Length);
        foreach (var original in raw)
        {
            var c = original;
            if (char.IsWhiteSpace(c))
            {
                corrections |= IdTextCorrections.Spaces;
                continue;
            }

            if (c is '\u200B' or '\u200C' or '\u200D' or '\u2060' or '\uFEFF')
            {
                corrections |= IdTextCorrections.Invisible;
                continue;
            }

            if (c is >= '\uFF01' and <= '\uFF5E')
            {
                c = (char)(c - 0xFEE0);
                corrections |= IdTextCorrections.FullWidth;
            }

            if (c == 'x')
            {
                c = 'X';
                corrections |= IdTextCorrections.LowerCaseX;
            }

            builder.Append(c);
        }

        return builder.ToString();
    }

    /// <summary>The corrections in words, for the message of ID_NORMALIZED.</summary>
    public static string Describe(IdTextCorrections corrections)
    {
        var parts = new List<string>();
        if (corrections.HasFlag(IdTextCorrections.FullWidth))
        {
            parts.Add("全角字符改为半角");
        }

        if (corrections.HasFlag(IdTextCorrections.Spaces))
        {
            parts.Add("去掉空格");
        }

        if (corrections.HasFlag(IdTextCorrections.Invisible))
        {
            parts.Add("去掉不可见字符");
        }

        if (corrections.HasFlag(IdTextCorrections.LowerCaseX))
        {
            parts.Add("小写x改为大写X");
        }

        return string.Join("、", parts);
    }
}
