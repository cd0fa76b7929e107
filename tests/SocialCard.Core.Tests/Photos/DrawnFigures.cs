using SocialCard.Core.Photos.Jpeg;

namespace SocialCard.Core.Tests.Photos;

/// <summary>How to draw the synthetic figure (not a photograph); the defaults make a file that meets the specification.</summary>
internal sealed record DrawnFigureOptions
{
    public int Width { get; init; } = 358;

    public int Height { get; init; } = 441;

    public Rgb Background { get; init; } = new(247, 247, 245);

    /// <summary>Amplitude of the per-pixel noise: sensor grain, which also gives the JPEG a realistic size.</summary>
    public int Noise { get; init; } = 9;

    public int Seed { get; init; } = 12345;

    public int FrameWidth { get; init; }

    public Rgb FrameColor { get; init; } = new(0, 0, 0);

    /// <summary>Every channel is multiplied by this (0.3: a very dark photo).</summary>
    public double Exposure { get; init; } = 1.0;

    /// <summary>Box blur radius applied after drawing (0: sharp).</summary>
    public int BlurRadius { get; init; }

    /// <summary>Gray content stored as RGB: a black-and-white photo in a colour file.</summary>
    public bool Monochrome { get; init; }
}

internal readonly record struct Rgb(byte R, byte G, byte B);

/// <summary>
/// A drawn figure, not a photograph: a passport-style head and shoulders painted in code from flat-coloured ellipses
/// (no image files in the repository) — white background, dark hair, a skin-coloured face with brows, eyes, nose and
/// mouth, ears, neck and dark clothes, with per-pixel grain. It is laid out on the 358 × 441 grid of the specification
/// — face 200 px wide, hair top 15 px below the edge, eyes at y 200, centred — and scaled to other sizes. The
/// inspector flags it PHOTO_NOT_PHOTOGRAPH and the eye cascades do not find its cartoon eyes; real-photo cases use
/// the astronaut (<see cref="Faces.Astronaut"/>).
/// </summary>
internal static class DrawnFigures
{
    private static readonly Rgb Hair = new(38, 28, 24);
    private static readonly Rgb Skin = new(228, 184, 152);
    private static readonly Rgb SkinShade = new(208, 160, 130);
    private static readonly Rgb Clothes = new(28, 38, 72);
    private static readonly Rgb Brow = new(52, 38, 32);
    private static readonly Rgb EyeWhite = new(238, 238, 232);
    private static readonly Rgb Iris = new(62, 42, 32);
    private static readonly Rgb Pupil = new(12, 10, 10);
    private static readonly Rgb Lips = new(178, 86, 86);

    /// <summary>The figure as RGB pixels (3 bytes per pixel, rows top-down).</summary>
    public static byte[] Pixels(DrawnFigureOptions options)
    {
        int w = options.Width, h = options.Height;
        var pixels = new byte[w * h * 3];
        var random = new XorShift(options.Seed);
        double sx = 358.0 / w, sy = 441.0 / h;
        for (var y = 0; y < h; y++)
        {
            for (var x = 0; x < w; x++)
            {
                var (colour, shade) = ColourAt((x + 0.5) * sx, (y + 0.5) * sy, options.Background);
                var grain = random.Next(options.Noise);
                var i = ((y * w) + x) * 3;
                pixels[i] = Clamp(((colour.R * shade) + grain + random.Next(2)) * options.Exposure);
                pixels[i + 1] = Clamp(((colour.G * shade) + grain + random.Next(2)) * options.Exposure);
                pixels[i + 2] = Clamp(((colour.B * shade) + grain + random.Next(2)) * options.Exposure);
            }
        }

        if (options.FrameWidth > 0)
        {
            DrawFrame(pixels, w, h, options.FrameWidth, options.FrameColor);
        }

        if (options.BlurRadius > 0)
        {
            BoxBlur(pixels, w, h, options.BlurRadius);
        }

        if (options.Monochrome)
        {
            for (var i = 0; i < pixels.Length; i += 3)
            {
                var luma = (byte)(((77 * pixels[i]) + (150 * pixels[i + 1]) + (29 * pixels[i + 2]) + 128) >> 8);
                pixels[i] = pixels[i + 1] = pixels[i + 2] = luma;
            }
        }

        return pixels;
    }

