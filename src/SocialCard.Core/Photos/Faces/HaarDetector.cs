using System.Buffers;
using System.Runtime.CompilerServices;

namespace SocialCard.Core.Photos.Faces;

/// <summary>A grouped detection: the averaged rectangle and how many raw windows were merged into it.</summary>
public readonly record struct Detection(PixelRect Box, int Neighbors);

/// <summary>The 8-bit luma of a photo and its integral image (box averages for the scaled copies). Pooled buffers: dispose.</summary>
internal sealed class LumaImage : IDisposable
{
    private readonly int[] integral;

    private LumaImage(int width, int height, byte[] pixels, int[] integral)
    {
        Width = width;
        Height = height;
        Pixels = pixels;
        this.integral = integral;
    }

    public int Width { get; }

    public int Height { get; }

    /// <summary>Width × Height luma values (rented: may be longer).</summary>
    public byte[] Pixels { get; }

    public static LumaImage From(RgbImageView view)
    {
        int w = view.Width, h = view.Height, stride = w + 1;
        var pixels = ArrayPool<byte>.Shared.Rent(w * h);
        var integral = ArrayPool<int>.Shared.Rent(stride * (h + 1));
        Array.Clear(integral, 0, stride);
        var source = view.Pixels;
        for (var y = 0; y < h; y++)
        {
            var row = 0;
            integral[(y + 1) * stride] = 0;
            for (int x = 0, i = y * w * 3; x < w; x++, i += 3)
            {
                var luma = (byte)(((77 * source[i]) + (150 * source[i + 1]) + (29 * source[i + 2]) + 128) >> 8);
                pixels[(y * w) + x] = luma;
                row += luma;
                integral[((y + 1) * stride) + x + 1] = integral[(y * stride) + x + 1] + row;
            }
        }

        return new LumaImage(w, h, pixels, integral);
    }

    /// <summary>The sum of luma over [x0, x1) × [y0, y1).</summary>
    public int Sum(int x0, int y0, int x1, int y1)
    {
        var stride = Width + 1;
        return integral[(y1 * stride) + x1] - integral[(y1 * stride) + x0] - integral[(y0 * stride) + x1] + integral[(y0 * stride) + x0];
    }

    public void Dispose()
    {
        ArrayPool<byte>.Shared.Return(Pixels);
        ArrayPool<int>.Shared.Return(integral);
    }
}

/// <summary>
/// Runs a <see cref="HaarCascade"/> over a region of a photo, the way OpenCV's detectMultiScale does: for each scale
/// (factor 1.1 between them) the region is shrunk by box averaging so the object fits the training window; windows
/// are placed on a grid of the shrunk image; each window's feature sums are divided by its standard deviation (over
/// the window less a one-pixel frame), and the stages reject most windows after a few features. Overlapping hits
/// are then grouped; a group needs more than <c>minNeighbors</c> members.
/// </summary>
internal static class HaarDetector
{
    // Windows are tried every second shrunk pixel (OpenCV: every one above a shrink of 2), a quarter of the work;
    // a real face still collects several hits over neighbouring scales. From a shrink of 8 on (faces of 190 px and
    // more, the right size on a card photo) the shrunk image has few positions and each one is tried.
    private const int CoarseStep = 2;
    private const double FineStepShrink = 8;

    public static List<Detection> Detect(HaarCascade cascade, LumaImage image, PixelRect region, double minWidth, double maxWidth, int minNeighbors, double scaleFactor = 1.1)
    {
        region = region.ClipTo(image.Width, image.Height);
        int winW = cascade.WindowWidth, winH = cascade.WindowHeight;
        var raw = new List<PixelRect>();
        for (var s = Math.Max(1.0, minWidth / winW); s * winW <= maxWidth; s *= scaleFactor)
        {
            int sw = (int)(region.Width / s), sh = (int)(region.Height / s);
            if (sw < winW || sh < winH)
            {
                break;
            }

            var step = s >= FineStepShrink ? 1 : CoarseStep;
            using var scaled = new ScaledIntegrals(cascade, image, region, s, sw, sh);
            for (var y = 0; y + winH <= sh; y += step)
            {
                for (var x = 0; x + winW <= sw; x += step)
                {
                    if (scaled.Passes(cascade, x, y))
                    {
                        raw.Add(new PixelRect(
                            region.X + (int)Math.Round(x * s), region.Y + (int)Math.Round(y * s), (int)Math.Round(winW * s), (int)Math.Round(winH * s)));
                    }
                }
            }
        }

        return Group(raw, minNeighbors);
    }

