using System.IO.Compression;
using SocialCard.Core.Rosters;

namespace SocialCard.Core.Tests.Rosters;

/// <summary>Reading helpers shared by the reader tests.</summary>
internal static class ReaderTestSupport
{
    /// <summary>The default deployment's roster limits (Rosters:MaxBytes 20 MB, Rosters:MaxRows 100,000).</summary>
    public static readonly RosterLimits Limits = new(MaxBytes: 20 * 1024 * 1024, MaxRows: 100_000);

    public static RosterReadResult Read(byte[] bytes, string fileName, RosterLimits? limits = null) =>
        new RosterReader().Read(new MemoryStream(bytes), fileName, limits ?? Limits);

    /// <summary>Asserts the read failed with exactly this one file-level code and returns its message.</summary>
    public static string FileFinding(RosterReadResult result, string code)
    {
        var finding = Assert.Single(result.FileFindings);
        Assert.True(finding.Finding.Code == code, $"Expected {code}, got {finding.Finding.Code}: {finding.Finding.Message}");
        Assert.Equal(0, finding.Row);
        Assert.Null(finding.Column);
        Assert.False(result.Succeeded);
        Assert.Empty(result.Rows);
        return finding.Finding.Message;
    }

    /// <summary>Asserts the read succeeded and returns its rows.</summary>
    public static IReadOnlyList<RosterRow> Rows(RosterReadResult result)
    {
        Assert.True(result.Succeeded, string.Join(" | ", result.FileFindings.Select(f => $"{f.Finding.Code}: {f.Finding.Message}")));
        return result.Rows;
    }

    /// <summary>Replaces text that must be there: a planted change that silently did not happen would make a test pass for nothing.</summary>
    public static string Replacing(string text, string old, string replacement)
    {
        Assert.Contains(old, text);
        return text.Replace(old, replacement, StringComparison.Ordinal);
    }

    /// <summary>The full name of the first zip entry that satisfies the predicate.</summary>
    public static string EntryName(byte[] zip, Func<string, bool> predicate)
    {
        using var archive = new ZipArchive(new MemoryStream(zip), ZipArchiveMode.Read);
        return archive.Entries.Select(e => e.FullName).First(predicate);
    }
}
