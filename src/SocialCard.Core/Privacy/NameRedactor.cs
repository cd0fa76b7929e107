using System.Globalization;
using System.Text.RegularExpressions;

namespace SocialCard.Core.Privacy;

/// <summary>
/// Masks personal names before they are logged: a name keeps its first character and every further character
/// becomes <c>*</c> (欧阳娜娜 → 欧***). In a file name the portal cannot tell a name from other words, so every run of
/// non-ASCII letters is masked that way (a photo of <c>&lt;ID&gt;-欧阳娜娜.jpg</c> logs as <c>&lt;ID&gt;-欧***.jpg</c>, a roster
/// 欧阳娜娜.csv as 欧***.csv), and so is whatever follows the ID number of a photo's name, whatever its script. ID numbers
/// themselves are left to <see cref="IdNumberRedactor"/>.
/// </summary>
public static partial class NameRedactor
{
    /// <summary>The first character (text element) of <paramref name="name"/>, then one <c>*</c> per further character.</summary>
    public static string Mask(string? name)
    {
        if (string.IsNullOrEmpty(name))
        {
            return "";
        }

        var elements = StringInfo.ParseCombiningCharacters(name);
        var first = elements.Length > 1 ? name[..elements[1]] : name;
        return first + new string('*', elements.Length - 1);
    }

    /// <summary>A file name as it may be logged: its extension kept, names in it masked (see the class summary).</summary>
    public static string MaskFileName(string? fileName)
    {
        if (string.IsNullOrEmpty(fileName))
        {
            return "";
        }

        var extension = Path.GetExtension(fileName);
        if (extension.Length > 8 || extension.Any(c => c > 0x7F))
        {
            extension = "";
        }

        var stem = fileName[..^extension.Length];
        return PhotoName().Match(stem) is { Success: true } photo
            ? MaskWords(photo.Groups["folder"].Value) + photo.Groups["id"].Value + Mask(photo.Groups["name"].Value) + extension
            : MaskWords(stem) + extension;
    }

    private static string MaskWords(string text) =>
        Words().Replace(text, m => m.Value.Any(c => c > 0x7F) ? Mask(m.Value) : m.Value);

    // <ID>-<name>, <ID><name>, A<ID><name> … as PhotoFileName reads them, possibly inside a folder of the archive.
    [GeneratedRegex(@"^(?<folder>(?:.*/)?)(?<id>[AaBb]?(?:[0-9]{17}[0-9Xx]|[0-9]{15})(?![0-9])[-_ ]?)(?<name>[^0-9].*)$")]
    private static partial Regex PhotoName();

    // Letters with their marks and the dots that join the parts of a minority name (阿依古丽·买买提).
    [GeneratedRegex(@"[\p{L}\p{M}·・•]+")]
    private static partial Regex Words();
}
