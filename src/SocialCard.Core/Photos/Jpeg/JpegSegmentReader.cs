using System.Buffers.Binary;

namespace SocialCard.Core.Photos.Jpeg;

/// <summary>One marker segment: the marker byte (0xE0 for APP0 …) and where its payload lies in the file.</summary>
internal readonly record struct JpegSegment(byte Marker, int Offset, int Length)
{
    public const byte App0 = 0xE0;
    public const byte Dqt = 0xDB;
    public const byte Sos = 0xDA;
    public const byte Eoi = 0xD9;

    /// <summary>SOF0–SOF15 except DHT (C4), JPG (C8) and DAC (CC), which share the range.</summary>
    public bool IsStartOfFrame => Marker is >= 0xC0 and <= 0xCF and not 0xC4 and not 0xC8 and not 0xCC;
}

/// <summary>
/// Walks the marker segments of a JPEG's header (ITU-T T.81 B.1.1) up to and including the first SOS. Just enough
/// structure for what libturbojpeg's API does not expose: the JFIF density and the quantisation tables.
/// It never reads past the data; malformed input simply ends the walk.
/// </summary>
internal ref struct JpegSegmentReader(ReadOnlySpan<byte> data)
{
    private readonly ReadOnlySpan<byte> data = data;
    private int position = 2;
    private bool done = !StartsWithSoi(data);

    /// <summary>SOI followed by the start of another marker, as every JPEG begins.</summary>
    public static bool StartsWithSoi(ReadOnlySpan<byte> data) =>
        data.Length >= 3 && data[0] == 0xFF && data[1] == 0xD8 && data[2] == 0xFF;

    public bool TryNext(out JpegSegment segment)
    {
        segment = default;
        while (!done)
        {
            if (position >= data.Length || data[position] != 0xFF)
            {
                break;
            }

            // Any number of 0xFF fill bytes may precede a marker.
            while (position < data.Length && data[position] == 0xFF)
            {
                position++;
            }

            if (position >= data.Length)
            {
                break;
            }

            var marker = data[position++];
            if (marker is 0x01 or (>= 0xD0 and <= 0xD7))
            {
                continue; // TEM and RSTn stand alone, without a length.
            }

            if (marker is 0x00 or 0xD8 or JpegSegment.Eoi || position + 2 > data.Length)
            {
                break;
            }

            var length = BinaryPrimitives.ReadUInt16BigEndian(data[position..]);
            if (length < 2 || position + length > data.Length)
            {
                break;
            }

            segment = new JpegSegment(marker, position + 2, length - 2);
            position += length;
            done = marker == JpegSegment.Sos; // entropy-coded data follows; nothing of interest to a header reader
            return true;
        }

        done = true;
        return false;
    }
}
