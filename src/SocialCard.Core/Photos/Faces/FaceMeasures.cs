namespace SocialCard.Core.Photos.Faces;

/// <summary>
/// The centre of an eye inside the box an eye cascade found: the darkest smoothed point of the box's middle (below
/// the brow), then the darkness-weighted centroid around it, twice. The iris and pupil are the darkest round thing
/// there; weighting by darkness ignores the catch-light in the pupil and the white of the eye.
/// </summary>
internal static class EyeCentre
{
    public static PixelPoint Refine(LumaImage luma, PixelRect eye)
    {
        int w = luma.Width, h = luma.Height;
        var search = new PixelRect(eye.X + (eye.Width / 5), eye.Y + (eye.Height * 3 / 10), eye.Width * 3 / 5, eye.Height * 9 / 20).ClipTo(w, h);
        if (search.Width < 3 || search.Height < 3)
        {
            return new PixelPoint(eye.X + (eye.Width / 2.0), eye.Y + (eye.Height / 2.0));
        }

        var r = Math.Max(1, eye.Width / 24);
        double darkest = double.MaxValue, total = 0;
        int bx = search.X, by = search.Y;
        for (var y = search.Y; y < search.Bottom; y++)
        {
            for (var x = search.X; x < search.Right; x++)
            {
                total += luma.Pixels[(y * w) + x];
                int x0 = Math.Max(0, x - r), y0 = Math.Max(0, y - r), x1 = Math.Min(w, x + r + 1), y1 = Math.Min(h, y + r + 1);
                var mean = luma.Sum(x0, y0, x1, y1) / (double)((x1 - x0) * (y1 - y0));
                if (mean < darkest)
                {
                    (darkest, bx, by) = (mean, x, y);
                }
            }
        }

        // Halfway between the darkest point and the region's mean: the iris, not the skin or the white of the eye.
        var threshold = (darkest + (total / (search.Width * search.Height))) / 2;
        var radius = Math.Max(2, (int)Math.Round(eye.Width * 0.12));
        double cx = bx, cy = by;
        for (var pass = 0; pass < 2; pass++)
        {
            double sum = 0, sx = 0, sy = 0;
            var window = new PixelRect((int)Math.Round(cx) - radius, (int)Math.Round(cy) - radius, (2 * radius) + 1, (2 * radius) + 1).ClipTo(w, h);
            for (var y = window.Y; y < window.Bottom; y++)
            {
                for (var x = window.X; x < window.Right; x++)
                {
                    var weight = threshold - luma.Pixels[(y * w) + x];
                    if (weight > 0)
                    {
                        sum += weight;
                        sx += weight * x;
                        sy += weight * y;
                    }
                }
            }

            if (sum <= 0)
            {
                break;
            }

            (cx, cy) = (sx / sum, sy / sum);
        }

        return new PixelPoint(cx + 0.5, cy + 0.5);
    }
}

/// <summary>
/// Face width at ear level. The skin colour is sampled on both cheeks under the eyes. In the band from a fifth to
/// seven tenths of the eye distance below the eye line (between the eyes and the bottom of the nose, where the ears
/// join the head) a column counts as face when at least half of its pixels match the skin; the face runs outwards
/// from each eye over such columns, bridging gaps of up to a tenth of the eye distance (creases, shadows), until
/// hair, background or a dark shadow takes over. Ears that stand out are mostly excluded: they cover only part of
/// the band.
/// </summary>
internal static class FaceWidths
{
    public static double Measure(RgbImageView image, PixelRect face, PixelPoint left, PixelPoint right)
    {
        var d = Math.Max(right.X - left.X, face.Width * 0.3);
        var eyeY = (left.Y + right.Y) / 2;
        var skin = SkinModel.Sample(image, [
            new PixelRect((int)(left.X - (0.2 * d)), (int)(eyeY + (0.35 * d)), (int)(0.4 * d), (int)(0.25 * d)),
            new PixelRect((int)(right.X - (0.2 * d)), (int)(eyeY + (0.35 * d)), (int)(0.4 * d), (int)(0.25 * d)),
        ]);
        int y0 = Math.Clamp((int)(eyeY + (0.2 * d)), 0, image.Height - 1), y1 = Math.Clamp((int)(eyeY + (0.7 * d)), y0 + 1, image.Height);
        var reach = face.Width * 35 / 100;
        int x0 = Math.Max(0, face.X - reach), x1 = Math.Min(image.Width, face.Right + reach);
        int from = Math.Clamp((int)left.X, x0, x1 - 1), to = Math.Clamp((int)right.X, x0, x1 - 1);
        var isFace = new bool[x1 - x0];
        for (var x = x0; x < x1; x++)
        {
            var count = 0;
            for (var y = y0; y < y1; y++)
            {
                count += skin.Matches(image, x, y) ? 1 : 0;
            }

            isFace[x - x0] = 2 * count >= y1 - y0;
        }

        var gap = Math.Max(2, (int)(d / 10));
        return Edge(isFace, to - x0, 1, gap) - Edge(isFace, from - x0, -1, gap) + 1;
    }

