using System.Text;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace SocialCard.Core.Documents.Fonts;

/// <summary>A piece of text drawn with one font of the chain.</summary>
public readonly record struct TextRun(string Text, int FontIndex);

/// <summary>
/// Draws and measures text in runs, each in the first font of the <see cref="FontChain"/> that has its glyphs,
/// so a name such as 𠀀 (U+20000, extension B) or 䶮 prints instead of a .notdef box. Text is drawn on its
/// baseline so runs in different fonts line up. Fonts are Unicode-encoded (Identity-H) and subset-embedded.
/// One instance per document (it caches its <see cref="XFont"/>s); not thread-safe.
/// </summary>
public sealed class TextRuns(FontChain chain)
{
    private static readonly XPdfFontOptions Unicode = new(PdfFontEncoding.Unicode);
    private readonly Dictionary<(int Font, double Size, bool Bold), XFont> _fonts = [];

    public FontChain Chain { get; } = chain;

    /// <summary>Splits <paramref name="text"/> into runs by font; text the primary font covers is one run.</summary>
    public IReadOnlyList<TextRun> Split(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var runs = new List<TextRun>(1);
        var start = 0;
        var current = -1;
        var index = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            var font = Chain.FontFor(rune.Value);
            if (font != current && index > start)
            {
                runs.Add(new TextRun(text[start..index], current));
                start = index;
            }

            current = font;
            index += rune.Utf16SequenceLength;
        }

        if (index > start)
        {
            runs.Add(new TextRun(text[start..index], current));
        }

        return runs;
    }

    public XFont Font(int fontIndex, double size, bool bold = false)
    {
        if (!_fonts.TryGetValue((fontIndex, size, bold), out var font))
        {
            font = new XFont(DocumentFonts.FamilyName(fontIndex), size, bold ? XFontStyleEx.Bold : XFontStyleEx.Regular, Unicode);
            _fonts.Add((fontIndex, size, bold), font);
        }

        return font;
    }

    public double Measure(XGraphics gfx, string text, double size, bool bold = false)
    {
        var width = 0.0;
        foreach (var run in Split(text))
        {
            width += gfx.MeasureString(run.Text, Font(run.FontIndex, size, bold), XStringFormats.BaseLineLeft).Width;
        }

        return width;
    }

    /// <summary>Draws <paramref name="text"/> with its baseline at <paramref name="baseline"/>, starting at <paramref name="x"/>; returns the width.</summary>
    public double Draw(XGraphics gfx, string text, double size, double x, double baseline, bool bold = false)
    {
        var left = x;
        foreach (var run in Split(text))
        {
            var font = Font(run.FontIndex, size, bold);
            gfx.DrawString(run.Text, font, XBrushes.Black, x, baseline, XStringFormats.BaseLineLeft);
            x += gfx.MeasureString(run.Text, font, XStringFormats.BaseLineLeft).Width;
        }

        return x - left;
    }

    /// <summary>
    /// Draws text inside a box: vertically centred, aligned left (with <paramref name="padding"/>), centred or right;
    /// shrinks the size (down to 60 %) when it does not fit, then cuts it with "…".
    /// </summary>
    public void DrawInBox(XGraphics gfx, string? text, double size, XRect box, XStringAlignment align = XStringAlignment.Near, bool bold = false, double padding = 2)
    {
        if (string.IsNullOrEmpty(text))
        {
            return;
        }

        var room = box.Width - (2 * padding);
        var width = Measure(gfx, text, size, bold);
        if (width > room)
        {
            var shrunk = Math.Max(size * 0.6, size * room / width);
            size = Math.Floor(shrunk * 4) / 4;
            width = Measure(gfx, text, size, bold);
            while (width > room && text.Length > 1)
            {
                text = Cut(text) + "…";
                width = Measure(gfx, text, size, bold);
            }
        }

        var x = align switch
        {
            XStringAlignment.Center => box.X + ((box.Width - width) / 2),
            XStringAlignment.Far => box.Right - padding - width,
            _ => box.X + padding,
        };
        // CJK glyphs sit about 0.88 em above the baseline and 0.12 em below: centre that em box.
        var baseline = box.Y + (box.Height / 2) + (size * 0.36);
        Draw(gfx, text, size, x, baseline, bold);
    }

    private static string Cut(string text)
    {
        var body = text.EndsWith('…') ? text[..^1] : text;
        var last = body.Length - 1;
        if (last > 0 && char.IsLowSurrogate(body[last]))
        {
            last--;
        }

        return body[..Math.Max(0, last)];
    }
}
