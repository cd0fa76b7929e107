using System.IO.Compression;
using SocialCard.Core.Rosters;

namespace SocialCard.Core.Tests.Exports;

/// <summary>Reads an export zip in tests (core and HTTP alike): entry names, entry bytes, the roster's rows.</summary>
internal static class ExportZip
{
    public static List<string> Names(byte[] zip)
    {
        using var archive = new ZipArchive(new MemoryStream(zip));
        return archive.Entries.Select(e => e.FullName).ToList();
    }

    public static byte[] Entry(byte[] zip, string name)
    {
        using var archive = new ZipArchive(new MemoryStream(zip));
        using var stream = (archive.GetEntry(name) ?? throw new InvalidOperationException($"No entry {name} in the zip")).Open();
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    /// <summary>The roster's rows, read by the portal's own reader, which must recognise its template.</summary>
    public static IReadOnlyList<RosterRow> Roster(byte[] zip, string name)
    {
        var result = new RosterReader().Read(new MemoryStream(Entry(zip, name)), name, new RosterLimits(MaxBytes: 20 * 1024 * 1024, MaxRows: 100_000));
        Assert.True(result.Succeeded, string.Join(" | ", result.FileFindings.Select(f => f.Finding.Message)));
        Assert.Equal(RosterTemplate.Version, result.TemplateVersion);
        return result.Rows;
    }
}
