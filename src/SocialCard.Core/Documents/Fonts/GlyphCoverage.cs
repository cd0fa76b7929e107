using System.Buffers.Binary;
using System.Text;

namespace SocialCard.Core.Documents.Fonts;

/// <summary>
/// Which Unicode code points a TrueType font maps to a glyph, read from its <c>cmap</c> table: format 12
/// (full Unicode, platform 3/10 or 0/4+) when present, else format 4 (BMP, platform 3/1 or 0/x). One bit per
/// code point (136 KB per font).
/// </summary>
public sealed class GlyphCoverage
{
    private readonly ulong[] _bits = new ulong[0x110000 / 64];

    private GlyphCoverage()
    {
    }

    public bool Covers(int codePoint) =>
        (uint)codePoint < 0x110000 && (_bits[codePoint >> 6] & (1UL << (codePoint & 63))) != 0;

    public bool Covers(Rune rune) => Covers(rune.Value);

    /// <summary>Reads the coverage of a standalone TrueType font (extract a collection's face first).</summary>
    public static GlyphCoverage Read(ReadOnlySpan<byte> font)
    {
        var cmap = FindTable(font, "cmap");
        int subtableCount = BinaryPrimitives.ReadUInt16BigEndian(cmap[2..]);
        var format4 = -1;
        var format12 = -1;
        for (var i = 0; i < subtableCount; i++)
        {
            var record = cmap[(4 + (8 * i))..];
            int platform = BinaryPrimitives.ReadUInt16BigEndian(record);
            int encoding = BinaryPrimitives.ReadUInt16BigEndian(record[2..]);
            var offset = checked((int)BinaryPrimitives.ReadUInt32BigEndian(record[4..]));
            var unicode = platform == 0 || (platform == 3 && (encoding == 1 || encoding == 10));
            if (!unicode)
            {
                continue;
            }

            int format = BinaryPrimitives.ReadUInt16BigEndian(cmap[offset..]);
            if (format == 12 && format12 < 0)
            {
                format12 = offset;
            }
            else if (format == 4 && format4 < 0)
            {
                format4 = offset;
            }
        }

        var coverage = new GlyphCoverage();
        if (format12 >= 0)
        {
            coverage.ReadFormat12(cmap[format12..]);
        }
        else if (format4 >= 0)
        {
            coverage.ReadFormat4(cmap[format4..]);
        }
        else
        {
            throw new InvalidDataException("The font has no Unicode cmap subtable of format 4 or 12.");
        }

        return coverage;
    }

    private void ReadFormat12(ReadOnlySpan<byte> table)
    {
        var groups = BinaryPrimitives.ReadUInt32BigEndian(table[12..]);
        for (var i = 0; i < groups; i++)
        {
            var group = table[(16 + (12 * i))..];
            var start = BinaryPrimitives.ReadUInt32BigEndian(group);
            var end = Math.Min(BinaryPrimitives.ReadUInt32BigEndian(group[4..]), 0x10FFFF);
            var startGlyph = BinaryPrimitives.ReadUInt32BigEndian(group[8..]);
            for (var c = start; c <= end; c++)
            {
                if (startGlyph + (c - start) != 0)
                {
                    Set((int)c);
                }
            }
        }
    }

    private void ReadFormat4(ReadOnlySpan<byte> table)
    {
        var segments = BinaryPrimitives.ReadUInt16BigEndian(table[6..]) / 2;
        var ends = 14;
        var starts = ends + (2 * segments) + 2;
        var deltas = starts + (2 * segments);
        var rangeOffsets = deltas + (2 * segments);
        for (var s = 0; s < segments; s++)
        {
            int end = BinaryPrimitives.ReadUInt16BigEndian(table[(ends + (2 * s))..]);
            int start = BinaryPrimitives.ReadUInt16BigEndian(table[(starts + (2 * s))..]);
            int delta = BinaryPrimitives.ReadUInt16BigEndian(table[(deltas + (2 * s))..]);
            var rangeOffsetAt = rangeOffsets + (2 * s);
            int rangeOffset = BinaryPrimitives.ReadUInt16BigEndian(table[rangeOffsetAt..]);
            for (var c = start; c <= end && c != 0xFFFF; c++)
            {
                int glyph;
                if (rangeOffset == 0)
                {
                    glyph = (c + delta) & 0xFFFF;
                }
                else
                {
                    var at = rangeOffsetAt + rangeOffset + (2 * (c - start));
                    glyph = at + 2 <= table.Length ? BinaryPrimitives.ReadUInt16BigEndian(table[at..]) : 0;
                    glyph = glyph == 0 ? 0 : (glyph + delta) & 0xFFFF;
                }

                if (glyph != 0)
                {
                    Set(c);
                }
            }
        }
    }

    private void Set(int codePoint) => _bits[codePoint >> 6] |= 1UL << (codePoint & 63);

    private static ReadOnlySpan<byte> FindTable(ReadOnlySpan<byte> font, string tag)
    {
        int tableCount = BinaryPrimitives.ReadUInt16BigEndian(font[4..]);
        for (var i = 0; i < tableCount; i++)
        {
            var record = font[(12 + (16 * i))..];
            if (record[0] == tag[0] && record[1] == tag[1] && record[2] == tag[2] && record[3] == tag[3])
            {
                var offset = checked((int)BinaryPrimitives.ReadUInt32BigEndian(record[8..]));
                var length = checked((int)BinaryPrimitives.ReadUInt32BigEndian(record[12..]));
                return font.Slice(offset, length);
            }
        }

        throw new InvalidDataException($"The font has no '{tag}' table.");
    }
}
