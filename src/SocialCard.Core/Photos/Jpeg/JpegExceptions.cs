namespace SocialCard.Core.Photos.Jpeg;

/// <summary>
/// The bytes are not a JPEG the codec can decode: not a JPEG at all, corrupt, truncated, an unsupported variant,
/// or too large (<see cref="JpegTooLargeException"/>). This is about the data; callers map it to PHOTO_UNREADABLE.
/// </summary>
public class JpegDataException : Exception
{
    public JpegDataException(string message, bool isWarning = false)
        : base(message)
    {
        IsWarning = isWarning;
    }

    /// <summary>
    /// libjpeg only warned (typically "Premature end of JPEG file": a truncated upload). It would have produced
    /// an image with a grey or repeated lower part, which must never become a card photo.
    /// </summary>
    public bool IsWarning { get; }
}

/// <summary>The header announces more pixels than allowed; refused before any pixel memory is allocated.</summary>
public sealed class JpegTooLargeException(int width, int height, long maxPixels)
    : JpegDataException($"JPEG is {width}x{height} pixels, more than the allowed {maxPixels} pixels.")
{
    public int Width { get; } = width;

    public int Height { get; } = height;

    public long MaxPixels { get; } = maxPixels;
}

/// <summary>
/// The TurboJPEG library cannot be loaded. Deliberately not a <see cref="JpegDataException"/>: a broken
/// installation must surface as an error of the service, never as "the photo is unreadable".
/// </summary>
public sealed class JpegLibraryMissingException : Exception
{
    public JpegLibraryMissingException(string message, Exception? inner = null)
        : base(message, inner)
    {
    }

    internal static string MissingMessage(string libraryName) =>
        $"{libraryName} not found: apt-get install libturbojpeg0";
}
