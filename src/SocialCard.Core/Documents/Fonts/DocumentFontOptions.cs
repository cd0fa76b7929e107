namespace SocialCard.Core.Documents.Fonts;

/// <summary>One font file (a face of it when it is a .ttc) and the Debian package that installs it.</summary>
public sealed record FontFileSpec(string Path, int FaceIndex, string DebianPackage);

/// <summary>
/// The fonts the printed documents use, tried per character in this order: the primary CJK font (default AR PL UMing CN,
/// a Song style that suits forms), then Hanazono Mincho A (CJK extension A and more) and B (extension B, e.g. 𠀀).
/// All must have TrueType outlines (CFF fonts such as Noto CJK embed whole). Paths default to Debian's.
/// </summary>
public sealed record DocumentFontOptions
{
    public FontFileSpec Primary { get; init; } = new("/usr/share/fonts/truetype/arphic/uming.ttc", 0, "fonts-arphic-uming");

    public IReadOnlyList<FontFileSpec> Fallbacks { get; init; } =
    [
        new("/usr/share/fonts/truetype/hanazono/HanaMinA.ttf", 0, "fonts-hanazono"),
        new("/usr/share/fonts/truetype/hanazono/HanaMinB.ttf", 0, "fonts-hanazono"),
    ];

    /// <summary>The Debian packages the configured fonts come from (for install scripts and error messages).</summary>
    public IReadOnlyList<string> DebianPackages =>
        [.. new[] { Primary }.Concat(Fallbacks).Select(f => f.DebianPackage).Distinct(StringComparer.Ordinal)];
}

/// <summary>A configured font file does not exist; the message names the Debian package that installs it.</summary>
public sealed class DocumentFontMissingException(FontFileSpec font)
    : FileNotFoundException(
        $"Font file {font.Path} not found: install the Debian package {font.DebianPackage} (apt-get install {font.DebianPackage}) " +
        "or configure another path in DocumentFontOptions.",
        font.Path)
{
    public FontFileSpec Font { get; } = font;
}
