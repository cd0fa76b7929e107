using System.Buffers.Binary;

namespace SocialCard.Core.Photos.Jpeg;

/// <summary>The unit byte of a JFIF APP0 segment.</summary>
public enum JfifDensityUnit : byte
{
    /// <summary>Only an aspect ratio; what TurboJPEG writes.</summary>
    None = 0,
    DotsPerInch = 1,
    DotsPerCentimetre = 2,
}

/// <summary>
/// The pixel density stored in a JPEG's JFIF APP0 segment — where the card specification's "350 dpi" lives.
/// TurboJPEG neither reports nor sets it, so it is read and patched here.
/// </summary>
public readonly record struct JfifDensity(JfifDensityUnit Unit, int X, int Y)
{
    // Payload of APP0: "JFIF\0", version (2), unit (1), X density (2), Y density (2), thumbnail size (2).
    private const int UnitOffset = 7;
    private const int MinimumPayload = 14;

    public double? DpiX => ToDpi(X);

    public double? DpiY => ToDpi(Y);

    /// <summary>False when the file has no JFIF APP0 segment before its image data (e.g. Exif-only camera files).</summary>
    public static bool TryRead(ReadOnlySpan<byte> jpeg, out JfifDensity density)
    {
        if (FindPayload(jpeg) is { } offset)
        {
            density = new JfifDensity(
                (JfifDensityUnit)jpeg[offset + UnitOffset],
                BinaryPrimitives.ReadUInt16BigEndian(jpeg[(offset + UnitOffset + 1)..]),
                BinaryPrimitives.ReadUInt16BigEndian(jpeg[(offset + UnitOffset + 3)..]));
            return true;
        }

        density = default;
        return false;
    }

    /// <summary>Sets both densities to <paramref name="dpi"/> dots per inch; see <see cref="Set"/>.</summary>
    public static byte[] SetDpi(byte[] jpeg, int dpi) => Set(jpeg, new JfifDensity(JfifDensityUnit.DotsPerInch, dpi, dpi));

    /// <summary>
    /// Writes the density into the JFIF APP0 segment in place and returns the same array; when there is no such
    /// segment a new one is inserted after SOI and a new array is returned.
    /// </summary>
    public static byte[] Set(byte[] jpeg, JfifDensity density)
    {
        ArgumentNullException.ThrowIfNull(jpeg);
        if (!Enum.IsDefined(density.Unit) || density.X is < 1 or > ushort.MaxValue || density.Y is < 1 or > ushort.MaxValue)
        {
            throw new ArgumentOutOfRangeException(nameof(density), density, "Unit 0–2 and densities 1–65535.");
        }

        if (FindPayload(jpeg) is { } offset)
        {
            Write(jpeg.AsSpan(offset + UnitOffset), density);
            return jpeg;
        }

        if (!JpegSegmentReader.StartsWithSoi(jpeg))
        {
            throw new ArgumentException("Not a JPEG (no SOI marker).", nameof(jpeg));
        }

        ReadOnlySpan<byte> app0 =
        [
            0xFF, 0xE0, 0x00, 0x10, (byte)'J', (byte)'F', (byte)'I', (byte)'F', 0x00, 0x01, 0x01,
            0, 0, 0, 0, 0, 0x00, 0x00,
        ];
        var result = new byte[jpeg.Length + app0.Length];
        jpeg.AsSpan(0, 2).CopyTo(result);
        app0.CopyTo(result.AsSpan(2));
        Write(result.AsSpan(2 + 4 + UnitOffset), density);
        jpeg.AsSpan(2).CopyTo(result.AsSpan(2 + app0.Length));
        return result;
    }

    private double? ToDpi(int value) => Unit switch
    {
        JfifDensityUnit.DotsPerInch => value,
        JfifDensityUnit.DotsPerCentimetre => value * 2.54,
        _ => null,
    };

    private static void Write(Span<byte> at, JfifDensity density)
    {
        at[0] = (byte)density.Unit;
        BinaryPrimitives.WriteUInt16BigEndian(at[1..], (ushort)density.X);
        BinaryPrimitives.WriteUInt16BigEndian(at[3..], (ushort)density.Y);
    }

    private static int? FindPayload(ReadOnlySpan<byte> jpeg)
    {
        var reader = new JpegSegmentReader(jpeg);
        while (reader.TryNext(out var segment))
        {
            if (segment.Marker == JpegSegment.App0 && segment.Length >= MinimumPayload
                && jpeg.Slice(segment.Offset, 5).SequenceEqual("JFIF\0"u8))
            {
                return segment.Offset;
            }
        }

        return null;
    }
}
