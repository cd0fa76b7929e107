using System.Buffers;

namespace SocialCard.Core.Photos.Fixing;

/// <summary>A region of an image in continuous pixel coordinates (pixel i covers [i, i + 1)); may reach outside the image.</summary>
public readonly record struct CropRect(double X, double Y, double Width, double Height)
{
    public double Right => X + Width;

    public double Bottom => Y + Height;

    public CropRect Scale(double factor) => new(X * factor, Y * factor, Width * factor, Height * factor);
}

/// <summary>The kernel of <see cref="Resampler"/>.</summary>
public enum ResamplingFilter
{
    /// <summary>
    /// Lanczos-3 (sinc windowed by a sinc three lobes wide), stretched by the reduction ratio when shrinking: keeps
    /// edges crisp where the box filter softens them (the fixer's default).
    /// </summary>
    Lanczos3,

    /// <summary>
    /// Shrinking averages the area each output pixel covers (fractional edges: exact averages for whole ratios);
    /// enlarging interpolates bilinearly between pixel centres. Kept as the reference the Lanczos kernel is measured against.
    /// </summary>
    Box,
}

/// <summary>
/// Separable RGB resampling of a region into a new image (3 bytes per pixel, rows top-down), with a Lanczos-3 kernel
/// by default (<see cref="ResamplingFilter"/>). Output pixels whose centre lies outside the source take the <c>pad</c>
/// colour (the fixer pads only onto a white background); kernel taps beyond the source read the pad colour on a side
/// where the region itself reaches beyond the source, and repeat the edge pixel elsewhere.
/// </summary>
public static class Resampler
{
    /// <summary>The half-width of the Lanczos kernel, in source pixels (times the ratio when shrinking).</summary>
    private const int Lobes = 3;

    public static void Resample(
        ReadOnlySpan<byte> source, int sourceWidth, int sourceHeight, CropRect region,
        Span<byte> destination, int width, int height, (byte R, byte G, byte B) pad,
        ResamplingFilter filter = ResamplingFilter.Lanczos3)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(sourceWidth, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(sourceHeight, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 1);
        if (!(region.Width > 0 && region.Height > 0 && double.IsFinite(region.X) && double.IsFinite(region.Y)))
        {
            throw new ArgumentOutOfRangeException(nameof(region), region, "The region must be finite and not empty.");
        }

        if (source.Length < (long)sourceWidth * sourceHeight * 3 || destination.Length < (long)width * height * 3)
        {
            throw new ArgumentException("A buffer is smaller than its image.");
        }

        if (!Enum.IsDefined(filter))
        {
            throw new ArgumentOutOfRangeException(nameof(filter), filter, null);
        }

        var columns = Axis.Create(region.X, region.Width, sourceWidth, width, filter);
        var rows = Axis.Create(region.Y, region.Height, sourceHeight, height, filter);
        ReadOnlySpan<float> padColour = [pad.R, pad.G, pad.B];

        // Horizontal pass over only the source rows the vertical pass reads, into floats (no rounding twice).
        var (firstRow, lastRow) = rows.Range();
        var rowCount = Math.Max(0, lastRow - firstRow + 1);
        var rowFloats = width * 3;
        var temp = ArrayPool<float>.Shared.Rent(Math.Max(1, rowCount * rowFloats));
        try
        {
            for (var r = 0; r < rowCount; r++)
            {
                var input = source.Slice((firstRow + r) * sourceWidth * 3, sourceWidth * 3);
                var output = temp.AsSpan(r * rowFloats, rowFloats);
                for (var x = 0; x < width; x++)
                {
                    var start = columns.Start(x);
                    var weights = columns.Weights(x);
                    var padWeight = columns.Pad(x);
                    float red = padWeight * padColour[0], green = padWeight * padColour[1], blue = padWeight * padColour[2];
                    for (var k = 0; k < weights.Length; k++)
                    {
                        var i = (start + k) * 3;
                        var w = weights[k];
                        red += w * input[i];
                        green += w * input[i + 1];
                        blue += w * input[i + 2];
                    }

                    output[(x * 3) + 0] = red;
                    output[(x * 3) + 1] = green;
                    output[(x * 3) + 2] = blue;
                }
            }

            var accumulator = ArrayPool<float>.Shared.Rent(rowFloats);
            try
            {
                var sum = accumulator.AsSpan(0, rowFloats);
                for (var y = 0; y < height; y++)
                {
                    var start = rows.Start(y);
                    var weights = rows.Weights(y);
                    var padWeight = rows.Pad(y);
                    for (var i = 0; i < rowFloats; i++)
                    {
                        sum[i] = padWeight * padColour[i % 3];
                    }

                    for (var k = 0; k < weights.Length; k++)
                    {
                        var w = weights[k];
                        var input = temp.AsSpan((start + k - firstRow) * rowFloats, rowFloats);
                        for (var i = 0; i < rowFloats; i++)
                        {
                            sum[i] += w * input[i];
                        }
                    }

                    var output = destination.Slice(y * rowFloats, rowFloats);
                    for (var i = 0; i < rowFloats; i++)
                    {
                        output[i] = (byte)Math.Clamp((int)(sum[i] + 0.5f), 0, 255);
                    }
                }
            }
            finally
            {
                ArrayPool<float>.Shared.Return(accumulator);
            }
        }
        finally
        {
            ArrayPool<float>.Shared.Return(temp);
        }
    }

