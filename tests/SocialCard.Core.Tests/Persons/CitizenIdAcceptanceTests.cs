using SocialCard.Core.Persons;
using SocialCard.Core.Tests.Support;
using SocialCard.Core.Validation;

namespace SocialCard.Core.Tests.Persons;

/// <summary>The acceptance cases of the brief, checked with the default (built-in) GB/T 2260 table.</summary>
public class CitizenIdAcceptanceTests
{
    [Theory]
    [InlineData("11010120170210193X", "2017-02-10", Sex.Male)]
    [InlineData("120110198012010073", "1980-12-01", Sex.Male)]
    [InlineData("810000199408230021", "1994-08-23", Sex.Female)]
    public void Valid_numbers_parse_with_no_findings(string raw, string birthDate, Sex sex)
    {
        var result = CitizenId.Parse(raw, today: Ids.Today);

        Assert.True(result.IsValid, FindingAssertions.Codes(result.Findings));
        Assert.Empty(result.Findings);
        Assert.Equal(raw, result.Id!.Value);
        Assert.Equal(DateOnly.Parse(birthDate, System.Globalization.CultureInfo.InvariantCulture), result.Id.BirthDate);
        Assert.Equal(sex, result.Id.Sex);
        Assert.Equal(raw[..6], result.Id.RegionCode);
    }

    [Fact]
    public void Lower_case_x_is_normalized_and_the_number_stays_valid()
    {
        var result = CitizenId.Parse("44011320141005001x", today: Ids.Today);

        Assert.True(result.IsValid);
        Assert.Equal("44011320141005001X", result.Id!.Value);
        Assert.Equal("44011320141005001X", result.Normalized);
        var finding = FindingAssertions.Single(result.Findings, RuleCodes.IdNormalized);
        Assert.Equal(Severity.Fixed, finding.Severity);
        Assert.Equal(PersonFields.IdNumber, finding.Field);
        Assert.Single(result.Findings);
    }

    [Theory]
    [InlineData("36042619910102009X", RuleCodes.IdBadChecksum)]
    [InlineData("110101199002300014", RuleCodes.IdBadBirthDate)]
    [InlineData("990426199112010074", RuleCodes.IdBadRegion)]
    public void Invalid_numbers_get_exactly_their_error(string raw, string code)
    {
        var result = CitizenId.Parse(raw, today: Ids.Today);

        Assert.False(result.IsValid);
        Assert.Null(result.Id);
        var finding = Assert.Single(result.Findings);
        Assert.Equal(code, finding.Code);
        Assert.Equal(Severity.Error, finding.Severity);
    }

    [Fact]
    public void Fifteen_digit_number_proposes_its_18_digit_form()
    {
        var result = CitizenId.Parse("150102880730303", today: Ids.Today);

        Assert.False(result.IsValid);
        Assert.Equal("150102198807303035", result.Converted18);
        var finding = Assert.Single(result.Findings);
        Assert.Equal(RuleCodes.IdLegacy15, finding.Code);
        Assert.Equal(Severity.Error, finding.Severity);
        Assert.Equal("150102198807303035", finding.SuggestedValue);
        Assert.Contains("150102198807303035", finding.Message, StringComparison.Ordinal);
    }
}
