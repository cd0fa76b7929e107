using SocialCard.Core.Photos.Jpeg;

namespace SocialCard.Benchmarks.Photos;

/// <summary>What is wrong with a generated photo (<see cref="None"/>: it meets the specification).</summary>
internal enum Fault
{
    None,
    Shifted,
    Scaled,
    GreyBackground,
    Cmyk,
    WrongDpi,
    Oversize,
}

/// <summary>
/// Draws head-and-shoulders figures in code: ellipses for hair, face, ears, eyes, brows, nose and mouth, a neck and
/// dark clothes, on a white background with sensor-like noise. Everything is laid out in units of the face width
/// <c>F</c> around the eye midpoint, so a figure can be placed and sized anywhere. The defaults meet the card
/// specification (358 × 441, face 200–215 px, eyes centred 200 px from the top, 350 dpi, quality 70).
/// </summary>
internal static class FigureGenerator
{
    private static readonly JpegCodec Codec = new();

    public static byte[] Photo(int seed, Fault fault)
    {
        var random = new Random(seed);
        var face = 200 + random.Next(0, 16);
        double eyesX = 179 + random.Next(-5, 6), eyesY = 200 + random.Next(-4, 5);
        int width = 358, height = 441, dpi = 350;
        var background = (R: 248, G: 248, B: 246);
        switch (fault)
        {
            case Fault.Shifted:
                eyesX += random.Next(2) == 0 ? -45 : 45;
                eyesY += 40;
                break;
            case Fault.Scaled:
                face = random.Next(2) == 0 ? 150 : 290;
                break;
            case Fault.GreyBackground:
                background = (178, 180, 182);
                break;
            case Fault.WrongDpi:
                dpi = random.Next(2) == 0 ? 72 : 300;
                break;
            case Fault.Oversize:
                (width, height, face, eyesX, eyesY) = (716, 882, face * 2, eyesX * 2, eyesY * 2);
                break;
        }

        var pixels = Draw(width, height, face, eyesX, eyesY, background, seed);
        if (fault == Fault.Cmyk)
        {
            return Codec.Encode(ToCmyk(pixels), width, height, JpegPixelFormat.Cmyk, 70, dpi: dpi);
        }

        return Codec.Encode(pixels, width, height, JpegPixelFormat.Rgb, 70, dpi: dpi);
    }

    /// <summary>RGB pixels of a figure whose eye midpoint is at (<paramref name="eyesX"/>, <paramref name="eyesY"/>).</summary>
    public static byte[] Draw(int width, int height, double face, double eyesX, double eyesY, (int R, int G, int B) background, int seed)
    {
        var pixels = new byte[width * height * 3];
        var state = (uint)seed | 1u;
        for (var y = 0; y < height; y++)
        {
            var v = (y + 0.5 - eyesY) / face;
            for (var x = 0; x < width; x++)
            {
                var u = (x + 0.5 - eyesX) / face;
                var (r, g, b) = Colour(u, v, background);
                state ^= state << 13;
                state ^= state >> 17;
                state ^= state << 5;
                var noise = (int)(state % 13) - 6;
                var i = ((y * width) + x) * 3;
                pixels[i] = Clamp(r + noise);
                pixels[i + 1] = Clamp(g + noise);
                pixels[i + 2] = Clamp(b + noise);
            }
        }

        return pixels;
    }

    /// <summary>The colour at (u, v) face widths from the eye midpoint, front to back.</summary>
    private static (int R, int G, int B) Colour(double u, double v, (int R, int G, int B) background)
    {
        var side = Math.Abs(u);
        if (In(side, v, 0.2, 0, 0.017, 0.017))
        {
            return (12, 10, 10); // pupil
        }

        if (In(side, v, 0.2, 0, 0.036, 0.036))
        {
            return (70, 48, 36); // iris
        }

        if (In(side, v, 0.2, 0, 0.085, 0.04))
        {
            return (236, 236, 230); // white of the eye
        }

        if (In(side, v, 0.2, -0.1, 0.11, 0.025))
        {
            return (55, 40, 32); // brow
        }

        if (In(u, v, 0, 0.4, 0.13, 0.035))
        {
            return (176, 84, 84); // mouth
        }

        if (In(u, v, 0, 0.1, 0.5, 0.61) && v > -0.44)
        {
            // Skin, a little darker towards the edges and down the nose.
            var shade = 1.03 - (0.14 * ((u * u / 0.25) + ((v - 0.1) * (v - 0.1) / 0.37)));
            var nose = In(u, v, 0, 0.2, 0.045, 0.1) ? 0.9 : 1.0;
            return ((int)(228 * shade * nose), (int)(184 * shade * nose), (int)(152 * shade * nose));
        }

        if (In(side, v, 0.51, 0.08, 0.065, 0.13))
        {
            return (206, 160, 130); // ears
        }

        if (In(u, v, 0, -0.17, 0.61, 0.74))
        {
            return (36, 27, 22); // hair
        }

        if (side < 0.21 && v > 0.5 && v < 1.3)
        {
            return (205, 158, 128); // neck
        }

        return In(u, v, 0, 2.0, 1.3, 1.15) ? (28, 38, 72) : background;
    }

    private static bool In(double x, double y, double cx, double cy, double rx, double ry)
    {
        var dx = (x - cx) / rx;
        var dy = (y - cy) / ry;
        return (dx * dx) + (dy * dy) <= 1;
    }

    /// <summary>Naive RGB → CMYK (what a print shop's export gives); TurboJPEG stores it as YCCK.</summary>
    private static byte[] ToCmyk(byte[] rgb)
    {
        var cmyk = new byte[rgb.Length / 3 * 4];
        for (int i = 0, j = 0; i < rgb.Length; i += 3, j += 4)
        {
            var max = Math.Max(rgb[i], Math.Max(rgb[i + 1], rgb[i + 2]));
            var k = 255 - max;
            cmyk[j] = (byte)(max == 0 ? 0 : (max - rgb[i]) * 255 / max);
            cmyk[j + 1] = (byte)(max == 0 ? 0 : (max - rgb[i + 1]) * 255 / max);
            cmyk[j + 2] = (byte)(max == 0 ? 0 : (max - rgb[i + 2]) * 255 / max);
            cmyk[j + 3] = (byte)k;
        }

        return cmyk;
    }

    private static byte Clamp(int value) => (byte)Math.Clamp(value, 0, 255);
}
