using System.Collections.Concurrent;
using System.Globalization;
using SocialCard.Core.Persons;

namespace SocialCard.Web.Tests.Infrastructure;

/// <summary>Makes valid citizen ID numbers for test persons, never the same number twice in a test run.</summary>
public static class Ids
{
    private static readonly ConcurrentDictionary<string, int> Used = new();

    public static string Make(string region = "370702", int year = 1990, int month = 5, int day = 17, bool male = true)
    {
        var prefix = string.Create(CultureInfo.InvariantCulture, $"{region}{year:D4}{month:D2}{day:D2}");
        var n = Used.AddOrUpdate(prefix + (male ? "m" : "f"), 0, (_, v) => v + 1);
        if (n >= 500)
        {
            throw new InvalidOperationException($"All 500 {(male ? "male" : "female")} sequence numbers of {prefix} are used; give the test another birth date.");
        }

        var first17 = prefix + ((n * 2) + (male ? 1 : 0)).ToString("D3", CultureInfo.InvariantCulture);
        return first17 + CitizenId.ComputeCheckCharacter(first17);
    }

    /// <summary>The same number with a wrong check character.</summary>
    public static string WithWrongCheck(string valid)
    {
        var wrong = valid[17] == '1' ? '2' : '1';
        return valid[..17] + wrong;
    }
}
