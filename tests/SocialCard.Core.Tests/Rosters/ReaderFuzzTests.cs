using System.IO.Compression;
using System.Text;
using SocialCard.Core.Rosters;
using static SocialCard.Core.Tests.Rosters.ReaderTestSupport;

namespace SocialCard.Core.Tests.Rosters;

/// <summary>
/// Damaged uploads end as findings, never as exceptions: seeded mutations of real roster files — of the file's
/// bytes, and of the XML inside an .xlsx, re-zipped so the damage reaches the spreadsheet parser.
/// ROSTER_FUZZ_COUNT raises the number of mutations for a longer local run.
/// </summary>
public class ReaderFuzzTests
{
    internal static int FuzzCount => int.TryParse(Environment.GetEnvironmentVariable("ROSTER_FUZZ_COUNT"), out var n) ? n : 200;

    internal static IEnumerable<byte[]> Mutations(byte[] original, int seed, int count)
    {
        var random = new Random(seed);
        for (var i = 0; i < count; i++)
        {
            yield return Mutate(original, random, i % 3);
        }
    }

    private static byte[] Mutate(byte[] original, Random random, int kind)
    {
        var bytes = original.ToArray();
        switch (kind)
        {
            case 0:
                for (var k = 0; k < 1 + random.Next(8); k++)
                {
                    bytes[random.Next(bytes.Length)] = (byte)random.Next(256);
                }

                return bytes;
            case 1:
                return bytes[..random.Next(1, bytes.Length)];
            default:
                var start = random.Next(bytes.Length);
                Array.Fill(bytes, (byte)random.Next(256), start, Math.Min(bytes.Length - start, random.Next(1, 512)));
                return bytes;
        }
    }

    private static byte[] Roster()
    {
        var builder = new RosterBuilder { VersionInListsSheet = RosterTemplate.Version, VersionProperty = RosterTemplate.Version, TrailingStyledRows = 2 };
        return builder.Add(new RosterBuilderLine())
            .Add(new RosterBuilderLine { IdNumber = 430111199001010573d, BirthDate = new DateTime(1990, 1, 1), Sex = true })
            .ToXlsx();
    }

    internal static void AssertFindingsOnly(byte[] damaged, string fileName)
    {
        var result = Read(damaged, fileName);
        Assert.True(result.Succeeded || result.FileFindings.Count == 1);
    }

    [Fact]
    public void Damaged_xlsx_bytes_become_findings()
    {
        foreach (var damaged in Mutations(Roster(), 1, FuzzCount))
        {
            AssertFindingsOnly(damaged, "花名册.xlsx");
        }
    }

    [Fact]
    public void Damaged_xml_inside_an_xlsx_becomes_findings()
    {
        var original = Roster();
        using var source = new ZipArchive(new MemoryStream(original), ZipArchiveMode.Read);
        var parts = source.Entries.Select(e => e.FullName).ToList();
        var random = new Random(3);
        for (var i = 0; i < FuzzCount; i++)
        {
            var part = parts[i % parts.Count];
            var damaged = RosterBuilderHostile.WithPartBytes(original, part, bytes => Mutate(bytes, random, i / parts.Count % 3));
            AssertFindingsOnly(damaged, "花名册.xlsx");
        }
    }

    [Fact]
    public void Damaged_csv_bytes_become_findings()
    {
        var csv = new RosterBuilder().Add(new RosterBuilderLine()).Add(new RosterBuilderLine { Name = "\"引号\"，逗号," }).ToCsv(Encoding.UTF8, byteOrderMark: true);
        foreach (var damaged in Mutations(csv, 2, FuzzCount))
        {
            AssertFindingsOnly(damaged, "花名册.csv");
        }
    }
}
