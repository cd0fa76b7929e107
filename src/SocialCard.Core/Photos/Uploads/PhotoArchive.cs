using System.IO.Compression;
using SocialCard.Core.Common;

namespace SocialCard.Core.Photos.Uploads;

/// <summary>One file of a photo upload: its bytes, or why it was not read (in Chinese).</summary>
public sealed record PhotoUploadFile(string Name, byte[]? Content, string? Problem);

/// <summary>
/// Limits of a bulk photo upload (the deployment's settings): files per upload, bytes of one file, unpacked bytes
/// of an archive, and the largest compression ratio of an entry.
/// </summary>
public sealed record PhotoArchiveLimits(int MaxFiles, long MaxFileBytes, long MaxTotalBytes, int MaxRatio);

/// <summary>
/// Reads the files of a bulk photo upload from a .zip, in memory: nothing is extracted to disk, so a
/// path such as <c>../../etc/x.jpg</c> can do no harm, but it is still refused by name. Nested archives,
/// oversize or absurdly compressed entries (decompression bombs) are refused per file; a damaged archive
/// as a whole. Every size is checked while reading, not trusted from the header.
/// </summary>
public static class PhotoArchive
{
    private static readonly string[] ArchiveExtensions = [".zip", ".rar", ".7z", ".tar", ".gz", ".tgz", ".bz2", ".xz"];

    /// <summary>The problem of a file larger than <see cref="PhotoArchiveLimits.MaxFileBytes"/> (in an archive or loose).</summary>
    public static string TooLarge(long bytes, PhotoArchiveLimits limits) =>
        $"文件过大（{bytes / 1024} KB），单个文件不能超过 {limits.MaxFileBytes / 1024 / 1024} MB，已拒绝。";

    public static Result<IReadOnlyList<PhotoUploadFile>> ReadZip(Stream zip, PhotoArchiveLimits limits)
    {
        var files = new List<PhotoUploadFile>();
        long total = 0;
        try
        {
            using var archive = new ZipArchive(zip, ZipArchiveMode.Read, leaveOpen: true);
            var entries = archive.Entries.Where(e => !e.FullName.EndsWith('/')).ToList();
            if (entries.Count > limits.MaxFiles)
            {
                return Result<IReadOnlyList<PhotoUploadFile>>.Fail($"压缩包内有 {entries.Count} 个文件，超过上限 {limits.MaxFiles} 个。请分成几个压缩包上传。");
            }

            foreach (var entry in entries)
            {
                var name = entry.FullName.Replace('\\', '/');
                var shortName = Path.GetFileName(name);
                if (name.StartsWith('/') || name.Split('/').Any(part => part == "..") || name.Contains(':', StringComparison.Ordinal))
                {
                    files.Add(new(shortName, null, $"文件路径“{Trim(name)}”不安全（含 .. 或绝对路径），已拒绝。请直接把照片放在压缩包里。"));
                    continue;
                }

                if (ArchiveExtensions.Contains(Path.GetExtension(name).ToLowerInvariant()))
                {
                    files.Add(new(shortName, null, "压缩包里不能再套压缩包，已拒绝。请把照片直接放进一个压缩包。"));
                    continue;
                }

                if (entry.Length > limits.MaxFileBytes
                    || (entry.CompressedLength > 0 && entry.Length / Math.Max(1, entry.CompressedLength) > limits.MaxRatio && entry.Length > 1024 * 1024))
                {
                    files.Add(new(shortName, null, $"文件解压后过大或压缩比异常（{entry.Length / 1024} KB），已拒绝。"));
                    continue;
                }

                total += entry.Length;
                if (total > limits.MaxTotalBytes)
                {
                    return Result<IReadOnlyList<PhotoUploadFile>>.Fail("压缩包解压后的总大小超过上限，已拒绝。请分成几个压缩包上传。");
                }

                var content = ReadBounded(entry, limits.MaxFileBytes);
                files.Add(content is null
                    ? new(shortName, null, "文件解压后过大，已拒绝。")
                    : new(shortName, content, null));
            }
        }
        catch (InvalidDataException)
        {
            return Result<IReadOnlyList<PhotoUploadFile>>.Fail("压缩包已损坏或不是 zip 格式，无法读取。请重新压缩后上传，照片一张也没有保存。");
        }

        return Result<IReadOnlyList<PhotoUploadFile>>.Ok(files);
    }

    /// <summary>Reads at most <paramref name="max"/> bytes; null when the entry holds more than its header said.</summary>
    private static byte[]? ReadBounded(ZipArchiveEntry entry, long max)
    {
        using var stream = entry.Open();
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = stream.Read(chunk, 0, chunk.Length)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > max)
            {
                return null;
            }
        }

        return buffer.ToArray();
    }

    private static string Trim(string s) => s.Length > 60 ? s[..60] + "…" : s;
}
