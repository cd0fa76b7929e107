using System.Text.RegularExpressions;
using SocialCard.Core.Persons;

namespace SocialCard.Core.Photos.Uploads;

/// <summary>What a photo's file name says: whose photo it is and of what kind.</summary>
public sealed record PhotoFileNameInfo(PhotoKind Kind, string IdNumber, string? Name);

/// <summary>
/// The naming conventions units use (docs/DOMAIN.md §6): <c>&lt;ID&gt;.jpg</c>, <c>&lt;15-digit ID&gt;.jpg</c>,
/// <c>&lt;ID&gt;-&lt;name&gt;.jpg</c>, <c>&lt;ID&gt;&lt;name&gt;.jpg</c>, and ID card scans <c>A&lt;ID&gt;&lt;name&gt;.jpg</c>
/// / <c>B&lt;ID&gt;&lt;name&gt;.jpg</c>. A 15-digit number is converted to its 18-digit form for matching.
/// </summary>
public static partial class PhotoFileName
{
    public static PhotoFileNameInfo? Parse(string fileName)
    {
        var name = Path.GetFileName(fileName.Replace('\\', '/')).Trim();
        var match = Pattern().Match(name);
        if (!match.Success)
        {
            return null;
        }

        var kind = match.Groups["card"].Value switch
        {
            "A" or "a" => PhotoKind.IdCardFront,
            "B" or "b" => PhotoKind.IdCardBack,
            _ => PhotoKind.Portrait,
        };
        var id = match.Groups["id"].Value.ToUpperInvariant();
        if (id.Length == 15)
        {
            var legacy = CitizenId.Parse(id);
            id = legacy.Converted18 ?? id;
        }

        var person = match.Groups["name"].Value.Trim(' ', '-', '_', '.');
        return new PhotoFileNameInfo(kind, id, person.Length == 0 ? null : person);
    }

    [GeneratedRegex(@"^(?<card>[AaBb])?(?<id>[0-9]{17}[0-9Xx]|[0-9]{15})(?![0-9])[-_ ]?(?<name>[^.]*)\.(jpe?g|JPE?G)$")]
    private static partial Regex Pattern();
}
