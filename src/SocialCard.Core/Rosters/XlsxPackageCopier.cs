using System.IO.Compression;

namespace SocialCard.Core.Rosters;

/// <summary>
/// Copies a package zip entry by entry into <paramref name="output"/>, letting callers produce chosen
/// parts as streams. Why: the Open XML SDK edits packages in zip "update" mode, which holds every written
/// part uncompressed in memory (≈90 MB for a 100,000-row sheet). The SDK therefore builds or edits only
/// the small parts; the big ones are streamed here, straight into a zip in create mode.
/// </summary>
internal static class XlsxPackageCopier
{
    /// <summary>Produces a part: reads the part's current content (if it needs it) and writes the new one.</summary>
    public delegate void PartRewriter(Stream current, Stream target);

    /// <summary>The zip entry name of a package part, e.g. "/xl/worksheets/sheet1.xml" → "xl/worksheets/sheet1.xml".</summary>
    public static string EntryName(Uri partUri) => Uri.UnescapeDataString(partUri.OriginalString).TrimStart('/');

    public static void Copy(Stream package, Stream output, IReadOnlyDictionary<string, PartRewriter> rewriters)
    {
        var pending = new Dictionary<string, PartRewriter>(rewriters, StringComparer.OrdinalIgnoreCase);
        using (var source = new ZipArchive(package, ZipArchiveMode.Read, leaveOpen: true))
        using (var target = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var entry in source.Entries)
            {
                var copy = target.CreateEntry(entry.FullName, CompressionLevel.Optimal);
                copy.LastWriteTime = entry.LastWriteTime;
                using var from = entry.Open();
                using var to = copy.Open();
                if (pending.Remove(Uri.UnescapeDataString(entry.FullName), out var rewrite))
                {
                    rewrite(from, to);
                }
                else
                {
                    from.CopyTo(to);
                }
            }
        }

        if (pending.Count > 0)
        {
            throw new InvalidOperationException($"Parts not found in the package: {string.Join(", ", pending.Keys)}.");
        }
    }
}
