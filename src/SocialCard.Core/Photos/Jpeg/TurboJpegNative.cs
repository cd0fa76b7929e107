using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace SocialCard.Core.Photos.Jpeg;

/// <summary>
/// The whole native surface of the photo code: declarations of the classic TurboJPEG API (<c>tj*</c>, present since
/// libjpeg-turbo 2.0; the <c>tj3*</c> API of 3.x is deliberately not used because Debian ships 2.1 as
/// <c>libturbojpeg0</c>). Nothing outside <see cref="JpegCodec"/> calls these.
/// </summary>
/// <remarks>
/// C <c>unsigned long</c> is 32 bits on Windows and 64 bits on Linux, hence <see cref="CULong"/>.
/// <c>tjGetErrorStr2</c> returns a pointer into the handle; it is declared as <see cref="nint"/> so the marshaller
/// never tries to free it.
/// </remarks>
internal static partial class TurboJpegNative
{
    /// <summary>The soname of Debian's libturbojpeg0 (also what the .NET loader probes on Linux).</summary>
    public const string LibraryName = "libturbojpeg.so.0";

    // enum TJPF (pixel formats) — only those the codec offers.
    public const int PixelFormatRgb = 0;
    public const int PixelFormatGray = 6;
    public const int PixelFormatCmyk = 11;

    // enum TJERR
    public const int ErrorWarning = 0;

    // Flags. STOPONWARNING: a warning ("Premature end of JPEG file", corrupt data) means the photo is rejected anyway,
    // so stop at once instead of decoding the rest of a broken file.
    public const int FlagAccurateDct = 4096;
    public const int FlagStopOnWarning = 8192;

    [LibraryImport(LibraryName)]
    public static partial TurboJpegHandle tjInitDecompress();

    [LibraryImport(LibraryName)]
    public static partial TurboJpegHandle tjInitCompress();

    [LibraryImport(LibraryName)]
    public static partial int tjDestroy(nint handle);

    [LibraryImport(LibraryName)]
    public static partial int tjDecompressHeader3(
        TurboJpegHandle handle, ReadOnlySpan<byte> jpegBuf, CULong jpegSize,
        out int width, out int height, out int jpegSubsamp, out int jpegColorspace);

    [LibraryImport(LibraryName)]
    public static partial int tjDecompress2(
        TurboJpegHandle handle, ReadOnlySpan<byte> jpegBuf, CULong jpegSize,
        Span<byte> dstBuf, int width, int pitch, int height, int pixelFormat, int flags);

    [LibraryImport(LibraryName)]
    public static partial int tjCompress2(
        TurboJpegHandle handle, ReadOnlySpan<byte> srcBuf, int width, int pitch, int height, int pixelFormat,
        ref nint jpegBuf, ref CULong jpegSize, int jpegSubsamp, int jpegQual, int flags);

    [LibraryImport(LibraryName)]
    public static partial void tjFree(nint buffer);

    [LibraryImport(LibraryName)]
    public static partial nint tjGetErrorStr2(TurboJpegHandle handle);

    [LibraryImport(LibraryName)]
    public static partial int tjGetErrorCode(TurboJpegHandle handle);
}

/// <summary>A TurboJPEG instance handle; destroyed exactly once, also when a call throws or the owner forgets.</summary>
internal sealed class TurboJpegHandle : SafeHandleZeroOrMinusOneIsInvalid
{
    public TurboJpegHandle()
        : base(ownsHandle: true)
    {
    }

    protected override bool ReleaseHandle() => TurboJpegNative.tjDestroy(handle) == 0;
}
