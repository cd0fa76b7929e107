using SocialCard.Core.Validation;

namespace SocialCard.Core.Tests.Support;

internal static class FindingAssertions
{
    /// <summary>Asserts exactly one finding with the code exists and returns it.</summary>
    public static Finding Single(IEnumerable<Finding> findings, string code)
    {
        var list = findings.ToList();
        var matching = list.Where(f => f.Code == code).ToList();
        Assert.True(matching.Count == 1, $"Expected one {code}, got: {Codes(list)}");
        return matching[0];
    }

    public static void None(IEnumerable<Finding> findings, string code)
    {
        var list = findings.ToList();
        Assert.True(list.All(f => f.Code != code), $"Did not expect {code}, got: {Codes(list)}");
    }

    public static string Codes(IEnumerable<Finding> findings) =>
        string.Join(", ", findings.Select(f => $"{f.Code}({f.Severity})")) is { Length: > 0 } s ? s : "(none)";
}