    /// <summary>The figure as a JPEG; <paramref name="dpi"/> null leaves TurboJPEG's "no unit" density.</summary>
    public static byte[] Jpeg(DrawnFigureOptions? options = null, int quality = 70, int? dpi = 350)
    {
        options ??= new DrawnFigureOptions();
        return TestImages.Codec.Encode(Pixels(options), options.Width, options.Height, JpegPixelFormat.Rgb, quality, dpi: dpi);
    }

    /// <summary>The same figure as a grayscale JPEG (colour space GRAY).</summary>
    public static byte[] GrayJpeg(DrawnFigureOptions? options = null, int quality = 70)
    {
        options ??= new DrawnFigureOptions();
        var rgb = Pixels(options);
        var gray = new byte[options.Width * options.Height];
        for (var i = 0; i < gray.Length; i++)
        {
            gray[i] = (byte)(((77 * rgb[3 * i]) + (150 * rgb[(3 * i) + 1]) + (29 * rgb[(3 * i) + 2]) + 128) >> 8);
        }

        return TestImages.Codec.Encode(gray, options.Width, options.Height, JpegPixelFormat.Gray, quality, dpi: 350);
    }

    /// <summary>The same figure converted to CMYK (TurboJPEG stores it as YCCK).</summary>
    public static byte[] CmykJpeg(DrawnFigureOptions? options = null, int quality = 70)
    {
        options ??= new DrawnFigureOptions();
        var rgb = Pixels(options);
        var cmyk = new byte[options.Width * options.Height * 4];
        for (int i = 0, j = 0; i < rgb.Length; i += 3, j += 4)
        {
            var k = 255 - Math.Max(rgb[i], Math.Max(rgb[i + 1], rgb[i + 2]));
            var scale = k == 255 ? 0 : 255.0 / (255 - k);
            cmyk[j] = Clamp((255 - rgb[i] - k) * scale);
            cmyk[j + 1] = Clamp((255 - rgb[i + 1] - k) * scale);
            cmyk[j + 2] = Clamp((255 - rgb[i + 2] - k) * scale);
            cmyk[j + 3] = (byte)k;
        }

        return TestImages.Codec.Encode(cmyk, options.Width, options.Height, JpegPixelFormat.Cmyk, quality, dpi: 350);
    }

    /// <summary>
    /// A drawn face, not a photograph, made the way a Python script makes one with PIL's <c>ImageDraw</c>: a canvas of
    /// one flat <paramref name="background"/> colour, a filled ellipse for the face, filled ellipses for the eyes and
    /// one for the mouth — no anti-aliasing, no grain. Each ellipse fills the pixels whose centres lie inside the
    /// ellipse inscribed in its bounding box (as <c>ImageDraw.ellipse([x0, y0, x1, y1], fill=…)</c> with inclusive
    /// corners), on the 358 × 441 grid with the face 200 px wide and the eyes at y 200. A 350 dpi JPEG at quality 70.
    /// </summary>
    public static byte[] EllipseFaceJpeg(Rgb background, Rgb face, Rgb eyes)
    {
        const int w = 358, h = 441;
        var pixels = new byte[w * h * 3];
        Fill(0, 0, w - 1, h - 1, background, rectangle: true);
        Fill(79, 80, 278, 339, face);
        Fill(119, 190, 158, 209, eyes);
        Fill(199, 190, 238, 209, eyes);
        Fill(149, 270, 208, 289, new Rgb(170, 70, 70));
        return TestImages.Codec.Encode(pixels, w, h, JpegPixelFormat.Rgb, 70, dpi: 350);

        void Fill(int x0, int y0, int x1, int y1, Rgb colour, bool rectangle = false)
        {
            double cx = (x0 + x1 + 1) / 2.0, cy = (y0 + y1 + 1) / 2.0, rx = (x1 + 1 - x0) / 2.0, ry = (y1 + 1 - y0) / 2.0;
            for (var y = y0; y <= y1; y++)
            {
                for (var x = x0; x <= x1; x++)
                {
                    if (rectangle || Inside(x + 0.5, y + 0.5, cx, cy, rx, ry))
                    {
                        var i = ((y * w) + x) * 3;
                        (pixels[i], pixels[i + 1], pixels[i + 2]) = (colour.R, colour.G, colour.B);
                    }
                }
            }
        }
    }

