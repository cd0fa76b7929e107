using System.Buffers;

namespace SocialCard.Core.Photos;

/// <summary>Measurements of the background: the side bands, the top corners and, when known, the band above the head.</summary>
internal readonly record struct BackgroundStats(double Brightness, double Cast, double Spread, double BorderStep);

/// <summary>Measurements of the central region (the face when geometry found one).</summary>
internal readonly record struct CentralStats(double Brightness, double Contrast, double Sharpness, double Colorfulness);

/// <summary>
/// The pixel statistics of the inspection. They read the decoded pixels in place, region by region, with no
/// per-pixel allocation; the only buffer is three rows of luma for the Laplacian.
/// </summary>
/// <remarks>
/// Regions, as fractions of the image so they also fit scaled decodes: a side band is 4 % of the width and covers
/// the upper 60 % of the height (below that the shoulders reach the edges); the top band is 4 % of the height and
/// leaves out the middle 40 % of the width, where hair may legally touch the top edge (the eye line takes
/// priority over the head top). A spec-conform head (face 179–255 px, centred) never reaches these bands.
/// </remarks>
internal static class PixelStatistics
{
    private const double SideBandWidth = 0.04;
    private const double SideBandHeight = 0.60;
    private const double TopBandHeight = 0.04;
    private const double TopGapStart = 0.30;
    private const double TopGapEnd = 0.70;
    private const int EdgeLines = 2;

    /// <summary>Without face geometry: the middle 60 % of the width and 70 % of the height, where the face is.</summary>
    public static PixelRect DefaultCentralRegion(int width, int height) =>
        new((int)(width * 0.2), (int)(height * 0.15), (int)(width * 0.6), (int)(height * 0.7));

    public static BackgroundStats Background(RgbImageView image, PixelRect? head)
    {
        int w = image.Width, h = image.Height;
        var band = Math.Max(EdgeLines * 2, (int)Math.Round(w * SideBandWidth));
        var sideHeight = Math.Max(1, (int)Math.Round(h * SideBandHeight));
        var topHeight = Math.Max(EdgeLines * 2, (int)Math.Round(h * TopBandHeight));
        var gapStart = (int)(w * TopGapStart);
        var gapEnd = (int)(w * TopGapEnd);

        var left = new PixelRect(0, 0, band, sideHeight);
        var right = new PixelRect(w - band, 0, band, sideHeight);
        var topLeft = new PixelRect(band, 0, gapStart - band, topHeight);
        var topRight = new PixelRect(gapEnd, 0, w - band - gapEnd, topHeight);

        var all = default(Sums);
        all.Add(image, left);
        all.Add(image, right);
        all.Add(image, topLeft);
        all.Add(image, topRight);
        if (head is { } headBox)
        {
            // Keep two pixels off the hair: its anti-aliased outline is neither hair nor background.
            all.Add(image, new PixelRect(headBox.X, 0, headBox.Width, headBox.Y - 2).ClipTo(w, h));
        }

        // A frame shows as outermost lines unlike the background just inside them (the inner half of the band).
        var inner = band - (band / 2);
        var step = Math.Max(
            Step(image, new PixelRect(0, 0, EdgeLines, sideHeight), new PixelRect(band / 2, 0, inner, sideHeight)),
            Step(image, new PixelRect(w - EdgeLines, 0, EdgeLines, sideHeight), new PixelRect(w - band, 0, inner, sideHeight)));
        var topEdge = default(Sums);
        topEdge.Add(image, topLeft with { Height = EdgeLines });
        topEdge.Add(image, topRight with { Height = EdgeLines });
        var topInner = default(Sums);
        topInner.Add(image, topLeft with { Y = topHeight / 2, Height = topHeight - (topHeight / 2) });
        topInner.Add(image, topRight with { Y = topHeight / 2, Height = topHeight - (topHeight / 2) });
        if (topEdge.Count > 0 && topInner.Count > 0)
        {
            step = Math.Max(step, Math.Abs(topInner.MeanLuma - topEdge.MeanLuma));
        }

        return new BackgroundStats(all.MeanLuma, all.Cast, all.LumaSpread, step);
    }

