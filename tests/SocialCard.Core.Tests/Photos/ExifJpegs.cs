using System.Buffers;
using System.Buffers.Binary;
using SocialCard.Core.Photos.Jpeg;
using SocialCard.Core.Tests.Photos.Faces;

namespace SocialCard.Core.Tests.Photos;

/// <summary>
/// Photos stored as phones store them: the pixels turned (or mirrored) and an APP1 Exif segment whose Orientation tag
/// says how to show them upright. Built in code from an upright picture.
/// </summary>
internal static class ExifJpegs
{
    /// <summary>Orientation 6 turned back is 8 and vice versa; the others undo themselves.</summary>
    public static int Inverse(int orientation) => orientation switch { 6 => 8, 8 => 6, _ => orientation };

    /// <summary>The pixels a camera stores for <paramref name="upright"/> with <paramref name="orientation"/>.</summary>
    public static RgbImage Stored(RgbImage upright, int orientation)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(upright.Pixels.Length);
        upright.Pixels.CopyTo(buffer, 0);
        var header = new JpegHeader(upright.Width, upright.Height, JpegSubsampling.Chroma444, JpegColorspace.YCbCr);
        using var image = ExifOrientation.Apply(
            new DecodedImage(buffer, upright.Width, upright.Height, JpegPixelFormat.Rgb, header, JpegScale.Full), Inverse(orientation));
        return new RgbImage(image.Pixels.ToArray(), image.Width, image.Height);
    }

    /// <summary>
    /// <paramref name="upright"/> stored turned for <paramref name="orientation"/>, encoded, with the Exif segment
    /// (after JFIF APP0, as cameras that write both do).
    /// </summary>
    public static byte[] Jpeg(RgbImage upright, int orientation, int quality = 92, int? dpi = 72, bool bigEndian = false)
    {
        var stored = Stored(upright, orientation);
        var jpeg = TestImages.Codec.Encode(stored.Pixels, stored.Width, stored.Height, JpegPixelFormat.Rgb, quality, dpi: dpi);
        return WithOrientation(jpeg, orientation, bigEndian);
    }

    /// <summary>Inserts an APP1 Exif segment with a Make tag and the Orientation tag after the file's first segment.</summary>
    public static byte[] WithOrientation(byte[] jpeg, int orientation, bool bigEndian = false)
    {
        var tiff = new byte[8 + 2 + (2 * 12) + 4];
        void U16(int at, int v)
        {
            if (bigEndian)
            {
                BinaryPrimitives.WriteUInt16BigEndian(tiff.AsSpan(at), (ushort)v);
            }
            else
            {
                BinaryPrimitives.WriteUInt16LittleEndian(tiff.AsSpan(at), (ushort)v);
            }
        }

        void U32(int at, uint v)
        {
            if (bigEndian)
            {
                BinaryPrimitives.WriteUInt32BigEndian(tiff.AsSpan(at), v);
            }
            else
            {
                BinaryPrimitives.WriteUInt32LittleEndian(tiff.AsSpan(at), v);
            }
        }

        (tiff[0], tiff[1]) = bigEndian ? ((byte)'M', (byte)'M') : ((byte)'I', (byte)'I');
        U16(2, 42);
        U32(4, 8);
        U16(8, 2); // two entries
        U16(10, 0x010F); // Make, ASCII, 4 bytes inline: "Ph\0\0"
        U16(12, 2);
        U32(14, 4);
        (tiff[18], tiff[19]) = ((byte)'P', (byte)'h');
        U16(22, 0x0112); // Orientation, SHORT, 1 value
        U16(24, 3);
        U32(26, 1);
        U16(30, orientation);
        U32(34, 0); // no next IFD

        var payload = "Exif\0\0"u8.ToArray().Concat(tiff).ToArray();
        var segment = new byte[4 + payload.Length];
        (segment[0], segment[1]) = (0xFF, 0xE1);
        BinaryPrimitives.WriteUInt16BigEndian(segment.AsSpan(2), (ushort)(payload.Length + 2));
        payload.CopyTo(segment, 4);

        // After SOI and, when present, the JFIF APP0 segment.
        var at = 2;
        if (jpeg[2] == 0xFF && jpeg[3] == 0xE0)
        {
            at = 4 + BinaryPrimitives.ReadUInt16BigEndian(jpeg.AsSpan(4));
        }

        return [.. jpeg[..at], .. segment, .. jpeg[at..]];
    }
}