    private static (Rgb Colour, double Shade) ColourAt(double x, double y, Rgb background)
    {
        const double cx = 179;

        // Front to back: eyes, brows, mouth, nose, face, ears, hair, neck, clothes.
        for (var side = -1; side <= 1; side += 2)
        {
            var ex = cx + (side * 40);
            if (Inside(x, y, ex, 200, 3.5, 3.5))
            {
                return (Pupil, 1);
            }

            if (Inside(x, y, ex, 200, 7, 7))
            {
                return (Iris, 1);
            }

            if (Inside(x, y, ex, 200, 17, 8))
            {
                return (EyeWhite, 1);
            }

            if (Inside(x, y, ex, 180, 22, 5))
            {
                return (Brow, 1);
            }
        }

        if (Inside(x, y, cx, 282, 26, 7))
        {
            return (Lips, 1);
        }

        var inFace = Inside(x, y, cx, 210, 100, 122) && y >= 112;
        if (inFace)
        {
            // Soft light falling off towards the cheeks and chin, as on a lit face.
            var dx = (x - cx) / 100;
            var dy = (y - 210) / 122;
            var shade = 1.04 - (0.12 * ((dx * dx) + (dy * dy)));
            return Inside(x, y, cx, 242, 9, 20) ? (SkinShade, shade) : (Skin, shade);
        }

        if (Inside(x, y, cx - 103, 215, 13, 27) || Inside(x, y, cx + 103, 215, 13, 27))
        {
            return (SkinShade, 1);
        }

        if (Inside(x, y, cx, 165, 122, 150))
        {
            return (Hair, 1);
        }

        if (Math.Abs(x - cx) <= 42 && y is >= 290 and <= 400)
        {
            return (SkinShade, 0.95);
        }

        return Inside(x, y, cx, 600, 250, 235) ? (Clothes, 1) : (background, 1);
    }

    private static bool Inside(double x, double y, double cx, double cy, double rx, double ry)
    {
        var dx = (x - cx) / rx;
        var dy = (y - cy) / ry;
        return (dx * dx) + (dy * dy) <= 1;
    }

    private static void DrawFrame(byte[] pixels, int w, int h, int width, Rgb colour)
    {
        for (var y = 0; y < h; y++)
        {
            for (var x = 0; x < w; x++)
            {
                if (x < width || y < width || x >= w - width || y >= h - width)
                {
                    var i = ((y * w) + x) * 3;
                    (pixels[i], pixels[i + 1], pixels[i + 2]) = (colour.R, colour.G, colour.B);
                }
            }
        }
    }

    /// <summary>Separable box blur, edges clamped: an out-of-focus photo.</summary>
    private static void BoxBlur(byte[] pixels, int w, int h, int radius)
    {
        var temp = new byte[pixels.Length];
        Pass(pixels, temp, w, h, radius, horizontal: true);
        Pass(temp, pixels, w, h, radius, horizontal: false);

        static void Pass(byte[] source, byte[] target, int w, int h, int radius, bool horizontal)
        {
            var n = (2 * radius) + 1;
            for (var y = 0; y < h; y++)
            {
                for (var x = 0; x < w; x++)
                {
                    for (var c = 0; c < 3; c++)
                    {
                        var sum = 0;
                        for (var k = -radius; k <= radius; k++)
                        {
                            var sx = horizontal ? Math.Clamp(x + k, 0, w - 1) : x;
                            var sy = horizontal ? y : Math.Clamp(y + k, 0, h - 1);
                            sum += source[(((sy * w) + sx) * 3) + c];
                        }

                        target[(((y * w) + x) * 3) + c] = (byte)((sum + (n / 2)) / n);
                    }
                }
            }
        }
    }

    private static byte Clamp(double value) => (byte)Math.Clamp(Math.Round(value), 0, 255);

    /// <summary>A tiny deterministic generator: the same options always give the same bytes.</summary>
    private struct XorShift(int seed)
    {
        private uint state = (uint)seed | 1;

        /// <summary>A value in [-amplitude, amplitude].</summary>
        public int Next(int amplitude)
        {
            state ^= state << 13;
            state ^= state >> 17;
            state ^= state << 5;
            return amplitude == 0 ? 0 : (int)(state % (uint)((2 * amplitude) + 1)) - amplitude;
        }
    }
}
