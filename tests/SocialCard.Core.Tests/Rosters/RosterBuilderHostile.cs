using System.IO.Compression;
using System.Text;

namespace SocialCard.Core.Tests.Rosters;

/// <summary>Files an upload form meets in practice or in an attack: zip bombs, macro workbooks, encrypted and renamed files.</summary>
internal static class RosterBuilderHostile
{
    /// <summary>The start of a real PNG (signature and IHDR chunk), as a photo renamed to .xlsx would begin.</summary>
    public static byte[] Png { get; } =
    [
        0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52,
        0x00, 0x00, 0x01, 0x66, 0x00, 0x00, 0x01, 0xB9, 0x08, 0x02, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
    ];

    /// <summary>A zip whose sheet inflates from a few KB to <paramref name="megabytes"/> MB of spaces.</summary>
    public static byte[] ZipBomb(int megabytes) => Zip(zip =>
    {
        AddText(zip, "[Content_Types].xml", ContentTypes("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"));
        var entry = zip.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.SmallestSize);
        using var stream = entry.Open();
        var spaces = new byte[1024 * 1024];
        Array.Fill(spaces, (byte)' ');
        for (var i = 0; i < megabytes; i++)
        {
            stream.Write(spaces);
        }
    });

    /// <summary>Many entries, each just under the size from which the ratio is checked, adding up to <paramref name="megabytes"/> MB.</summary>
    public static byte[] ManyMidSizeEntries(int megabytes) => Zip(zip =>
    {
        var block = new byte[900 * 1024];
        for (var i = 0; i * block.Length < megabytes * 1024L * 1024L; i++)
        {
            using var stream = zip.CreateEntry($"xl/media/blank{i}.bin", CompressionLevel.SmallestSize).Open();
            stream.Write(block);
        }
    });

    public static byte[] ManyEntries(int count) => Zip(zip =>
    {
        for (var i = 0; i < count; i++)
        {
            zip.CreateEntry($"xl/media/image{i}.png");
        }
    });

    /// <summary>A zip that is a Word document (.docx renamed to .xlsx).</summary>
    public static byte[] WordDocument() => Zip(zip =>
        AddText(zip, "[Content_Types].xml", ContentTypes("application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml")));

    /// <summary>The workbook with one more entry, e.g. xl/vbaProject.bin.</summary>
    public static byte[] WithEntry(byte[] xlsx, string name, byte[] content) => Modify(xlsx, zip =>
    {
        using var stream = zip.CreateEntry(name).Open();
        stream.Write(content);
    });

    /// <summary>The workbook with the text of one XML part rewritten.</summary>
    public static byte[] WithPartText(byte[] xlsx, string name, Func<string, string> rewrite) => Modify(xlsx, zip =>
    {
        var entry = zip.GetEntry(name) ?? throw new InvalidOperationException($"No part {name}");
        string text;
        using (var reader = new StreamReader(entry.Open()))
        {
            text = reader.ReadToEnd();
        }

        entry.Delete();
        AddText(zip, name, rewrite(text));
    });

    /// <summary>The workbook with the (uncompressed) bytes of one part rewritten.</summary>
    public static byte[] WithPartBytes(byte[] xlsx, string name, Func<byte[], byte[]> rewrite) => Modify(xlsx, zip =>
    {
        var entry = zip.GetEntry(name) ?? throw new InvalidOperationException($"No part {name}");
        using var content = new MemoryStream();
        using (var stream = entry.Open())
        {
            stream.CopyTo(content);
        }

        entry.Delete();
        using var target = zip.CreateEntry(name).Open();
        target.Write(rewrite(content.ToArray()));
    });

    /// <summary>
    /// What Excel writes for a password-protected workbook: an OLE compound file (signature D0 CF 11 E0) whose
    /// directory holds the streams EncryptionInfo and EncryptedPackage. Only the header signature and the
    /// UTF-16 directory names are real here; the reader must refuse before parsing anything else.
    /// </summary>
    public static byte[] EncryptedOle()
    {
        var file = new byte[3 * 512];
        byte[] signature = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
        signature.CopyTo(file, 0);
        string[] names = ["Root Entry", "EncryptionInfo", "EncryptedPackage"];
        for (var i = 0; i < names.Length; i++)
        {
            // Directory entries are 128 bytes, each starting with its UTF-16LE name.
            Encoding.Unicode.GetBytes(names[i]).CopyTo(file, 512 + (i * 128));
        }

        return file;
    }

    private static string ContentTypes(string mainType) =>
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
        + $"<Override PartName=\"/xl/workbook.xml\" ContentType=\"{mainType}\"/></Types>";

    private static void AddText(ZipArchive zip, string name, string text)
    {
        using var writer = new StreamWriter(zip.CreateEntry(name).Open(), new UTF8Encoding(false));
        writer.Write(text);
    }

    private static byte[] Zip(Action<ZipArchive> fill)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            fill(zip);
        }

        return stream.ToArray();
    }

    private static byte[] Modify(byte[] xlsx, Action<ZipArchive> change)
    {
        using var stream = new MemoryStream();
        stream.Write(xlsx);
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Update, leaveOpen: true))
        {
            change(zip);
        }

        return stream.ToArray();
    }
}
