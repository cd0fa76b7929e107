using System.Buffers.Binary;

namespace SocialCard.Core.Photos.Jpeg;

/// <summary>
/// Estimates the "quality factor" a JPEG was saved with. Nearly every encoder (libjpeg and its descendants, most
/// phone and desktop software) derives its luminance quantisation table from the example table of ITU-T T.81
/// Annex K.1, scaled by the IJG rule. The estimate is the quality whose scaled table is closest to the file's
/// luminance table: exact for libjpeg-made files, the nearest equivalent for others.
/// </summary>
public static class JpegQualityEstimator
{
    // ITU-T T.81 Table K.1 (luminance), in the zig-zag order DQT segments store tables in.
    private static ReadOnlySpan<byte> StandardLuminanceZigZag =>
    [
        16, 11, 12, 14, 12, 10, 16, 14, 13, 14, 18, 17, 16, 19, 24, 40,
        26, 24, 22, 22, 24, 49, 35, 37, 29, 40, 58, 51, 61, 60, 57, 51,
        56, 55, 64, 72, 92, 78, 64, 68, 87, 69, 55, 56, 80, 109, 81, 87,
        95, 98, 103, 104, 103, 62, 77, 113, 121, 112, 100, 120, 92, 101, 103, 99,
    ];

    /// <summary>The quality 1–100, or null when the header has no luminance table (not a readable JPEG header).</summary>
    public static int? Estimate(ReadOnlySpan<byte> jpeg)
    {
        Span<ushort> tables = stackalloc ushort[4 * 64];
        var defined = 0; // bit i: table i seen
        var lumaTable = -1;

        var reader = new JpegSegmentReader(jpeg);
        while (reader.TryNext(out var segment))
        {
            var payload = jpeg.Slice(segment.Offset, segment.Length);
            if (segment.Marker == JpegSegment.Dqt)
            {
                defined |= ReadTables(payload, tables);
            }
            else if (segment.IsStartOfFrame && payload.Length >= 9)
            {
                lumaTable = payload[8] & 0x0F; // Tq of the first component, which is Y (or gray)
            }
        }

        if (lumaTable is < 0 or > 3 || (defined & (1 << lumaTable)) == 0)
        {
            return null;
        }

        return Nearest(tables.Slice(lumaTable * 64, 64));
    }

    /// <summary>The luminance table libjpeg writes for a quality (baseline: entries limited to 1–255), zig-zag order.</summary>
    internal static void StandardTable(int quality, Span<ushort> table)
    {
        var scale = quality < 50 ? 5000 / quality : 200 - (quality * 2);
        for (var i = 0; i < 64; i++)
        {
            table[i] = (ushort)Math.Clamp(((StandardLuminanceZigZag[i] * scale) + 50) / 100, 1, 255);
        }
    }

    private static int Nearest(ReadOnlySpan<ushort> actual)
    {
        Span<ushort> candidate = stackalloc ushort[64];
        var best = 0;
        var bestError = long.MaxValue;
        var tiedUpTo = 0;
        for (var quality = 1; quality <= 100; quality++)
        {
            StandardTable(quality, candidate);
            long error = 0;
            for (var i = 0; i < 64; i++)
            {
                error += Math.Abs(actual[i] - candidate[i]);
            }

            if (error < bestError)
            {
                (best, bestError, tiedUpTo) = (quality, error, quality);
            }
            else if (error == bestError && tiedUpTo == quality - 1)
            {
                tiedUpTo = quality; // tables clamp at 1 and 255, so neighbouring qualities can coincide
            }
        }

        return (best + tiedUpTo) / 2;
    }

    private static int ReadTables(ReadOnlySpan<byte> payload, Span<ushort> tables)
    {
        var defined = 0;
        while (payload.Length > 0)
        {
            var precision = payload[0] >> 4; // 0: 8-bit entries, 1: 16-bit entries
            var id = payload[0] & 0x0F;
            var size = precision == 0 ? 64 : 128;
            if (id > 3 || precision > 1 || payload.Length < 1 + size)
            {
                break;
            }

            var table = tables.Slice(id * 64, 64);
            for (var i = 0; i < 64; i++)
            {
                table[i] = precision == 0 ? payload[1 + i] : BinaryPrimitives.ReadUInt16BigEndian(payload[(1 + (2 * i))..]);
            }

            defined |= 1 << id;
            payload = payload[(1 + size)..];
        }

        return defined;
    }
}