    /// <summary>The last face column met going from <paramref name="start"/> in <paramref name="direction"/>, bridging gaps.</summary>
    private static int Edge(bool[] isFace, int start, int direction, int gap)
    {
        var last = start;
        for (int x = start, misses = 0; x >= 0 && x < isFace.Length; x += direction)
        {
            if (isFace[x])
            {
                (last, misses) = (x, 0);
            }
            else if (++misses > gap)
            {
                break;
            }
        }

        return last;
    }
}

/// <summary>The colour of the face's skin: mean and spread of luma and of the two colour differences R − G, G − B.</summary>
internal readonly record struct SkinModel(double Luma, double LumaSpread, double RedGreen, double RedGreenSpread, double GreenBlue, double GreenBlueSpread)
{
    public static SkinModel Sample(RgbImageView image, PixelRect[] patches)
    {
        double n = 0, l = 0, ll = 0, a = 0, aa = 0, b = 0, bb = 0;
        foreach (var patch in patches)
        {
            var p = patch.ClipTo(image.Width, image.Height);
            for (var y = p.Y; y < p.Bottom; y++)
            {
                for (var x = p.X; x < p.Right; x++)
                {
                    var (luma, rg, gb) = Read(image, x, y);
                    (n, l, ll, a, aa, b, bb) = (n + 1, l + luma, ll + (luma * luma), a + rg, aa + (rg * rg), b + gb, bb + (gb * gb));
                }
            }
        }

        n = Math.Max(n, 1);
        return new SkinModel(l / n, Spread(l, ll, n), a / n, Spread(a, aa, n), b / n, Spread(b, bb, n));

        static double Spread(double sum, double squares, double n) => Math.Sqrt(Math.Max(0, (squares / n) - Math.Pow(sum / n, 2)));
    }

    /// <summary>Colour within 2.5 spreads (at least 12 levels) of the cheeks; luma may fall into shadow, not into hair.</summary>
    public bool Matches(RgbImageView image, int x, int y)
    {
        var (luma, rg, gb) = Read(image, x, y);
        return Math.Abs(rg - RedGreen) <= Math.Max(12, 2.5 * RedGreenSpread)
            && Math.Abs(gb - GreenBlue) <= Math.Max(12, 2.5 * GreenBlueSpread)
            && luma >= Luma - Math.Max(70, 3.5 * LumaSpread)
            && luma <= Luma + Math.Max(35, 3 * LumaSpread);
    }

    private static (double Luma, double RedGreen, double GreenBlue) Read(RgbImageView image, int x, int y)
    {
        var i = (y * image.Stride) + (x * 3);
        int r = image.Pixels[i], g = image.Pixels[i + 1], b = image.Pixels[i + 2];
        return ((0.299 * r) + (0.587 * g) + (0.114 * b), r - g, g - b);
    }
}

/// <summary>
/// The top of the head: the first row, from the top edge down, where the middle of the face's width holds enough
/// pixels unlike the background (two rows in a row, so a speck of dust does not count); a pixel is unlike it when a
/// channel differs by more than 40. The background colour is the brightest of the two top corners and the top two
/// rows above the face: the background should be white, and this way neither hair reaching the top edge nor
/// something standing in a corner is taken for it.
/// </summary>
internal static class HeadTops
{
    private const int Difference = 40;

    public static int Find(RgbImageView image, PixelRect face)
    {
        int w = image.Width, h = image.Height;
        int cw = Math.Max(1, w * 6 / 100), ch = Math.Max(1, h * 4 / 100);
        int x0 = Math.Max(0, face.X + (face.Width * 15 / 100)), x1 = Math.Min(w, face.Right - (face.Width * 15 / 100));
        var background = Mean(image, new PixelRect(0, 0, cw, ch));
        foreach (var area in new[] { new PixelRect(w - cw, 0, cw, ch), new PixelRect(x0, 0, x1 - x0, 2) })
        {
            var mean = Mean(image, area.ClipTo(w, h));
            background = mean.R + mean.G + mean.B > background.R + background.G + background.B ? mean : background;
        }

        var needed = Math.Max(3, (x1 - x0) / 25);
        var previous = false;
        for (var y = 0; y < Math.Min(face.Bottom, h); y++)
        {
            var unlike = 0;
            for (var x = x0; x < x1; x++)
            {
                var i = (y * image.Stride) + (x * 3);
                if (Unlike((image.Pixels[i], image.Pixels[i + 1], image.Pixels[i + 2]), background))
                {
                    unlike++;
                }
            }

            var head = unlike >= needed;
            if (head && previous)
            {
                return y - 1;
            }

            previous = head;
        }

        return Math.Clamp(face.Y, 0, h);
    }

    private static bool Unlike((int R, int G, int B) a, (int R, int G, int B) b) =>
        Math.Abs(a.R - b.R) > Difference || Math.Abs(a.G - b.G) > Difference || Math.Abs(a.B - b.B) > Difference;

    private static (int R, int G, int B) Mean(RgbImageView image, PixelRect area)
    {
        long r = 0, g = 0, b = 0;
        for (var y = area.Y; y < area.Bottom; y++)
        {
            for (var x = area.X; x < area.Right; x++)
            {
                var i = (y * image.Stride) + (x * 3);
                (r, g, b) = (r + image.Pixels[i], g + image.Pixels[i + 1], b + image.Pixels[i + 2]);
            }
        }

        var n = Math.Max(1, area.Width * area.Height);
        return ((int)(r / n), (int)(g / n), (int)(b / n));
    }
}