    /// <summary>
    /// OpenCV-style grouping: rectangles whose four edges all lie within <paramref name="eps"/> × their mean smaller
    /// side of each other join one group (transitively); groups of at most <paramref name="minNeighbors"/> are noise;
    /// the survivors are averaged, and a group lying inside a clearly stronger one is dropped.
    /// </summary>
    public static List<Detection> Group(IReadOnlyList<PixelRect> raw, int minNeighbors, double eps = 0.2)
    {
        var parent = new int[raw.Count];
        for (var i = 0; i < parent.Length; i++)
        {
            parent[i] = i;
            for (var j = 0; j < i; j++)
            {
                if (Similar(raw[i], raw[j], eps))
                {
                    parent[Root(parent, i)] = Root(parent, j);
                }
            }
        }

        var sums = new Dictionary<int, (double X, double Y, double W, double H, int N)>();
        for (var i = 0; i < raw.Count; i++)
        {
            var r = raw[i];
            var root = Root(parent, i);
            var t = sums.GetValueOrDefault(root);
            sums[root] = (t.X + r.X, t.Y + r.Y, t.W + r.Width, t.H + r.Height, t.N + 1);
        }

        var groups = sums.Values.Where(t => t.N > minNeighbors)
            .Select(t => new Detection(new PixelRect((int)Math.Round(t.X / t.N), (int)Math.Round(t.Y / t.N), (int)Math.Round(t.W / t.N), (int)Math.Round(t.H / t.N)), t.N))
            .ToList();
        return [.. groups.Where((g, i) => !groups.Where((_, j) => j != i).Any(o => Inside(g.Box, o.Box, eps) && (o.Neighbors > Math.Max(3, g.Neighbors) || g.Neighbors < 3)))
            .OrderByDescending(g => g.Neighbors)];
    }

    /// <summary>
    /// The tilted integral of a <paramref name="width"/> × <paramref name="height"/> image: tilted(X, Y), for X in
    /// 0…width and Y in 0…height, is the sum over the upward triangle y &lt; Y, |x − (X − 1)| ≤ Y − 1 − y (OpenCV's
    /// definition), stored at [Y × (width + 2·pad) + X − 1 + pad]. Rows are padded by <paramref name="pad"/> ≥ height
    /// columns on both sides, so the triangles reaching past the edges need no special case: a triangle is the pixel
    /// at its apex, the one above, the two triangles one row up, less their overlap (the triangle two rows up).
    /// </summary>
    internal static void FillTilted(ReadOnlySpan<int> pixels, int width, int height, int pad, Span<int> tilted)
    {
        var stride = width + (2 * pad);
        tilted[..stride].Clear();
        for (var y = 1; y <= height; y++)
        {
            var row = y * stride;
            for (var k = 0; k < stride; k++)
            {
                var x = k - pad;
                var inside = x >= 0 && x < width;
                tilted[row + k] = (inside ? pixels[((y - 1) * width) + x] + (y >= 2 ? pixels[((y - 2) * width) + x] : 0) : 0)
                    + (k > 0 ? tilted[row - stride + k - 1] : 0)
                    + (k + 1 < stride ? tilted[row - stride + k + 1] : 0)
                    - (y >= 2 ? tilted[row - (2 * stride) + k] : 0);
            }
        }
    }

    private static int Root(int[] parent, int i)
    {
        while (parent[i] != i)
        {
            i = parent[i] = parent[parent[i]];
        }

        return i;
    }

