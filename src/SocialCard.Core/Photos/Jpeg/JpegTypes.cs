namespace SocialCard.Core.Photos.Jpeg;

/// <summary>The colour space a JPEG is stored in (TurboJPEG's TJCS values).</summary>
public enum JpegColorspace
{
    Rgb = 0,
    YCbCr = 1,
    Gray = 2,
    Cmyk = 3,
    Ycck = 4,
}

/// <summary>Chroma subsampling (TurboJPEG's TJSAMP values).</summary>
public enum JpegSubsampling
{
    Chroma444 = 0,
    Chroma422 = 1,
    Chroma420 = 2,
    Gray = 3,
    Chroma440 = 4,
    Chroma411 = 5,
}

/// <summary>Pixel layouts the codec reads and writes: RGB 3 bytes, gray 1 byte, CMYK 4 bytes per pixel.</summary>
public enum JpegPixelFormat
{
    Rgb,
    Gray,
    Cmyk,
}

/// <summary>
/// DCT scaling while decoding: the value is the denominator (1/2, 1/4, 1/8). libjpeg skips the high-frequency
/// work, so a 12 MP camera picture decodes at 1/4 in a fraction of the full time and memory.
/// </summary>
public enum JpegScale
{
    Full = 1,
    Half = 2,
    Quarter = 4,
    Eighth = 8,
}

/// <summary>What the frame header says, read without decoding any pixel.</summary>
public readonly record struct JpegHeader(int Width, int Height, JpegSubsampling Subsampling, JpegColorspace Colorspace)
{
    public long PixelCount => (long)Width * Height;

    /// <summary>True for the colour spaces a 24-bit colour photo may use (RGB, YCbCr).</summary>
    public bool IsTrueColor => Colorspace is JpegColorspace.Rgb or JpegColorspace.YCbCr;
}

public static class JpegPixelFormats
{
    public static int BytesPerPixel(this JpegPixelFormat format) => format switch
    {
        JpegPixelFormat.Rgb => 3,
        JpegPixelFormat.Gray => 1,
        JpegPixelFormat.Cmyk => 4,
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, null),
    };

    internal static int ToNative(this JpegPixelFormat format) => format switch
    {
        JpegPixelFormat.Rgb => TurboJpegNative.PixelFormatRgb,
        JpegPixelFormat.Gray => TurboJpegNative.PixelFormatGray,
        JpegPixelFormat.Cmyk => TurboJpegNative.PixelFormatCmyk,
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, null),
    };
}

public static class JpegScales
{
    /// <summary>A dimension after DCT scaling, rounded up as libjpeg does (TJSCALED).</summary>
    public static int Apply(this JpegScale scale, int dimension) => (dimension + (int)scale - 1) / (int)scale;

    /// <summary>
    /// The strongest reduction that still leaves at least <paramref name="minWidth"/> × <paramref name="minHeight"/>
    /// pixels, so later resampling only ever shrinks.
    /// </summary>
    public static JpegScale Choose(int width, int height, int minWidth, int minHeight)
    {
        foreach (var scale in (ReadOnlySpan<JpegScale>)[JpegScale.Eighth, JpegScale.Quarter, JpegScale.Half])
        {
            if (scale.Apply(width) >= minWidth && scale.Apply(height) >= minHeight)
            {
                return scale;
            }
        }

        return JpegScale.Full;
    }
}
