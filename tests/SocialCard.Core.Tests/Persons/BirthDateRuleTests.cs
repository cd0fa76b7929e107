using SocialCard.Core.Tests.Support;
using SocialCard.Core.Validation;
using static SocialCard.Core.Tests.Support.FindingAssertions;

namespace SocialCard.Core.Tests.Persons;

public class BirthDateRuleTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void Empty_is_filled_from_the_id_as_BIRTHDATE_MISSING(string? birthDate)
    {
        var result = People.Validate(People.Valid with { BirthDate = birthDate });

        var finding = Assert.Single(result.For(PersonFields.BirthDate));
        Assert.Equal(RuleCodes.BirthDateMissing, finding.Code);
        Assert.Equal(Severity.Fixed, finding.Severity);
        Assert.Equal("1990-01-01", finding.SuggestedValue);
        Assert.Equal("1990-01-01", result.Normalized.BirthDate);
        Assert.False(result.HasErrors);
    }

    [Fact]
    public void Empty_is_filled_from_a_15_digit_number_too()
    {
        var result = People.Validate(People.Valid with { BirthDate = "", IdNumber = "150102880730303", Sex = "男" });

        Assert.Equal("1988-07-30", Single(result.Findings, RuleCodes.BirthDateMissing).SuggestedValue);
    }

    [Fact]
    public void Empty_without_a_usable_id_is_left_empty_and_not_reported()
    {
        var result = People.Validate(People.Valid with { BirthDate = "", IdNumber = "" });

        Assert.Empty(result.For(PersonFields.BirthDate));
        Assert.Equal("", result.Normalized.BirthDate);
        Single(result.Findings, RuleCodes.IdMissing);
    }

    [Theory]
    [InlineData("1990-01-01")]
    [InlineData("1990/1/1")]
    [InlineData("19900101")]
    [InlineData("32874")]
    [InlineData("1990年1月1日")]
    public void Accepted_forms_are_normalised_without_findings(string birthDate)
    {
        var result = People.Validate(People.Valid with { BirthDate = birthDate });

        Assert.Empty(result.For(PersonFields.BirthDate));
        Assert.Equal("1990-01-01", result.Normalized.BirthDate);
    }

    [Theory]
    [InlineData("1990-02-30", "无法识别")]
    [InlineData("abc", "无法识别")]
    [InlineData("01/01/1990", "无法识别")]
    [InlineData("1899-12-31", "早于1900年")]
    [InlineData("2025-06-02", "晚于今天")]
    public void Non_dates_and_impossible_dates_are_BIRTHDATE_INVALID(string birthDate, string explained)
    {
        var result = People.Validate(People.Valid with { BirthDate = birthDate });

        var finding = Assert.Single(result.For(PersonFields.BirthDate));
        Assert.Equal(RuleCodes.BirthDateInvalid, finding.Code);
        Assert.Equal(Severity.Error, finding.Severity);
        Assert.Contains(explained, finding.Message, StringComparison.Ordinal);
        Assert.Equal("1990-01-01", finding.SuggestedValue);
    }

    [Fact]
    public void A_different_date_is_BIRTHDATE_MISMATCH_ID_naming_the_id_date()
    {
        var result = People.Validate(People.Valid with { BirthDate = "1990/1/2" });

        var finding = Assert.Single(result.For(PersonFields.BirthDate));
        Assert.Equal(RuleCodes.BirthDateMismatchId, finding.Code);
        Assert.Equal(Severity.Error, finding.Severity);
        Assert.Contains("1990-01-01", finding.Message, StringComparison.Ordinal);
        Assert.Contains("1990-01-02", finding.Message, StringComparison.Ordinal);
        Assert.Equal("1990-01-01", finding.SuggestedValue);
        Assert.Equal("1990-01-02", result.Normalized.BirthDate);
    }

    [Fact]
    public void No_comparison_without_a_usable_id() =>
        None(People.Validate(People.Valid with { BirthDate = "1980-05-05", IdNumber = "12345" }).Findings, RuleCodes.BirthDateMismatchId);
}
