using System.Buffers;

namespace SocialCard.Core.Photos.Jpeg;

/// <summary>
/// Decoded pixels, rows top-down without padding (<see cref="Stride"/> = width × bytes per pixel). The buffer is
/// rented from <see cref="ArrayPool{T}.Shared"/> because a photo's pixels (~470 KB) would otherwise land on the
/// large-object heap at every inspection; dispose to give it back.
/// </summary>
public sealed class DecodedImage : IDisposable
{
    private byte[]? buffer;

    internal DecodedImage(byte[] buffer, int width, int height, JpegPixelFormat format, JpegHeader source, JpegScale scale)
    {
        this.buffer = buffer;
        Width = width;
        Height = height;
        Format = format;
        Source = source;
        Scale = scale;
    }

    public int Width { get; }

    public int Height { get; }

    public JpegPixelFormat Format { get; }

    /// <summary>The header of the JPEG this came from (its full, unscaled size and colour space).</summary>
    public JpegHeader Source { get; }

    /// <summary>The DCT scale used; 1/<see cref="Scale"/> of the source size.</summary>
    public JpegScale Scale { get; }

    public int Stride => Width * Format.BytesPerPixel();

    /// <summary>The pixels; writable so a later fixer can work in place before re-encoding.</summary>
    public Span<byte> Pixels =>
        (buffer ?? throw new ObjectDisposedException(nameof(DecodedImage))).AsSpan(0, Stride * Height);

    public void Dispose()
    {
        var rented = Interlocked.Exchange(ref buffer, null);
        if (rented is not null)
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }
}
