using SocialCard.Core.Photos;
using SocialCard.Core.Photos.Jpeg;
using SocialCard.Core.Tests.Photos.Faces;

namespace SocialCard.Core.Tests.Photos.Fixing;

/// <summary>
/// Camera-like originals for the fixer, made from the astronaut photograph (<see cref="Astronaut"/>): her mottled
/// backdrop replaced by white (<see cref="WhiteBackdrop"/>), the picture enlarged <c>k</c> times and placed on a
/// canvas so that her eye midpoint lands at a chosen point. Every landmark maps through the same transform, so a test
/// knows the face width and eye position of the original it hands to the fixer.
/// </summary>
internal static class CameraOriginals
{
    public static readonly Rgb White = new(249, 249, 247);

    private static readonly Lazy<RgbImage> Whitened = new(() => ReplaceBackdrop(Astronaut.Image, White));

    /// <summary>The astronaut with her backdrop painted white (the flag and the shuttle model at the sides stay).</summary>
    public static RgbImage WhiteBackdrop => Whitened.Value;

    /// <summary>The astronaut's face width in the original, as the face geometry measures it (≈ 0.97 of the hand measure).</summary>
    public static double FaceWidth(double k) => Astronaut.FaceWidth * k;

    /// <summary>
    /// A <paramref name="width"/> × <paramref name="height"/> canvas of <paramref name="canvas"/> colour (white by default),
    /// with <paramref name="picture"/> (default: <see cref="WhiteBackdrop"/>) enlarged <paramref name="k"/> times so that
    /// the astronaut's eye midpoint is at (<paramref name="eyesX"/>, <paramref name="eyesY"/>); sampled bilinearly,
    /// with ±2 levels of noise everywhere, as a camera sensor gives.
    /// </summary>
    public static RgbImage Render(int width, int height, double k, double eyesX, double eyesY, RgbImage? picture = null, Rgb? canvas = null)
    {
        var source = picture ?? WhiteBackdrop;
        var background = canvas ?? White;
        var mid = Astronaut.EyeMidpoint;
        var pixels = new byte[width * height * 3];
        var random = new Random(width ^ (height << 8) ^ (int)(k * 1000));
        Span<double> colour = stackalloc double[3];
        for (var y = 0; y < height; y++)
        {
            var sy = mid.Y + ((y + 0.5 - eyesY) / k) - 0.5;
            var y0 = (int)Math.Floor(sy);
            var fy = sy - y0;
            var rowInside = sy >= -0.5 && sy < source.Height - 0.5;
            for (var x = 0; x < width; x++)
            {
                var sx = mid.X + ((x + 0.5 - eyesX) / k) - 0.5;
                var i = ((y * width) + x) * 3;
                var noise = random.Next(-2, 3);
                if (!rowInside || sx < -0.5 || sx >= source.Width - 0.5)
                {
                    pixels[i] = Clamp(background.R + noise);
                    pixels[i + 1] = Clamp(background.G + noise);
                    pixels[i + 2] = Clamp(background.B + noise);
                    continue;
                }

                var x0 = (int)Math.Floor(sx);
                var fx = sx - x0;
                for (var c = 0; c < 3; c++)
                {
                    var top = ((1 - fx) * At(source, x0, y0, c)) + (fx * At(source, x0 + 1, y0, c));
                    var bottom = ((1 - fx) * At(source, x0, y0 + 1, c)) + (fx * At(source, x0 + 1, y0 + 1, c));
                    pixels[i + c] = Clamp(((1 - fy) * top) + (fy * bottom) + noise);
                }
            }
        }

        return new RgbImage(pixels, width, height);
    }

    public static byte[] Jpeg(RgbImage image, int quality = 92, int? dpi = 72) =>
        TestImages.Codec.Encode(image.Pixels, image.Width, image.Height, JpegPixelFormat.Rgb, quality, dpi: dpi);

    /// <summary>
    /// Paints the backdrop: a flood fill from the top row and the upper two thirds of the side columns through
    /// pixels that are light and nearly grey (luma ≥ 135, max − min of R, G, B ≤ 32). Her hair, skin and suit are
    /// coloured, so the fill stops at them; the whites of her eyes and teeth are enclosed, so it never reaches them.
    /// </summary>
    private static RgbImage ReplaceBackdrop(RgbImage image, Rgb colour)
    {
        int w = image.Width, h = image.Height;
        var pixels = (byte[])image.Pixels.Clone();
        var seen = new bool[w * h];
        var queue = new Queue<int>();
        for (var x = 0; x < w; x++)
        {
            Seed(x, 0);
        }

        for (var y = 0; y < h * 2 / 3; y++)
        {
            Seed(0, y);
            Seed(w - 1, y);
        }

        while (queue.Count > 0)
        {
            var p = queue.Dequeue();
            int x = p % w, y = p / w;
            (pixels[p * 3], pixels[(p * 3) + 1], pixels[(p * 3) + 2]) = (colour.R, colour.G, colour.B);
            Seed(x - 1, y);
            Seed(x + 1, y);
            Seed(x, y - 1);
            Seed(x, y + 1);
        }

        return new RgbImage(pixels, w, h);

        void Seed(int x, int y)
        {
            if (x < 0 || y < 0 || x >= w || y >= h || seen[(y * w) + x])
            {
                return;
            }

            seen[(y * w) + x] = true;
            var i = ((y * w) + x) * 3;
            int r = image.Pixels[i], g = image.Pixels[i + 1], b = image.Pixels[i + 2];
            var luma = (0.299 * r) + (0.587 * g) + (0.114 * b);
            if (luma >= 135 && Math.Max(r, Math.Max(g, b)) - Math.Min(r, Math.Min(g, b)) <= 32)
            {
                queue.Enqueue((y * w) + x);
            }
        }
    }

    private static double At(RgbImage image, int x, int y, int channel) =>
        image.Pixels[(((Math.Clamp(y, 0, image.Height - 1) * image.Width) + Math.Clamp(x, 0, image.Width - 1)) * 3) + channel];

    private static byte Clamp(double value) => (byte)Math.Clamp(Math.Round(value), 0, 255);
}
