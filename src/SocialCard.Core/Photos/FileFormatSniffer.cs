namespace SocialCard.Core.Photos;

/// <summary>
/// Names the format of a file that is not a JPEG, so the clerk learns that "photo.jpg" is really a PNG (renaming
/// does not convert) instead of a bare "unreadable".
/// </summary>
internal static class FileFormatSniffer
{
    public static string? NonJpegFormat(ReadOnlySpan<byte> data)
    {
        if (data.StartsWith((ReadOnlySpan<byte>)[0x89, (byte)'P', (byte)'N', (byte)'G']))
        {
            return "PNG";
        }

        if (data.StartsWith("GIF8"u8))
        {
            return "GIF";
        }

        if (data.StartsWith("BM"u8) && data.Length >= 14)
        {
            return "BMP";
        }

        if (data.StartsWith("RIFF"u8) && data.Length >= 12 && data[8..12].SequenceEqual("WEBP"u8))
        {
            return "WebP";
        }

        if (data.Length >= 12 && data[4..8].SequenceEqual("ftyp"u8))
        {
            return "HEIC";
        }

        if (data.StartsWith("II*\0"u8) || data.StartsWith("MM\0*"u8))
        {
            return "TIFF";
        }

        return data.StartsWith("%PDF"u8) ? "PDF" : null;
    }
}