    /// <summary>
    /// The filter taps of one axis: for each output index, the source indices it reads (always inside the source),
    /// their weights, and the weight of the pad colour (the part of its footprint outside the source).
    /// </summary>
    private sealed class Axis
    {
        private readonly int[] starts;
        private readonly int[] counts;
        private readonly int[] offsets;
        private readonly float[] weights;
        private readonly float[] padWeights;

        private Axis(int[] starts, int[] counts, int[] offsets, float[] weights, float[] padWeights)
        {
            this.starts = starts;
            this.counts = counts;
            this.offsets = offsets;
            this.weights = weights;
            this.padWeights = padWeights;
        }

        public int Start(int index) => starts[index];

        public float Pad(int index) => padWeights[index];

        public ReadOnlySpan<float> Weights(int index) => weights.AsSpan(offsets[index], counts[index]);

        public static Axis Create(double origin, double length, int sourceLength, int targetLength, ResamplingFilter filter)
        {
            var ratio = length / targetLength; // source pixels per output pixel
            if (filter == ResamplingFilter.Lanczos3)
            {
                return CreateLanczos(origin, length, sourceLength, targetLength, ratio);
            }

            var maxTaps = ratio > 1 ? (int)Math.Ceiling(ratio) + 1 : 2;
            var starts = new int[targetLength];
            var counts = new int[targetLength];
            var offsets = new int[targetLength];
            var padWeights = new float[targetLength];
            var weights = new float[targetLength * maxTaps];
            for (var i = 0; i < targetLength; i++)
            {
                offsets[i] = i * maxTaps;
                var taps = weights.AsSpan(offsets[i], maxTaps);
                (starts[i], counts[i], padWeights[i]) = ratio > 1
                    ? Area(origin + (i * ratio), origin + ((i + 1) * ratio), sourceLength, taps)
                    : Linear(origin + ((i + 0.5) * ratio), sourceLength, taps);
            }

            return new Axis(starts, counts, offsets, weights, padWeights);
        }

