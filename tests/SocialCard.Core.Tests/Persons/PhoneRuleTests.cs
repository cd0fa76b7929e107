using SocialCard.Core.Tests.Support;
using SocialCard.Core.Validation;

namespace SocialCard.Core.Tests.Persons;

public class PhoneRuleTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void Empty_is_PHONE_MISSING(string? phone)
    {
        var finding = Assert.Single(People.Validate(People.Valid with { Phone = phone }).For(PersonFields.Phone));

        Assert.Equal(RuleCodes.PhoneMissing, finding.Code);
        Assert.Equal(Severity.Error, finding.Severity);
    }

    [Theory]
    [InlineData("13912345678")]
    [InlineData("19912345678")]
    [InlineData(" 15012345678 ")]
    [InlineData("010-12345678")]
    [InlineData("0536-8234567")]
    [InlineData("0536-8234567-801")]
    [InlineData("021-1234567")]
    public void Mobile_and_landline_numbers_are_valid(string phone)
    {
        var result = People.Validate(People.Valid with { Phone = phone });

        Assert.Empty(result.For(PersonFields.Phone));
        Assert.Equal(phone.Trim(), result.Normalized.Phone);
    }

    [Theory]
    [InlineData("12912345678")]     // second digit 2
    [InlineData("1391234567")]      // 10 digits
    [InlineData("139123456789")]    // 12 digits
    [InlineData("139 1234 5678")]
    [InlineData("+8613912345678")]
    [InlineData("８２３４５６７")]
    [InlineData("05368234567")]     // landline without hyphen
    [InlineData("0536－8234567")]   // full-width hyphen
    [InlineData("536-8234567")]     // area code without 0
    [InlineData("0536-823456")]     // 6-digit local number
    [InlineData("0536-8234567-")]
    [InlineData("１３９１２３４５６７８")] // full-width digits
    public void Anything_else_is_PHONE_INVALID(string phone)
    {
        var finding = Assert.Single(People.Validate(People.Valid with { Phone = phone }).For(PersonFields.Phone));

        Assert.Equal(RuleCodes.PhoneInvalid, finding.Code);
        Assert.Contains("区号-号码", finding.Message, StringComparison.Ordinal);
    }
}
