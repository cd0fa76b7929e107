using System.Text;

namespace SocialCard.Core.Rosters;

/// <summary>What the first bytes of an upload say it is, whatever its name claims.</summary>
internal enum FileKind
{
    Other,

    /// <summary>A zip archive: .xlsx (and .xlsm, .docx …).</summary>
    Zip,

    /// <summary>An OLE compound file: legacy .xls, or an encrypted (password-protected) .xlsx.</summary>
    Ole,
}

internal static class FileSignature
{
    private static readonly byte[] ZipMagic = [0x50, 0x4B, 0x03, 0x04];
    private static readonly byte[] EmptyZipMagic = [0x50, 0x4B, 0x05, 0x06];
    private static readonly byte[] OleMagic = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

    // An encrypted Office Open XML file is an OLE file holding these two streams (MS-OFFCRYPTO); directory
    // entry names are UTF-16LE, so finding both byte patterns is enough without parsing the directory.
    private static readonly byte[] EncryptionInfoName = Encoding.Unicode.GetBytes("EncryptionInfo");
    private static readonly byte[] EncryptedPackageName = Encoding.Unicode.GetBytes("EncryptedPackage");

    public static FileKind Detect(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith(ZipMagic) || head.StartsWith(EmptyZipMagic))
        {
            return FileKind.Zip;
        }

        return head.StartsWith(OleMagic) ? FileKind.Ole : FileKind.Other;
    }

    /// <summary>True for an OLE file that carries an encrypted Office package (a password-protected .xlsx).</summary>
    public static bool IsEncryptedPackage(ReadOnlySpan<byte> oleFile) =>
        oleFile.IndexOf(EncryptedPackageName) >= 0 && oleFile.IndexOf(EncryptionInfoName) >= 0;

    /// <summary>A name for the kind, for "content does not match the extension" messages.</summary>
    public static string Describe(FileKind kind) => kind switch
    {
        FileKind.Zip => "压缩包或 .xlsx 格式",
        FileKind.Ole => "旧版 .xls 格式",
        _ => "其他格式",
    };
}
