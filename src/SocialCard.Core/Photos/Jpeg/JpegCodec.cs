using System.Buffers;
using System.Runtime.InteropServices;
using static SocialCard.Core.Photos.Jpeg.TurboJpegNative;

namespace SocialCard.Core.Photos.Jpeg;

/// <summary>
/// <see cref="IJpegCodec"/> over libjpeg-turbo's TurboJPEG API. A TurboJPEG handle is not thread-safe, so every
/// call creates its own and destroys it before returning: creating one costs a few microseconds against
/// ~1 ms for decoding a photo, and nothing outlives the call (no per-thread caches to leak).
/// </summary>
public sealed class JpegCodec : IJpegCodec
{
    /// <summary>50 MP: more than any camera photo a clerk uploads, far less than a decompression bomb.</summary>
    public const long DefaultMaxPixels = 50_000_000;

    private static readonly string[] RequiredExports =
    [
        "tjInitDecompress", "tjInitCompress", "tjDecompressHeader3", "tjDecompress2", "tjCompress2",
        "tjFree", "tjDestroy", "tjGetErrorStr2", "tjGetErrorCode",
    ];

    public JpegCodec(long maxPixels = DefaultMaxPixels)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxPixels, 1);
        MaxPixels = maxPixels;
    }

    /// <summary>Decoding refuses images whose header announces more pixels than this.</summary>
    public long MaxPixels { get; }

    /// <summary>
    /// For a start-up or health check: null when libturbojpeg.so.0 loads and has every function used here,
    /// otherwise the message to show ("libturbojpeg.so.0 not found: apt-get install libturbojpeg0").
    /// </summary>
    public static string? CheckAvailable() => CheckAvailable(LibraryName);

    /// <summary>The check for a given library name; the seam lets a test see the message for a missing library.</summary>
    internal static string? CheckAvailable(string libraryName)
    {
        if (!NativeLibrary.TryLoad(libraryName, typeof(JpegCodec).Assembly, null, out var library))
        {
            return JpegLibraryMissingException.MissingMessage(libraryName);
        }

        try
        {
            foreach (var export in RequiredExports)
            {
                if (!NativeLibrary.TryGetExport(library, export, out _))
                {
                    return $"{libraryName} has no {export} (libjpeg-turbo 2.0 or later is needed): apt-get install libturbojpeg0";
                }
            }

            return null;
        }
        finally
        {
            NativeLibrary.Free(library);
        }
    }

    public JpegHeader ReadHeader(ReadOnlySpan<byte> jpeg)
    {
        using var handle = CreateHandle(compress: false);
        return ReadHeader(handle, jpeg);
    }

    public DecodedImage Decode(ReadOnlySpan<byte> jpeg, JpegPixelFormat format = JpegPixelFormat.Rgb, JpegScale scale = JpegScale.Full)
    {
        if (!Enum.IsDefined(scale))
        {
            throw new ArgumentOutOfRangeException(nameof(scale), scale, "Use 1/1, 1/2, 1/4 or 1/8.");
        }

        var bytesPerPixel = format.BytesPerPixel();
        using var handle = CreateHandle(compress: false);
        var header = ReadHeader(handle, jpeg);

        // The guard against decompression bombs: a few hundred header bytes can announce 65500 × 65500 pixels.
        // Nothing is allocated (here or inside libjpeg) before this check.
        if (header.PixelCount > MaxPixels)
        {
            throw new JpegTooLargeException(header.Width, header.Height, MaxPixels);
        }

        var width = scale.Apply(header.Width);
        var height = scale.Apply(header.Height);
        var size = (long)width * height * bytesPerPixel;
        if (size > Array.MaxLength)
        {
            throw new JpegTooLargeException(header.Width, header.Height, MaxPixels);
        }

        var buffer = ArrayPool<byte>.Shared.Rent((int)size);
        var handedOver = false;
        try
        {
            var result = tjDecompress2(
                handle, jpeg, new CULong((nuint)jpeg.Length), buffer.AsSpan(0, (int)size),
                width, width * bytesPerPixel, height, format.ToNative(), FlagStopOnWarning);
            if (result != 0)
            {
                throw DataFailure(handle);
            }

            handedOver = true;
            return new DecodedImage(buffer, width, height, format, header, scale);
        }
        finally
        {
            if (!handedOver)
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }
    }

    public byte[] Encode(
        ReadOnlySpan<byte> pixels, int width, int height, JpegPixelFormat format, int quality,
        JpegSubsampling subsampling = JpegSubsampling.Chroma420, int? dpi = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(quality, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(quality, 100);
        if (!Enum.IsDefined(subsampling))
        {
            throw new ArgumentOutOfRangeException(nameof(subsampling), subsampling, null);
        }

        var bytesPerPixel = format.BytesPerPixel();
        var stride = checked(width * bytesPerPixel);
        if (pixels.Length < (long)stride * height)
        {
            throw new ArgumentException($"{width}x{height} {format} needs {(long)stride * height} bytes, got {pixels.Length}.", nameof(pixels));
        }

        // libjpeg cannot make colour components out of one gray channel.
        if (format == JpegPixelFormat.Gray)
        {
            subsampling = JpegSubsampling.Gray;
        }

        using var handle = CreateHandle(compress: true);
        nint jpegBuffer = 0;
        var jpegSize = new CULong(0);
        try
        {
            var result = tjCompress2(
                handle, pixels, width, stride, height, format.ToNative(),
                ref jpegBuffer, ref jpegSize, (int)subsampling, quality, 0);
            if (result != 0)
            {
                throw new InvalidOperationException($"TurboJPEG could not compress a {width}x{height} image: {ErrorText(handle)}");
            }

            var jpeg = new byte[checked((int)jpegSize.Value)];
            Marshal.Copy(jpegBuffer, jpeg, 0, jpeg.Length);
            return dpi is { } value ? JfifDensity.SetDpi(jpeg, value) : jpeg;
        }
        finally
        {
            // TurboJPEG allocated the output (also on most failures, after writing part of it); only tjFree may free it.
            if (jpegBuffer != 0)
            {
                tjFree(jpegBuffer);
            }
        }
    }

    private static JpegHeader ReadHeader(TurboJpegHandle handle, ReadOnlySpan<byte> jpeg)
    {
        if (jpeg.IsEmpty)
        {
            throw new JpegDataException("The JPEG data is empty.");
        }

        var result = tjDecompressHeader3(
            handle, jpeg, new CULong((nuint)jpeg.Length),
            out var width, out var height, out var subsampling, out var colorspace);
        if (result != 0)
        {
            throw DataFailure(handle);
        }

        // TJSAMP_UNKNOWN (-1) occurs for unusual sampling factors; keep the value, callers only report it.
        return new JpegHeader(width, height, (JpegSubsampling)subsampling, (JpegColorspace)colorspace);
    }

    private static TurboJpegHandle CreateHandle(bool compress)
    {
        TurboJpegHandle handle;
        try
        {
            handle = compress ? tjInitCompress() : tjInitDecompress();
        }
        catch (DllNotFoundException e)
        {
            // The first native call is always one of these two, so this is where a missing package shows up.
            throw new JpegLibraryMissingException(JpegLibraryMissingException.MissingMessage(LibraryName), e);
        }

        if (handle.IsInvalid)
        {
            handle.Dispose();
            throw new InvalidOperationException("TurboJPEG could not create an instance (out of memory).");
        }

        return handle;
    }

    private static JpegDataException DataFailure(TurboJpegHandle handle) =>
        new(ErrorText(handle), isWarning: tjGetErrorCode(handle) == ErrorWarning);

    private static string ErrorText(TurboJpegHandle handle) =>
        Marshal.PtrToStringUTF8(tjGetErrorStr2(handle)) ?? "unknown TurboJPEG error";
}
