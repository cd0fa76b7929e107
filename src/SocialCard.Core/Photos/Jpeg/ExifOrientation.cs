using System.Buffers;
using System.Buffers.Binary;

namespace SocialCard.Core.Photos.Jpeg;

/// <summary>
/// The Exif Orientation tag (TIFF tag 0x0112 in IFD0 of the APP1 "Exif" segment, Exif 2.3 §4.6.4): how the stored
/// pixels must be turned to be seen upright. Phones store portraits as landscape pixels with orientation 6 (turn 90°
/// clockwise); 3 is upside down, 8 turned the other way, 2, 4, 5 and 7 mirrored. TurboJPEG ignores the tag, so it
/// is read here and the decoded pixels are turned before anything measures them.
/// </summary>
public static class ExifOrientation
{
    /// <summary>Stored upright: no tag, or the tag says 1.</summary>
    public const int Upright = 1;

    private const ushort OrientationTag = 0x0112;
    private const ushort TypeShort = 3;
    private const byte App1 = 0xE1;

    /// <summary>The orientation 1–8; <see cref="Upright"/> when the file has no Exif segment or no valid tag.</summary>
    public static int Read(ReadOnlySpan<byte> jpeg)
    {
        var reader = new JpegSegmentReader(jpeg);
        while (reader.TryNext(out var segment))
        {
            if (segment.Marker == App1 && segment.Length >= 14 && jpeg.Slice(segment.Offset, 6).SequenceEqual("Exif\0\0"u8))
            {
                return FromTiff(jpeg.Slice(segment.Offset + 6, segment.Length - 6));
            }
        }

        return Upright;
    }

    /// <summary>True for 5–8: the stored width is the upright height.</summary>
    public static bool SwapsAxes(int orientation) => orientation is >= 5 and <= 8;

    /// <summary>The header as the upright image has it (width and height exchanged for 5–8).</summary>
    public static JpegHeader Apply(JpegHeader header, int orientation) =>
        SwapsAxes(orientation) ? header with { Width = header.Height, Height = header.Width } : header;

    /// <summary>
    /// The pixels turned upright. Returns <paramref name="image"/> itself for orientation 1 (or an unknown value);
    /// otherwise a new image, and <paramref name="image"/> is disposed.
    /// </summary>
    public static DecodedImage Apply(DecodedImage image, int orientation)
    {
        ArgumentNullException.ThrowIfNull(image);
        if (orientation is < 2 or > 8)
        {
            return image;
        }

        int w = image.Width, h = image.Height, bpp = image.Format.BytesPerPixel();
        var swap = SwapsAxes(orientation);
        int uw = swap ? h : w, uh = swap ? w : h;
        var size = w * h * bpp;
        var buffer = ArrayPool<byte>.Shared.Rent(size);
        var source = image.Pixels;
        var target = buffer.AsSpan(0, size);
        for (var y = 0; y < uh; y++)
        {
            for (var x = 0; x < uw; x++)
            {
                // Upright (x, y) shows stored (sx, sy).
                var (sx, sy) = orientation switch
                {
                    2 => (w - 1 - x, y),
                    3 => (w - 1 - x, h - 1 - y),
                    4 => (x, h - 1 - y),
                    5 => (y, x),
                    6 => (y, h - 1 - x),
                    7 => (w - 1 - y, h - 1 - x),
                    _ => (w - 1 - y, x), // 8
                };
                source.Slice(((sy * w) + sx) * bpp, bpp).CopyTo(target.Slice(((y * uw) + x) * bpp, bpp));
            }
        }

        var turned = new DecodedImage(buffer, uw, uh, image.Format, Apply(image.Source, orientation), image.Scale);
        image.Dispose();
        return turned;
    }

    private static int FromTiff(ReadOnlySpan<byte> tiff)
    {
        if (tiff.Length < 8)
        {
            return Upright;
        }

        bool little;
        if (tiff[0] == 'I' && tiff[1] == 'I')
        {
            little = true;
        }
        else if (tiff[0] == 'M' && tiff[1] == 'M')
        {
            little = false;
        }
        else
        {
            return Upright;
        }

        if (U16(tiff, 2, little) != 42)
        {
            return Upright;
        }

        var ifd = U32(tiff, 4, little);
        if (ifd > (uint)(tiff.Length - 2))
        {
            return Upright;
        }

        var entries = U16(tiff, (int)ifd, little);
        for (var e = 0; e < entries; e++)
        {
            var at = (int)ifd + 2 + (12 * e);
            if (at + 12 > tiff.Length)
            {
                break;
            }

            if (U16(tiff, at, little) == OrientationTag)
            {
                var value = U16(tiff, at + 2, little) == TypeShort && U32(tiff, at + 4, little) == 1 ? U16(tiff, at + 8, little) : 0;
                return value is >= 1 and <= 8 ? value : Upright;
            }
        }

        return Upright;
    }

    private static ushort U16(ReadOnlySpan<byte> tiff, int at, bool little) =>
        little ? BinaryPrimitives.ReadUInt16LittleEndian(tiff[at..]) : BinaryPrimitives.ReadUInt16BigEndian(tiff[at..]);

    private static uint U32(ReadOnlySpan<byte> tiff, int at, bool little) =>
        little ? BinaryPrimitives.ReadUInt32LittleEndian(tiff[at..]) : BinaryPrimitives.ReadUInt32BigEndian(tiff[at..]);
}

/// <summary>Decoding as a viewer shows the photo: the Exif orientation applied.</summary>
public static class UprightDecoding
{
    /// <summary>The frame header with the upright width and height (see <see cref="ExifOrientation"/>).</summary>
    public static JpegHeader ReadUprightHeader(this IJpegCodec codec, ReadOnlySpan<byte> jpeg)
    {
        ArgumentNullException.ThrowIfNull(codec);
        return ExifOrientation.Apply(codec.ReadHeader(jpeg), ExifOrientation.Read(jpeg));
    }

    /// <summary>
    /// <see cref="IJpegCodec.Decode"/>, then the pixels turned upright per the file's Exif orientation. The DCT
    /// scale applies to the stored image, so the result is 1/scale of the upright size as well. Dispose the result.
    /// </summary>
    public static DecodedImage DecodeUpright(
        this IJpegCodec codec, ReadOnlySpan<byte> jpeg, JpegPixelFormat format = JpegPixelFormat.Rgb, JpegScale scale = JpegScale.Full)
    {
        ArgumentNullException.ThrowIfNull(codec);
        return ExifOrientation.Apply(codec.Decode(jpeg, format, scale), ExifOrientation.Read(jpeg));
    }
}
