using System.Globalization;
using SocialCard.Core.Persons;

namespace SocialCard.Web.Tests.Infrastructure;

/// <summary>Makes valid citizen ID numbers for test persons.</summary>
public static class Ids
{
    private static int _sequence = Random.Shared.Next(100, 400);

    public static string Make(string region = "370702", int year = 1990, int month = 5, int day = 17, bool male = true)
    {
        var seq = Interlocked.Increment(ref _sequence) % 500 * 2 + (male ? 1 : 0);
        var first17 = string.Create(CultureInfo.InvariantCulture, $"{region}{year:D4}{month:D2}{day:D2}{seq:D3}");
        return first17 + CitizenId.ComputeCheckCharacter(first17);
    }

    /// <summary>The same number with a wrong check character.</summary>
    public static string WithWrongCheck(string valid)
    {
        var wrong = valid[17] == '1' ? '2' : '1';
        return valid[..17] + wrong;
    }
}