    private static bool Similar(PixelRect a, PixelRect b, double eps)
    {
        var delta = eps * (Math.Min(a.Width, b.Width) + Math.Min(a.Height, b.Height)) * 0.5;
        return Math.Abs(a.X - b.X) <= delta && Math.Abs(a.Y - b.Y) <= delta
            && Math.Abs(a.Right - b.Right) <= delta && Math.Abs(a.Bottom - b.Bottom) <= delta;
    }

    private static bool Inside(PixelRect inner, PixelRect outer, double eps)
    {
        double dx = outer.Width * eps, dy = outer.Height * eps;
        return inner.X >= outer.X - dx && inner.Y >= outer.Y - dy && inner.Right <= outer.Right + dx && inner.Bottom <= outer.Bottom + dy;
    }

    /// <summary>
    /// The region shrunk by a factor, with its integral, squared integral and, for cascades with 45° features, its
    /// tilted integral (<see cref="FillTilted"/>); feature rectangles are compiled into offsets for its strides.
    /// </summary>
    private sealed class ScaledIntegrals : IDisposable
    {
        private readonly int stride;
        private readonly int tiltedStride;
        private readonly int pad;
        private readonly int[] sum;
        private readonly double[] squares;
        private readonly int[]? tilted;
        private readonly int[] offsets;
        private readonly float[] weights;
        private readonly bool[] tiltedFlags;

        public ScaledIntegrals(HaarCascade cascade, LumaImage image, PixelRect region, double s, int sw, int sh)
        {
            stride = sw + 1;
            sum = ArrayPool<int>.Shared.Rent(stride * (sh + 1));
            squares = ArrayPool<double>.Shared.Rent(stride * (sh + 1));
            Array.Clear(sum, 0, stride);
            Array.Clear(squares, 0, stride);
            var shrunk = ArrayPool<int>.Shared.Rent(sw * sh);
            for (var y = 0; y < sh; y++)
            {
                int y0 = region.Y + (int)(y * s), y1 = Math.Max(y0 + 1, region.Y + (int)((y + 1) * s));
                int rowSum = 0;
                double rowSquares = 0;
                sum[(y + 1) * stride] = 0;
                squares[(y + 1) * stride] = 0;
                for (var x = 0; x < sw; x++)
                {
                    int x0 = region.X + (int)(x * s), x1 = Math.Max(x0 + 1, region.X + (int)((x + 1) * s));
                    var area = (x1 - x0) * (y1 - y0);
                    var v = (image.Sum(x0, y0, x1, y1) + (area / 2)) / area;
                    shrunk[(y * sw) + x] = v;
                    rowSum += v;
                    rowSquares += v * v;
                    sum[((y + 1) * stride) + x + 1] = sum[(y * stride) + x + 1] + rowSum;
                    squares[((y + 1) * stride) + x + 1] = squares[(y * stride) + x + 1] + rowSquares;
                }
            }

            if (cascade.HasTiltedFeatures)
            {
                pad = sh + 1;
                tiltedStride = sw + (2 * pad);
                tilted = ArrayPool<int>.Shared.Rent(tiltedStride * (sh + 1));
                FillTilted(shrunk.AsSpan(0, sw * sh), sw, sh, pad, tilted.AsSpan(0, tiltedStride * (sh + 1)));
            }

            ArrayPool<int>.Shared.Return(shrunk);
            (offsets, weights, tiltedFlags) = Compile(cascade);
        }

