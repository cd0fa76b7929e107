using SocialCard.Core.Tests.Support;
using SocialCard.Core.Validation;
using static SocialCard.Core.Tests.Support.FindingAssertions;

namespace SocialCard.Core.Tests.Persons;

public class SexRuleTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" ")]
    public void Empty_is_SEX_MISSING_with_the_sex_from_the_id_suggested(string? sex)
    {
        var result = People.Validate(People.Valid with { Sex = sex });

        var finding = Assert.Single(result.For(PersonFields.Sex));
        Assert.Equal(RuleCodes.SexMissing, finding.Code);
        Assert.Equal(Severity.Error, finding.Severity);
        Assert.Equal("男", finding.SuggestedValue);
        Assert.Equal("", result.Normalized.Sex);
    }

    [Theory]
    [InlineData("男", Ids.MaleConst, "男")]
    [InlineData("1", Ids.MaleConst, "男")]
    [InlineData("男性", Ids.MaleConst, "男")]
    [InlineData(" 女 ", Ids.FemaleConst, "女")]
    [InlineData("2", Ids.FemaleConst, "女")]
    [InlineData("女性", Ids.FemaleConst, "女")]
    public void Accepted_values_are_normalised(string sex, string id, string expected)
    {
        var result = People.Validate(People.Valid with { Sex = sex, IdNumber = id });

        Assert.Empty(result.For(PersonFields.Sex));
        Assert.Equal(expected, result.Normalized.Sex);
    }

    [Theory]
    [InlineData("M")]
    [InlineData("0")]
    [InlineData("9")]
    [InlineData("男女")]
    [InlineData("未知")]
    public void Other_values_are_SEX_INVALID(string sex)
    {
        var result = People.Validate(People.Valid with { Sex = sex });

        Assert.Equal(RuleCodes.SexInvalid, Assert.Single(result.For(PersonFields.Sex)).Code);
        Assert.Equal(sex, result.Normalized.Sex);
    }

    [Fact]
    public void Sex_against_an_odd_17th_digit_is_SEX_MISMATCH_ID()
    {
        var result = People.Validate(People.Valid with { Sex = "女", IdNumber = Ids.Male });

        var finding = Assert.Single(result.For(PersonFields.Sex));
        Assert.Equal(RuleCodes.SexMismatchId, finding.Code);
        Assert.Equal(Severity.Error, finding.Severity);
        Assert.Equal("男", finding.SuggestedValue);
        Assert.Equal("女", result.Normalized.Sex);
    }

    [Fact]
    public void Sex_against_an_even_17th_digit_is_SEX_MISMATCH_ID() =>
        Single(People.Validate(People.Valid with { Sex = "1", IdNumber = Ids.Female }).Findings, RuleCodes.SexMismatchId);

    [Fact]
    public void Fifteen_digit_number_is_compared_through_its_last_digit() =>
        Single(People.Validate(People.Valid with { Sex = "男", IdNumber = "430111900101058", BirthDate = "1990-01-01" }).Findings, RuleCodes.SexMismatchId);

    [Fact]
    public void No_comparison_without_a_usable_id()
    {
        var result = People.Validate(People.Valid with { Sex = "女", IdNumber = Ids.WithWrongCheck(Ids.Male) });

        None(result.Findings, RuleCodes.SexMismatchId);
        Single(result.Findings, RuleCodes.IdBadChecksum);
    }
}
