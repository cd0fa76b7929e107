using System.Buffers;

namespace SocialCard.Core.Photos;

/// <summary>
/// How much a region looks like a photograph rather than a drawing (the specification: 人像清晰，层次丰富). A camera
/// sees shading, skin and hair that change colour a little everywhere; a drawn or flat-coloured figure is made of a
/// few areas each of one hue, however much grain is added on top. The region is cut into 4 × 4 blocks (their means
/// average the grain away), each block's chromaticity (r, g = R, G over R + G + B) is binned in steps of 1/200, and
/// the measure is the share of blocks outside the four most common bins, in percent: near 0 for a drawing, tens of
/// percent for a photograph. Blocks near black or white, whose chromaticity means little, are left out.
/// </summary>
internal static class ToneRichness
{
    private const int Block = 4;
    private const int Bins = 200;
    private const int TopBins = 4;
    private const int MinLuma = 30;
    private const int MaxLuma = 240;

    /// <summary>Null when fewer than 64 blocks of the region can be measured.</summary>
    public static double? Measure(RgbImageView image, PixelRect region)
    {
        var r = region.ClipTo(image.Width, image.Height);
        var keys = ArrayPool<int>.Shared.Rent(Math.Max(1, (r.Width / Block) * (r.Height / Block)));
        try
        {
            return Measure(image, r, keys);
        }
        finally
        {
            ArrayPool<int>.Shared.Return(keys);
        }
    }

    private static double? Measure(RgbImageView image, PixelRect r, int[] keys)
    {
        var total = 0;
        for (var by = r.Y; by + Block <= r.Bottom; by += Block)
        {
            for (var bx = r.X; bx + Block <= r.Right; bx += Block)
            {
                int red = 0, green = 0, blue = 0;
                for (var y = by; y < by + Block; y++)
                {
                    var row = image.Pixels.Slice((y * image.Stride) + (bx * 3), Block * 3);
                    for (var i = 0; i < row.Length; i += 3)
                    {
                        red += row[i];
                        green += row[i + 1];
                        blue += row[i + 2];
                    }
                }

                const int n = Block * Block;
                var luma = PixelStatistics.Luma(red / n, green / n, blue / n);
                var sum = red + green + blue;
                if (luma < MinLuma || luma > MaxLuma || sum == 0)
                {
                    continue;
                }

                keys[total++] = (red * Bins / sum * Bins) + (green * Bins / sum);
            }
        }

        if (total < 64)
        {
            return null;
        }

        // The largest runs of equal keys once sorted are the most common bins.
        var sorted = keys.AsSpan(0, total);
        sorted.Sort();
        Span<int> top = stackalloc int[TopBins];
        for (var start = 0; start < total;)
        {
            var end = start + 1;
            while (end < total && sorted[end] == sorted[start])
            {
                end++;
            }

            var run = end - start;
            for (var t = 0; t < TopBins; t++)
            {
                if (run > top[t])
                {
                    (top[t], run) = (run, top[t]);
                }
            }

            start = end;
        }

        var common = 0;
        foreach (var count in top)
        {
            common += count;
        }

        return 100.0 * (total - common) / total;
    }
}
