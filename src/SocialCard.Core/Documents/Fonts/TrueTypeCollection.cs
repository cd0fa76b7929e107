using System.Buffers.Binary;

namespace SocialCard.Core.Documents.Fonts;

/// <summary>
/// Turns one face of a TrueType collection (.ttc) into a standalone TrueType font, in memory: PDFsharp reads only
/// single fonts. A collection starts with <c>ttcf</c>, a version, the face count and one offset per face; each
/// offset points at an ordinary table directory whose tables (often shared between faces) lie anywhere in the file.
/// The standalone font is that directory followed by copies of its tables, each 4-byte aligned.
/// </summary>
public static class TrueTypeCollection
{
    public static bool IsCollection(ReadOnlySpan<byte> font) =>
        font.Length >= 12 && font[0] == (byte)'t' && font[1] == (byte)'t' && font[2] == (byte)'c' && font[3] == (byte)'f';

    public static int FaceCount(ReadOnlySpan<byte> font) =>
        IsCollection(font) ? checked((int)BinaryPrimitives.ReadUInt32BigEndian(font[8..])) : 1;

    /// <summary>The face's bytes; a single font (not a collection) is returned as it is when <paramref name="faceIndex"/> is 0.</summary>
    public static byte[] ExtractFace(byte[] font, int faceIndex)
    {
        ArgumentNullException.ThrowIfNull(font);
        var count = FaceCount(font);
        if (faceIndex < 0 || faceIndex >= count)
        {
            throw new ArgumentOutOfRangeException(nameof(faceIndex), faceIndex, $"The font has {count} face(s).");
        }

        if (!IsCollection(font))
        {
            return font;
        }

        var span = font.AsSpan();
        var directory = checked((int)BinaryPrimitives.ReadUInt32BigEndian(span[(12 + (4 * faceIndex))..]));
        int tableCount = BinaryPrimitives.ReadUInt16BigEndian(span[(directory + 4)..]);
        var headerLength = 12 + (16 * tableCount);

        var total = headerLength;
        for (var i = 0; i < tableCount; i++)
        {
            var length = checked((int)BinaryPrimitives.ReadUInt32BigEndian(span[(directory + 12 + (16 * i) + 12)..]));
            total = checked(total + Align4(length));
        }

        var result = new byte[total];
        span.Slice(directory, headerLength).CopyTo(result);
        var position = headerLength;
        for (var i = 0; i < tableCount; i++)
        {
            var record = 12 + (16 * i);
            var offset = checked((int)BinaryPrimitives.ReadUInt32BigEndian(span[(directory + record + 8)..]));
            var length = checked((int)BinaryPrimitives.ReadUInt32BigEndian(span[(directory + record + 12)..]));
            span.Slice(offset, length).CopyTo(result.AsSpan(position));
            BinaryPrimitives.WriteUInt32BigEndian(result.AsSpan(record + 8), (uint)position);
            position += Align4(length);
        }

        return result;
    }

    private static int Align4(int length) => checked((length + 3) & ~3);
}
