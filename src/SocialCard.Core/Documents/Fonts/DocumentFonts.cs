using PdfSharp.Fonts;

namespace SocialCard.Core.Documents.Fonts;

/// <summary>
/// The font chain of the printed documents, registered with PDFsharp through an <see cref="IFontResolver"/>.
/// PDFsharp's font resolver is process-wide and is set once: call <see cref="Configure"/> before the first document
/// (or rely on the Debian defaults). Files are checked for existence at once and read when first needed (the
/// Hanazono fonts, 53 MB, only when a name needs them); a .ttc face is extracted into a standalone font in memory.
/// </summary>
public static class DocumentFonts
{
    /// <summary>The PDFsharp family name of the font at <paramref name="index"/> in the chain (0 = primary).</summary>
    public static string FamilyName(int index) => "SocialCard Font " + index;

    private static readonly Lock Gate = new();
    private static FontChain? _chain;

    /// <summary>Chooses the fonts; allowed once, before the first document is written, or again with equal options.</summary>
    public static void Configure(DocumentFontOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        lock (Gate)
        {
            if (_chain is not null)
            {
                if (_chain.Options.Primary == options.Primary && _chain.Options.Fallbacks.SequenceEqual(options.Fallbacks))
                {
                    return;
                }

                throw new InvalidOperationException("The document fonts are already configured (PDFsharp's font resolver is process-wide).");
            }

            _chain = Install(options);
        }
    }

    /// <summary>The configured chain (the Debian defaults when <see cref="Configure"/> was not called).</summary>
    public static FontChain Chain
    {
        get
        {
            lock (Gate)
            {
                return _chain ??= Install(new DocumentFontOptions());
            }
        }
    }

    private static FontChain Install(DocumentFontOptions options)
    {
        var chain = new FontChain(options);
        GlobalFontSettings.FontResolver = new Resolver(chain);
        return chain;
    }

    private sealed class Resolver(FontChain chain) : IFontResolver
    {
        public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic)
        {
            for (var i = 0; i < chain.Count; i++)
            {
                if (string.Equals(familyName, FamilyName(i), StringComparison.Ordinal))
                {
                    // None of the fonts has a bold face: PDFsharp simulates it.
                    return new FontResolverInfo(FamilyName(i), bold, italic);
                }
            }

            return null;
        }

        public byte[]? GetFont(string faceName)
        {
            for (var i = 0; i < chain.Count; i++)
            {
                if (string.Equals(faceName, FamilyName(i), StringComparison.Ordinal))
                {
                    return chain.Bytes(i);
                }
            }

            return null;
        }
    }
}

/// <summary>The fonts in fallback order, with their bytes and glyph coverage loaded lazily.</summary>
public sealed class FontChain
{
    private readonly FontFileSpec[] _specs;
    private readonly Lazy<(byte[] Bytes, GlyphCoverage Coverage)>[] _fonts;

    internal FontChain(DocumentFontOptions options)
    {
        Options = options;
        _specs = [options.Primary, .. options.Fallbacks];
        foreach (var spec in _specs)
        {
            if (!File.Exists(spec.Path))
            {
                throw new DocumentFontMissingException(spec);
            }
        }

        _fonts = [.. _specs.Select(spec => new Lazy<(byte[], GlyphCoverage)>(() => Load(spec)))];
    }

    public DocumentFontOptions Options { get; }

    public int Count => _specs.Length;

    public FontFileSpec Spec(int index) => _specs[index];

    public byte[] Bytes(int index) => _fonts[index].Value.Bytes;

    public GlyphCoverage Coverage(int index) => _fonts[index].Value.Coverage;

    /// <summary>
    /// The first font in the chain that has a glyph for <paramref name="codePoint"/>; the primary (which then
    /// draws its .notdef box) when none has.
    /// </summary>
    public int FontFor(int codePoint)
    {
        for (var i = 0; i < _specs.Length; i++)
        {
            if (Coverage(i).Covers(codePoint))
            {
                return i;
            }
        }

        return 0;
    }

    private static (byte[], GlyphCoverage) Load(FontFileSpec spec)
    {
        byte[] file;
        try
        {
            file = File.ReadAllBytes(spec.Path);
        }
        catch (FileNotFoundException)
        {
            throw new DocumentFontMissingException(spec);
        }

        var face = TrueTypeCollection.ExtractFace(file, spec.FaceIndex);
        return (face, GlyphCoverage.Read(face));
    }
}