    /// <summary>Null when the region is too small to measure (under 3 × 3 pixels).</summary>
    public static CentralStats? Central(RgbImageView image, PixelRect region)
    {
        var r = region.ClipTo(image.Width, image.Height);
        var w = r.Width;
        if (w < 3 || r.Height < 3)
        {
            return null;
        }

        Span<int> histogram = stackalloc int[256];
        long chroma = 0;
        long lapSum = 0, lapSquares = 0, lapCount = 0;

        // Three rolling rows of luma: the Laplacian at row y-1 needs rows y-2, y-1 and y.
        int[]? rented = null;
        var rows = 3 * w <= 4096 ? stackalloc int[3 * w] : (rented = ArrayPool<int>.Shared.Rent(3 * w)).AsSpan(0, 3 * w);
        try
        {
            for (var y = 0; y < r.Height; y++)
            {
                var row = rows.Slice(y % 3 * w, w);
                var source = image.Pixels.Slice(((r.Y + y) * image.Stride) + (r.X * 3), w * 3);
                for (int x = 0, i = 0; x < w; x++, i += 3)
                {
                    int red = source[i], green = source[i + 1], blue = source[i + 2];
                    var luma = Luma(red, green, blue);
                    row[x] = luma;
                    histogram[luma]++;
                    chroma += Math.Max(red, Math.Max(green, blue)) - Math.Min(red, Math.Min(green, blue));
                }

                if (y >= 2)
                {
                    var up = rows.Slice((y - 2) % 3 * w, w);
                    var middle = rows.Slice((y - 1) % 3 * w, w);
                    for (var x = 1; x < w - 1; x++)
                    {
                        long laplacian = (4 * middle[x]) - middle[x - 1] - middle[x + 1] - up[x] - row[x];
                        lapSum += laplacian;
                        lapSquares += laplacian * laplacian;
                    }

                    lapCount += w - 2;
                }
            }
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<int>.Shared.Return(rented);
            }
        }

        long count = (long)w * r.Height, lumaSum = 0;
        for (var v = 0; v < 256; v++)
        {
            lumaSum += (long)v * histogram[v];
        }

        var lapMean = (double)lapSum / lapCount;
        return new CentralStats(
            Brightness: (double)lumaSum / count,
            Contrast: Percentile(histogram, count, 0.95) - Percentile(histogram, count, 0.05),
            Sharpness: ((double)lapSquares / lapCount) - (lapMean * lapMean),
            Colorfulness: (double)chroma / count);
    }

    /// <summary>
    /// Brightness, cast and spread of one region and its mean colour: the fixer's test of an edge it would pad.
    /// Null when the region lies outside the image.
    /// </summary>
    public static (BackgroundStats Stats, (byte R, byte G, byte B) Mean)? Region(RgbImageView image, PixelRect rect)
    {
        var sums = default(Sums);
        sums.Add(image, rect);
        return sums.Count == 0 ? null : (new BackgroundStats(sums.MeanLuma, sums.Cast, sums.LumaSpread, 0), sums.MeanColour);
    }

    /// <summary>ITU-R BT.601 luma in integers (weights 77/150/29 of 256), as JPEG's own YCbCr uses.</summary>
    internal static int Luma(int red, int green, int blue) => ((77 * red) + (150 * green) + (29 * blue) + 128) >> 8;

    private static double Step(RgbImageView image, PixelRect edge, PixelRect inner)
    {
        var a = default(Sums);
        a.Add(image, edge);
        var b = default(Sums);
        b.Add(image, inner);
        return a.Count == 0 || b.Count == 0 ? 0 : Math.Abs(b.MeanLuma - a.MeanLuma);
    }

    private static int Percentile(ReadOnlySpan<int> histogram, long count, double fraction)
    {
        var target = (long)Math.Ceiling(count * fraction);
        long seen = 0;
        for (var v = 0; v < histogram.Length; v++)
        {
            seen += histogram[v];
            if (seen >= target)
            {
                return v;
            }
        }

        return histogram.Length - 1;
    }

    private struct Sums
    {
        private long luma, lumaSquares, red, green, blue;

        public long Count { get; private set; }

        public readonly double MeanLuma => Count == 0 ? 0 : (double)luma / Count;

        public readonly double LumaSpread =>
            Count == 0 ? 0 : Math.Sqrt(Math.Max(0, ((double)lumaSquares / Count) - (MeanLuma * MeanLuma)));

        public readonly (byte R, byte G, byte B) MeanColour => Count == 0
            ? ((byte)0, (byte)0, (byte)0)
            : ((byte)((red + (Count / 2)) / Count), (byte)((green + (Count / 2)) / Count), (byte)((blue + (Count / 2)) / Count));

        /// <summary>Spread of the mean channels: the colour of the region as a whole, immune to pixel noise.</summary>
        public readonly double Cast
        {
            get
            {
                if (Count == 0)
                {
                    return 0;
                }

                double r = (double)red / Count, g = (double)green / Count, b = (double)blue / Count;
                return Math.Max(r, Math.Max(g, b)) - Math.Min(r, Math.Min(g, b));
            }
        }

        public void Add(RgbImageView image, PixelRect rect)
        {
            var clipped = rect.ClipTo(image.Width, image.Height);
            for (var y = clipped.Y; y < clipped.Bottom; y++)
            {
                var row = image.Pixels.Slice((y * image.Stride) + (clipped.X * 3), clipped.Width * 3);
                for (var i = 0; i < row.Length; i += 3)
                {
                    int r = row[i], g = row[i + 1], b = row[i + 2];
                    var l = Luma(r, g, b);
                    luma += l;
                    lumaSquares += l * l;
                    red += r;
                    green += g;
                    blue += b;
                }

                Count += clipped.Width;
            }
        }
    }
}
