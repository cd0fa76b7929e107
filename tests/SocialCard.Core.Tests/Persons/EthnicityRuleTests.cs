using SocialCard.Core.Tests.Support;
using SocialCard.Core.Validation;

namespace SocialCard.Core.Tests.Persons;

public class EthnicityRuleTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" ")]
    public void Empty_is_ETHNICITY_MISSING(string? ethnicity)
    {
        var result = People.Validate(People.Valid with { Ethnicity = ethnicity });

        var finding = Assert.Single(result.For(PersonFields.Ethnicity));
        Assert.Equal(RuleCodes.EthnicityMissing, finding.Code);
        Assert.Equal(Severity.Error, finding.Severity);
    }

    [Theory]
    [InlineData("穿青人")]
    [InlineData("57")]
    [InlineData("Han")]
    public void Unknown_values_are_ETHNICITY_INVALID(string ethnicity)
    {
        var result = People.Validate(People.Valid with { Ethnicity = ethnicity });

        var finding = Assert.Single(result.For(PersonFields.Ethnicity));
        Assert.Equal(RuleCodes.EthnicityInvalid, finding.Code);
        Assert.Contains(ethnicity, finding.Message, StringComparison.Ordinal);
        Assert.Equal(ethnicity, result.Normalized.Ethnicity);
    }

    [Theory]
    [InlineData("汉族", "01")]
    [InlineData("汉", "01")]
    [InlineData("1", "01")]
    [InlineData("03", "03")]
    [InlineData("外国血统中国籍人士", "98")]
    public void Known_values_are_normalised_to_the_code(string ethnicity, string code)
    {
        var result = People.Validate(People.Valid with { Ethnicity = ethnicity });

        Assert.Empty(result.For(PersonFields.Ethnicity));
        Assert.Equal(code, result.Normalized.Ethnicity);
    }
}
