using System.Text;
using System.Text.Unicode;

namespace SocialCard.Core.Rosters;

/// <summary>
/// Chooses the encoding of an uploaded CSV file: a byte-order mark decides; otherwise bytes that are valid
/// UTF-8 are UTF-8 (GBK text is almost never valid UTF-8); otherwise GB18030, the superset of GBK that
/// Chinese Excel and WPS write as "CSV (逗号分隔)".
/// </summary>
internal static class CsvEncoding
{
    private static readonly Encoding Utf8NoBom = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);

    /// <summary>The encoding, and how many leading bytes are its byte-order mark.</summary>
    public static (Encoding Encoding, int BomLength) Detect(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            return (Utf8NoBom, 3);
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            return (Encoding.Unicode, 2);
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return (Encoding.BigEndianUnicode, 2);
        }

        return Utf8.IsValid(bytes) ? (Utf8NoBom, 0) : (Gb18030, 0);
    }

    /// <summary>GB18030 (code page 54936); needs the code-pages provider, which <see cref="RosterReader"/> registers.</summary>
    public static Encoding Gb18030 => Encoding.GetEncoding(54936);

    /// <summary>
    /// True when the bytes cannot be text in a single-byte-unit encoding: a NUL byte (images, archives,
    /// other binaries) — UTF-16, which has NULs, is recognised earlier by its byte-order mark.
    /// </summary>
    public static bool LooksBinary(ReadOnlySpan<byte> bytes, Encoding encoding) =>
        encoding is not UnicodeEncoding && bytes.IndexOf((byte)0) >= 0;
}
