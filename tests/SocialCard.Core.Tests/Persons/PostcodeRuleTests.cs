using SocialCard.Core.Tests.Support;
using SocialCard.Core.Validation;

namespace SocialCard.Core.Tests.Persons;

public class PostcodeRuleTests
{
    [Theory]
    [InlineData("261041")]
    [InlineData("010010")]
    [InlineData("100000")]
    [InlineData("856000")]
    [InlineData(" 261041 ")]
    [InlineData("")]    // an empty postcode is allowed
    [InlineData(null)]
    public void Six_digit_mainland_postcodes_and_empty_are_accepted(string? postcode)
    {
        var result = People.Validate(People.Valid with { Postcode = postcode });

        Assert.Empty(result.For(PersonFields.Postcode));
        Assert.Equal(postcode?.Trim() ?? "", result.Normalized.Postcode);
    }

    [Theory]
    [InlineData("26104")]
    [InlineData("2610411")]
    [InlineData("26104a")]
    [InlineData("２６１０４１")]
    [InlineData("000000")]
    [InlineData("001000")]
    [InlineData("870000")]
    [InlineData("999077")]
    public void Other_values_are_POSTCODE_INVALID(string postcode)
    {
        var finding = Assert.Single(People.Validate(People.Valid with { Postcode = postcode }).For(PersonFields.Postcode));

        Assert.Equal(RuleCodes.PostcodeInvalid, finding.Code);
        Assert.Equal(Severity.Error, finding.Severity);
        Assert.Contains(postcode, finding.Message, StringComparison.Ordinal);
    }
}
