using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using SocialCard.Core.Photos.Jpeg;

namespace SocialCard.Core.Tests.Photos;

/// <summary>
/// The codec the tests encode and decode with, and non-portrait test files: a real PNG, a JPEG header claiming
/// 20000 × 20000 pixels, random bytes. Drawn figures are in <see cref="DrawnFigures"/>.
/// </summary>
internal static class TestImages
{
    public static readonly JpegCodec Codec = new();

    /// <summary>A valid 8 × 8 RGB PNG (what a clerk gets when renaming "photo.png" to "photo.jpg").</summary>
    public static byte[] Png()
    {
        const int size = 8;
        var raw = new MemoryStream();
        for (var y = 0; y < size; y++)
        {
            raw.WriteByte(0); // filter: none
            for (var x = 0; x < size * 3; x++)
            {
                raw.WriteByte((byte)(x * 10));
            }
        }

        var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
        {
            raw.Position = 0;
            raw.CopyTo(zlib);
        }

        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, size);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), size);
        header[8] = 8; // bit depth
        header[9] = 2; // colour type RGB

        var png = new MemoryStream();
        png.Write([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]);
        Chunk(png, "IHDR", header);
        Chunk(png, "IDAT", compressed.ToArray());
        Chunk(png, "IEND", []);
        return png.ToArray();
    }

    /// <summary>
    /// A syntactically complete JPEG header (SOI, JFIF, DQT, SOF0, DHT, SOS) for a 20000 × 20000 colour image,
    /// followed by a few bytes of "scan data": 200 bytes that would make a decoder allocate 1.2 GB.
    /// </summary>
    public static byte[] HugeJpegHeader(int width = 20000, int height = 20000)
    {
        var s = new MemoryStream();
        s.Write([0xFF, 0xD8]);
        s.Write([0xFF, 0xE0, 0x00, 0x10, (byte)'J', (byte)'F', (byte)'I', (byte)'F', 0x00, 0x01, 0x01, 0x01, 0x01, 0x5E, 0x01, 0x5E, 0x00, 0x00]);

        s.Write([0xFF, 0xDB, 0x00, 0x43, 0x00]); // one 8-bit table, id 0, all ones
        s.Write(Enumerable.Repeat((byte)1, 64).ToArray());

        s.Write([0xFF, 0xC0, 0x00, 0x11, 0x08, (byte)(height >> 8), (byte)height, (byte)(width >> 8), (byte)width, 0x03]);
        s.Write([0x01, 0x11, 0x00, 0x02, 0x11, 0x00, 0x03, 0x11, 0x00]);

        // A DC and an AC Huffman table (class/id 0x00 and 0x10), each with one 1-bit code for symbol 0.
        s.Write([0xFF, 0xC4, 0x00, 0x14, 0x00, 0x01]);
        s.Write(new byte[15]);
        s.Write([0x00]);
        s.Write([0xFF, 0xC4, 0x00, 0x14, 0x10, 0x01]);
        s.Write(new byte[15]);
        s.Write([0x00]);

        s.Write([0xFF, 0xDA, 0x00, 0x0C, 0x03, 0x01, 0x00, 0x02, 0x00, 0x03, 0x00, 0x00, 0x3F, 0x00]);
        s.Write([0x00, 0x00, 0x00, 0x00]);
        s.Write([0xFF, 0xD9]);
        return s.ToArray();
    }

    public static byte[] RandomBytes(int length, int seed)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    private static void Chunk(Stream png, string type, byte[] data)
    {
        Span<byte> four = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(four, data.Length);
        png.Write(four);
        var typeAndData = Encoding.ASCII.GetBytes(type).Concat(data).ToArray();
        png.Write(typeAndData);
        BinaryPrimitives.WriteUInt32BigEndian(four, Crc32(typeAndData));
        png.Write(four);
    }

    // CRC-32 (ISO 3309, as PNG requires), bitwise: a few hundred bytes need no table.
    private static uint Crc32(ReadOnlySpan<byte> data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in data)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? 0xEDB88320u ^ (crc >> 1) : crc >> 1;
            }
        }

        return ~crc;
    }
}
