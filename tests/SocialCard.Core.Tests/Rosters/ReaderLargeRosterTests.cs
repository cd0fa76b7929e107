using System.Diagnostics;
using System.Globalization;
using SocialCard.Core.Rosters;
using SocialCard.Core.Tests.Support;
using SocialCard.Core.Validation;
using Xunit.Abstractions;

namespace SocialCard.Core.Tests.Rosters;

/// <summary>
/// A roster at the default row limit (100,000 persons) is read from .xlsx and validated. Only counts are asserted;
/// the times are written to the test output for whoever watches them.
/// </summary>
public class ReaderLargeRosterTests(ITestOutputHelper output)
{
    private const int Persons = 100_000;

    // 64 common characters: three of them after a surname make 262,144 distinct names.
    private const string NameCharacters = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红梅鹏飞琳建国志斌辉宇浩凯文博欣怡晨阳雪婷颖慧佳俊鑫波宁丹倩瑞琦彤晓琴云松";

    private static string NameOf(int i) => string.Concat(
        "王",
        NameCharacters[i / 4096 % 64].ToString(),
        NameCharacters[i / 64 % 64].ToString(),
        NameCharacters[i % 64].ToString());

    /// <summary>Person i: a man born on one of 200 days from 1950-01-01, with one of 500 odd sequence numbers.</summary>
    private static RosterBuilderLine Line(int i)
    {
        var born = new DateOnly(1950, 1, 1).AddDays(i / 500);
        var id = Ids.Make("430111", born.ToString("yyyyMMdd", CultureInfo.InvariantCulture), (((i % 500) * 2) + 1).ToString("000", CultureInfo.InvariantCulture));
        return new RosterBuilderLine
        {
            Name = NameOf(i),
            IdNumber = id,
            Sex = "男",
            BirthDate = born.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            Phone = i % 2 == 0 ? 13912345678d : "13912345678",
        };
    }

    [Fact]
    public void A_roster_of_100_000_persons_is_read_and_validated()
    {
        var builder = new RosterBuilder { VersionInListsSheet = RosterTemplate.Version };
        for (var i = 0; i < Persons; i++)
        {
            var line = Line(i);
            if (i % 1000 == 999)
            {
                line = line with { IdNumber = Ids.WithWrongCheck((string)line.IdNumber!) }; // 100 × ID_BAD_CHECKSUM
            }
            else if (i % 10_000 == 5001)
            {
                line = Line(i - 1) with { Name = NameOf(i) }; // 10 pairs × DUPLICATE_ID_IN_FILE
            }
            else if (i % 10_000 == 7001)
            {
                line = line with { Name = NameOf(i - 1) }; // 10 pairs × SAME_NAME
            }

            builder.Add(line);
        }

        var watch = Stopwatch.StartNew();
        var xlsx = builder.ToXlsx();
        var built = watch.Elapsed;

        watch.Restart();
        var read = new RosterReader().Read(new MemoryStream(xlsx), "花名册.xlsx", ReaderTestSupport.Limits);
        var readTime = watch.Elapsed;

        watch.Restart();
        var result = RosterValidator.Validate(read.Rows, new RosterContext { PersonOptions = People.Options });
        var validateTime = watch.Elapsed;
        output.WriteLine(FormattableString.Invariant(
            $"{xlsx.Length / 1024.0 / 1024.0:0.0} MB xlsx; build {built.TotalMilliseconds:0} ms, read {readTime.TotalMilliseconds:0} ms, validate {validateTime.TotalMilliseconds:0} ms"));

        Assert.True(read.Succeeded);
        Assert.Equal(Persons, read.Rows.Count);
        Assert.Equal(Persons + 1, read.Rows[^1].RowNumber);
        Assert.Equal(Persons, result.Rows.Count);
        var byCode = result.Findings.GroupBy(f => f.Finding.Code).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(
            new Dictionary<string, int>
            {
                [RuleCodes.IdBadChecksum] = 100,
                [RuleCodes.DuplicateIdInFile] = 20,
                [RuleCodes.SameName] = 20,
            },
            byCode);
        Assert.Equal(10, result.SameNameGroups.Count);
        Assert.Equal(Persons - 100, result.Rows.Count(r => r.Person.Id is not null));
    }
}
