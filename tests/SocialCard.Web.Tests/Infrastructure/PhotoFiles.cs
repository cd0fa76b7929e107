using System.IO.Compression;
using SocialCard.Core.Photos.Jpeg;

namespace SocialCard.Web.Tests.Infrastructure;

/// <summary>Photos and archives built in code: a drawn head-and-shoulders figure, and hostile files.</summary>
public static class PhotoFiles
{
    private static readonly JpegCodec Codec = new();

    private static readonly Lazy<byte[]> Compliant = new(() =>
    {
        var fixer = new Core.Photos.Fixing.PhotoFixer(Codec, new Core.Photos.Faces.FaceGeometry(Core.Photos.Faces.FaceCascades.Load(Core.Photos.Faces.FaceCascades.DefaultDirectory)), new Core.Photos.PhotoSpec());
        var result = fixer.Fix(Core.Tests.Photos.Fixing.CameraOriginals.Jpeg(Core.Tests.Photos.Fixing.CameraOriginals.Render(1500, 2000, 2.8, 750, 800)));
        Assert.True(result.Fixed, result.Refusal);
        return result.Bytes!;
    });

    /// <summary>
    /// A card photo that passes every check (the astronaut photograph framed by the portal's fixer), for tests that
    /// need a photo without errors; drawn portraits have no face.
    /// </summary>
    public static byte[] CompliantPortrait() => Compliant.Value;

    /// <summary>
    /// A drawn figure, not a photograph: a 358×441, 350 dpi JPEG of a flat skin-coloured ellipse over a dark band on
    /// white (no real face to detect). With <paramref name="noise"/>, every channel is shifted by up to ±noise, as a
    /// camera's sensor noise, which makes the file as large as a phone's photo; <paramref name="seed"/> makes each
    /// such photo distinct.
    /// </summary>
    public static byte[] DrawnFigure(int width = 358, int height = 441, int dpi = 350, int shade = 0, int noise = 0, int seed = 0, int quality = 70)
    {
        var random = new Random(seed);
        var pixels = new byte[width * height * 3];
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                var (r, g, b) = ((byte)255, (byte)255, (byte)255);
                double dx = (x - (width / 2.0)) / (width * 0.28), dy = (y - (height * 0.42)) / (height * 0.3);
                if ((dx * dx) + (dy * dy) < 1)
                {
                    (r, g, b) = ((byte)(224 - shade), (byte)(182 - shade), (byte)(150 - shade));
                }

                if (y > height * 0.78 && Math.Abs(x - (width / 2.0)) < width * 0.45)
                {
                    (r, g, b) = (30, 30, 60);
                }

                var i = ((y * width) + x) * 3;
                (pixels[i], pixels[i + 1], pixels[i + 2]) = noise == 0 ? (r, g, b) : (Noisy(r), Noisy(g), Noisy(b));
            }
        }

        return Codec.Encode(pixels, width, height, JpegPixelFormat.Rgb, quality, dpi: dpi);

        byte Noisy(byte value) => (byte)Math.Clamp(value + random.Next(-noise, noise + 1), 0, 255);
    }

    /// <summary>The same picture with a JPEG comment (COM segment) after the start marker: other bytes, same image.</summary>
    public static byte[] WithComment(byte[] jpeg, string comment)
    {
        var text = System.Text.Encoding.ASCII.GetBytes(comment);
        var segment = new byte[4 + text.Length];
        (segment[0], segment[1], segment[2], segment[3]) = (0xFF, 0xFE, (byte)((text.Length + 2) >> 8), (byte)((text.Length + 2) & 0xFF));
        text.CopyTo(segment, 4);
        return [.. jpeg[..2], .. segment, .. jpeg[2..]];
    }

    /// <summary>A zip of the given entries (name → bytes), as a clerk's archive tool would make it.</summary>
    public static byte[] Zip(IEnumerable<(string Name, byte[] Content)> entries)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in entries)
            {
                var entry = zip.CreateEntry(name, CompressionLevel.Optimal);
                using var stream = entry.Open();
                stream.Write(content);
            }
        }

        return buffer.ToArray();
    }

    /// <summary>A minimal JPEG header claiming 20000×20000 pixels: must be refused before any pixel memory is taken.</summary>
    public static byte[] HugeHeader()
    {
        var real = DrawnFigure(16, 16);
        var copy = (byte[])real.Clone();
        for (var i = 0; i < copy.Length - 9; i++)
        {
            if (copy[i] == 0xFF && copy[i + 1] is 0xC0 or 0xC2)
            {
                copy[i + 5] = 20000 >> 8;
                copy[i + 6] = 20000 & 0xFF;
                copy[i + 7] = 20000 >> 8;
                copy[i + 8] = 20000 & 0xFF;
                return copy;
            }
        }

        throw new InvalidOperationException("No SOF marker in the encoded JPEG.");
    }

    public static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52];
}
