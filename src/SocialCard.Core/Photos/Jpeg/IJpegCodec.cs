namespace SocialCard.Core.Photos.Jpeg;

/// <summary>
/// Reads and writes baseline JPEG. Implementations are thread-safe. Data problems throw
/// <see cref="JpegDataException"/>; a missing native library throws <see cref="JpegLibraryMissingException"/>.
/// </summary>
public interface IJpegCodec
{
    /// <summary>Reads the frame header only (no pixel memory is allocated, whatever the header claims).</summary>
    JpegHeader ReadHeader(ReadOnlySpan<byte> jpeg);

    /// <summary>
    /// Decodes the whole image. Refuses (<see cref="JpegTooLargeException"/>) before allocating when the header
    /// announces more pixels than the codec's limit, and treats a libjpeg warning (truncated or corrupt data) as
    /// a failure. Dispose the result.
    /// </summary>
    DecodedImage Decode(ReadOnlySpan<byte> jpeg, JpegPixelFormat format = JpegPixelFormat.Rgb, JpegScale scale = JpegScale.Full);

    /// <summary>
    /// Compresses rows top-down without padding. <see cref="JpegPixelFormat.Gray"/> always produces a grayscale JPEG,
    /// <see cref="JpegPixelFormat.Cmyk"/> a YCCK one. With <paramref name="dpi"/> the JFIF APP0 density is set to it
    /// (TurboJPEG itself writes "no unit, 1:1").
    /// </summary>
    byte[] Encode(
        ReadOnlySpan<byte> pixels, int width, int height, JpegPixelFormat format, int quality,
        JpegSubsampling subsampling = JpegSubsampling.Chroma420, int? dpi = null);
}
