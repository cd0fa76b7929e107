using SocialCard.Core.Photos;
using SocialCard.Core.Photos.Faces;
using SocialCard.Core.Photos.Jpeg;

namespace SocialCard.Core.Tests.Photos.Faces;

/// <summary>
/// An ID-style framing of the astronaut photograph: scaled by <see cref="Scale"/> and placed so that the midpoint of
/// her hand-measured eyes lands at (<see cref="EyesX"/>, <see cref="EyesY"/>) of a <see cref="Width"/> ×
/// <see cref="Height"/> frame. Every hand-measured landmark maps through the same transform, so each test knows
/// where the geometry must be found — and by how much a framing crosses a limit.
/// </summary>
internal sealed record Framing(double Scale, double EyesX, double EyesY, int Width = 358, int Height = 441)
{
    /// <summary>Meets every geometry limit with room: face 214 px, head top 14, eyes at 179, eye line 220.</summary>
    public static Framing Conforming { get; } = new(2.4, 179, 221);

    public PixelPoint LeftEye => Map(Astronaut.LeftEye);

    public PixelPoint RightEye => Map(Astronaut.RightEye);

    public double FaceWidth => Astronaut.FaceWidth * Scale;

    /// <summary>Where the hair starts; negative when the framing cuts the head off (the photo then shows 0).</summary>
    public double HeadTop => EyesY - ((Astronaut.EyeMidpoint.Y - Astronaut.HairTop) * Scale);

    public double EyeLine => Height - EyesY;

    public PixelPoint Map(PixelPoint source) =>
        new(EyesX + ((source.X - Astronaut.EyeMidpoint.X) * Scale), EyesY + ((source.Y - Astronaut.EyeMidpoint.Y) * Scale));

    /// <summary>The frame's pixels, sampled bilinearly from the photograph (edges repeated outside it).</summary>
    public RgbImage Render()
    {
        var source = Astronaut.Image;
        var pixels = new byte[Width * Height * 3];
        var mid = Astronaut.EyeMidpoint;
        for (var y = 0; y < Height; y++)
        {
            // The centre of frame pixel y maps to a continuous source coordinate; pixel centres sit at +0.5.
            var sy = mid.Y + ((y + 0.5 - EyesY) / Scale) - 0.5;
            var y0 = (int)Math.Floor(sy);
            var fy = sy - y0;
            for (var x = 0; x < Width; x++)
            {
                var sx = mid.X + ((x + 0.5 - EyesX) / Scale) - 0.5;
                var x0 = (int)Math.Floor(sx);
                var fx = sx - x0;
                for (var c = 0; c < 3; c++)
                {
                    var top = ((1 - fx) * At(source, x0, y0, c)) + (fx * At(source, x0 + 1, y0, c));
                    var bottom = ((1 - fx) * At(source, x0, y0 + 1, c)) + (fx * At(source, x0 + 1, y0 + 1, c));
                    pixels[(((y * Width) + x) * 3) + c] = (byte)Math.Clamp(Math.Round(((1 - fy) * top) + (fy * bottom)), 0, 255);
                }
            }
        }

        return new RgbImage(pixels, Width, Height);
    }

    public byte[] Jpeg(int quality = 90)
    {
        var image = Render();
        return TestImages.Codec.Encode(image.Pixels, Width, Height, JpegPixelFormat.Rgb, quality, dpi: 350);
    }

    /// <summary>Two astronauts side by side in one 358 × 441 frame, each in a 179 px wide half.</summary>
    public static RgbImage SideBySide(double scale)
    {
        var half = new Framing(scale, 90, 200, Width: 179).Render();
        var pixels = new byte[358 * 441 * 3];
        for (var y = 0; y < 441; y++)
        {
            Array.Copy(half.Pixels, y * 179 * 3, pixels, y * 358 * 3, 179 * 3);
            Array.Copy(half.Pixels, y * 179 * 3, pixels, ((y * 358) + 179) * 3, 179 * 3);
        }

        return new RgbImage(pixels, 358, 441);
    }

    private static byte At(RgbImage image, int x, int y, int channel) =>
        image.Pixels[(((Math.Clamp(y, 0, image.Height - 1) * image.Width) + Math.Clamp(x, 0, image.Width - 1)) * 3) + channel];
}

/// <summary>The cascades from the system (opencv-data), loaded once for all tests; missing files fail with the package name.</summary>
internal static class SystemCascades
{
    private static readonly Lazy<FaceCascades> Loaded = new(() => FaceCascades.Load(FaceCascades.DefaultDirectory));
    private static readonly Lazy<FaceGeometry> LoadedGeometry = new(() => new FaceGeometry(Cascades));

    public static FaceCascades Cascades => Loaded.Value;

    public static FaceGeometry Geometry => LoadedGeometry.Value;
}
