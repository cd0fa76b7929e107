using SocialCard.Core.Persons;

namespace SocialCard.Core.Tests.Support;

/// <summary>Builds ID numbers with a correct check character, so a test can vary one part at a time.</summary>
internal static class Ids
{
    public static readonly DateOnly Today = new(2025, 6, 1);

    /// <summary>A valid male ID: 430111 1990-01-01, sequence 057 (checked against Make in a test).</summary>
    public const string MaleConst = "430111199001010573";

    /// <summary>A valid female ID: 430111 1990-01-01, sequence 058.</summary>
    public const string FemaleConst = "430111199001010581";

    public static readonly string Male = MaleConst;

    public static readonly string Female = FemaleConst;

    public static string Make(string region, string yyyyMMdd, string sequence)
    {
        var first17 = region + yyyyMMdd + sequence;
        return first17 + CitizenId.ComputeCheckCharacter(first17);
    }

    /// <summary>The same number with a wrong check character.</summary>
    public static string WithWrongCheck(string id)
    {
        var wrong = id[17] == '0' ? '1' : '0';
        return id[..17] + wrong;
    }
}