        /// <summary>Whether the window with top-left (x, y) passes every stage.</summary>
        public bool Passes(HaarCascade cascade, int x, int y)
        {
            int winW = cascade.WindowWidth, winH = cascade.WindowHeight;
            int a = ((y + 1) * stride) + x + 1, b = a + winW - 2, c = a + ((winH - 2) * stride), d = c + winW - 2;
            double total = sum[a] - sum[b] - sum[c] + sum[d];
            var squared = squares[a] - squares[b] - squares[c] + squares[d];
            var norm = ((double)(winW - 2) * (winH - 2) * squared) - (total * total);
            var inverse = norm > 0 ? 1 / Math.Sqrt(norm) : 1;

            var nodes = cascade.Nodes;
            var trees = cascade.Trees;
            var leaves = cascade.Leaves;
            int upright = (y * stride) + x, diagonal = (y * tiltedStride) + x - 1 + pad;
            foreach (var stage in cascade.Stages)
            {
                double score = 0;
                for (var t = stage.FirstTree; t < stage.FirstTree + stage.TreeCount; t++)
                {
                    var tree = trees[t];
                    var index = 0;
                    do
                    {
                        var node = nodes[tree.FirstNode + index];
                        var value = FeatureSum(node.Feature, upright, diagonal) * inverse;
                        index = value < node.Threshold ? node.Left : node.Right;
                    }
                    while (index > 0);
                    score += leaves[tree.FirstLeaf - index];
                }

                if (score < stage.Threshold)
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>
        /// Turns each feature rectangle into four offsets from the window's corner in the integral (or tilted
        /// integral) array, for this scale's row strides: corners (x, y), (x+w, y), (x, y+h), (x+w, y+h); tilted:
        /// top (x, y), right (x+w, y+w), left (x−h, y+h), bottom (x+w−h, y+w+h). A sum is o0 − o1 − o2 + o3.
        /// </summary>
        private (int[] Offsets, float[] Weights, bool[] Tilted) Compile(HaarCascade cascade)
        {
            var features = cascade.Features;
            var offsets = ArrayPool<int>.Shared.Rent(features.Length * 12);
            var weights = ArrayPool<float>.Shared.Rent(features.Length * 3);
            var tiltedFlags = ArrayPool<bool>.Shared.Rent(features.Length);
            for (var f = 0; f < features.Length; f++)
            {
                var feature = features[f];
                tiltedFlags[f] = feature.Tilted;
                for (var i = 0; i < 3; i++)
                {
                    var o = (f * 12) + (i * 4);
                    if (i >= feature.Rects.Length)
                    {
                        weights[(f * 3) + i] = 0;
                        offsets[o] = offsets[o + 1] = offsets[o + 2] = offsets[o + 3] = 0;
                        continue;
                    }

                    var r = feature.Rects[i];
                    weights[(f * 3) + i] = r.Weight;
                    var s = feature.Tilted ? tiltedStride : stride;
                    offsets[o] = (r.Y * s) + r.X;
                    if (feature.Tilted)
                    {
                        offsets[o + 1] = ((r.Y + r.Width) * s) + r.X + r.Width;
                        offsets[o + 2] = ((r.Y + r.Height) * s) + r.X - r.Height;
                        offsets[o + 3] = ((r.Y + r.Width + r.Height) * s) + r.X + r.Width - r.Height;
                    }
                    else
                    {
                        offsets[o + 1] = offsets[o] + r.Width;
                        offsets[o + 2] = offsets[o] + (r.Height * s);
                        offsets[o + 3] = offsets[o + 2] + r.Width;
                    }
                }
            }

            return (offsets, weights, tiltedFlags);
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private double FeatureSum(int feature, int upright, int diagonal)
        {
            var table = tiltedFlags[feature] ? tilted! : sum;
            var origin = tiltedFlags[feature] ? diagonal : upright;
            int o = feature * 12, w = feature * 3;
            var value = weights[w] * (double)(table[origin + offsets[o]] - table[origin + offsets[o + 1]] - table[origin + offsets[o + 2]] + table[origin + offsets[o + 3]]);
            value += weights[w + 1] * (double)(table[origin + offsets[o + 4]] - table[origin + offsets[o + 5]] - table[origin + offsets[o + 6]] + table[origin + offsets[o + 7]]);
            if (weights[w + 2] != 0)
            {
                value += weights[w + 2] * (double)(table[origin + offsets[o + 8]] - table[origin + offsets[o + 9]] - table[origin + offsets[o + 10]] + table[origin + offsets[o + 11]]);
            }

            return value;
        }

        public void Dispose()
        {
            ArrayPool<int>.Shared.Return(sum);
            ArrayPool<double>.Shared.Return(squares);
            ArrayPool<int>.Shared.Return(offsets);
            ArrayPool<float>.Shared.Return(weights);
            ArrayPool<bool>.Shared.Return(tiltedFlags);
            if (tilted is not null)
            {
                ArrayPool<int>.Shared.Return(tilted);
            }
        }
    }
}