        /// <summary>
        /// Lanczos-3 taps around each output centre, normalised to a sum of 1 (so a constant stays exact); taps that
        /// fall outside the source become pad weight where the region reaches beyond that side, else read the edge pixel.
        /// </summary>
        private static Axis CreateLanczos(double origin, double length, int sourceLength, int targetLength, double ratio)
        {
            var stretch = Math.Max(1, ratio);
            var reach = Lobes * stretch;
            var maxTaps = (int)Math.Ceiling(2 * reach) + 2;
            var padBefore = origin < 0;
            var padAfter = origin + length > sourceLength;
            var starts = new int[targetLength];
            var counts = new int[targetLength];
            var offsets = new int[targetLength];
            var padWeights = new float[targetLength];
            var weights = new float[targetLength * maxTaps];
            var rawBuffer = new double[maxTaps];
            for (var i = 0; i < targetLength; i++)
            {
                offsets[i] = i * maxTaps;
                var centre = origin + ((i + 0.5) * ratio);
                if (centre < 0 || centre > sourceLength)
                {
                    (starts[i], counts[i], padWeights[i]) = (0, 0, 1f);
                    continue;
                }

                // Source pixel j has its centre at j + 0.5.
                var first = (int)Math.Floor(centre - 0.5 - reach) + 1;
                var last = (int)Math.Ceiling(centre - 0.5 + reach) - 1;
                var lo = Math.Max(0, first);
                var hi = Math.Min(sourceLength - 1, last);
                var count = hi - lo + 1;
                Array.Clear(rawBuffer);
                double total = 0, padTotal = 0;
                for (var j = first; j <= last; j++)
                {
                    var w = Lanczos((j + 0.5 - centre) / stretch);
                    total += w;
                    if ((j < 0 && padBefore) || (j >= sourceLength && padAfter))
                    {
                        padTotal += w;
                    }
                    else
                    {
                        rawBuffer[Math.Clamp(j, lo, hi) - lo] += w;
                    }
                }

                var taps = weights.AsSpan(offsets[i], maxTaps);
                for (var k = 0; k < count; k++)
                {
                    taps[k] = (float)(rawBuffer[k] / total);
                }

                (starts[i], counts[i], padWeights[i]) = (lo, count, (float)(padTotal / total));
            }

            return new Axis(starts, counts, offsets, weights, padWeights);
        }

        private static double Lanczos(double x)
        {
            if (Math.Abs(x) >= Lobes)
            {
                return 0;
            }

            if (Math.Abs(x) < 1e-9)
            {
                return 1;
            }

            var px = Math.PI * x;
            return Lobes * Math.Sin(px) * Math.Sin(px / Lobes) / (px * px);
        }

        /// <summary>The lowest and highest source index any output reads; (0, -1) when all is padding.</summary>
        public (int First, int Last) Range()
        {
            int first = int.MaxValue, last = -1;
            for (var i = 0; i < starts.Length; i++)
            {
                if (counts[i] > 0)
                {
                    first = Math.Min(first, starts[i]);
                    last = Math.Max(last, starts[i] + counts[i] - 1);
                }
            }

            return last < 0 ? (0, -1) : (first, last);
        }

        /// <summary>Box filter: each source pixel weighs the part of [from, to) it covers.</summary>
        private static (int Start, int Count, float Pad) Area(double from, double to, int n, Span<float> taps)
        {
            var span = to - from;
            var inside0 = Math.Max(from, 0);
            var inside1 = Math.Min(to, n);
            if (inside1 <= inside0)
            {
                return (0, 0, 1f);
            }

            var start = (int)Math.Floor(inside0);
            var end = (int)Math.Ceiling(inside1); // exclusive
            var count = 0;
            double total = 0;
            for (var j = start; j < end; j++)
            {
                var cover = Math.Min(j + 1, inside1) - Math.Max(j, inside0);
                var w = cover / span;
                taps[count++] = (float)w;
                total += w;
            }

            return (start, count, (float)Math.Max(0, 1 - total));
        }

        /// <summary>Bilinear: the two pixels whose centres enclose <paramref name="centre"/>, edges repeated inside the source.</summary>
        private static (int Start, int Count, float Pad) Linear(double centre, int n, Span<float> taps)
        {
            if (centre < 0 || centre > n)
            {
                return (0, 0, 1f);
            }

            var p = centre - 0.5;
            var j = (int)Math.Floor(p);
            var f = p - j;
            if (j < 0)
            {
                (j, f) = (0, 0);
            }
            else if (j >= n - 1)
            {
                (j, f) = (n - 1, 0);
            }

            if (f == 0)
            {
                taps[0] = 1f;
                return (j, 1, 0f);
            }

            taps[0] = (float)(1 - f);
            taps[1] = (float)f;
            return (j, 2, 0f);
        }
    }
}
