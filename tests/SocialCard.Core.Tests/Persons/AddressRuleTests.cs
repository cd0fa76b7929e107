using SocialCard.Core.Persons;
using SocialCard.Core.Tests.Support;
using SocialCard.Core.Validation;
using static SocialCard.Core.Tests.Support.FindingAssertions;

namespace SocialCard.Core.Tests.Persons;

public class AddressRuleTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" \u3000")]
    public void Empty_is_ADDRESS_MISSING(string? address)
    {
        var finding = Assert.Single(People.Validate(People.Valid with { Address = address }).For(PersonFields.Address));

        Assert.Equal(RuleCodes.AddressMissing, finding.Code);
        Assert.Equal(Severity.Error, finding.Severity);
    }

    [Fact]
    public void Exactly_the_limit_is_accepted_and_trimmed()
    {
        var address = new string('街', 24);
        var result = People.Validate(People.Valid with { Address = $"  {address} " });

        Assert.Empty(result.For(PersonFields.Address));
        Assert.Equal(address, result.Normalized.Address);
    }

    [Fact]
    public void Over_the_limit_is_ADDRESS_TOO_LONG_with_limit_and_length()
    {
        var finding = Assert.Single(People.Validate(People.Valid with { Address = new string('街', 25) }).For(PersonFields.Address));

        Assert.Equal(RuleCodes.AddressTooLong, finding.Code);
        Assert.Equal(Severity.Error, finding.Severity);
        Assert.Contains("25个字", finding.Message, StringComparison.Ordinal);
        Assert.Contains("24个字", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Characters_outside_the_BMP_count_once()
    {
        var address = string.Concat(Enumerable.Repeat("𠮷", 24)); // 48 UTF-16 units

        Assert.Equal(48, address.Length);
        None(People.Validate(People.Valid with { Address = address }).Findings, RuleCodes.AddressTooLong);
        Single(People.Validate(People.Valid with { Address = address + "𠮷" }).Findings, RuleCodes.AddressTooLong);
    }

    [Fact]
    public void The_limit_is_configurable()
    {
        var options = new PersonValidationOptions { AddressMaxLength = 10, Today = Ids.Today };

        var finding = Single(People.Validate(People.Valid with { Address = new string('路', 11) }, options).Findings, RuleCodes.AddressTooLong);
        Assert.Contains("10个字", finding.Message, StringComparison.Ordinal);
        None(People.Validate(People.Valid with { Address = new string('路', 10) }, options).Findings, RuleCodes.AddressTooLong);
    }

    [Fact]
    public void A_non_positive_limit_is_a_configuration_bug() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => PersonValidator.Validate(People.Valid, new PersonValidationOptions { AddressMaxLength = 0 }));

    [Theory]
    [InlineData("潍坊市\t奎文区", "制表符")]
    [InlineData("潍坊市\n奎文区", "换行符")]
    [InlineData("潍坊市\r\n奎文区", "换行符")]
    [InlineData("潍坊市\u2028奎文区", "换行符")]
    [InlineData("潍坊市\u0007奎文区", "控制字符")]
    public void Tabs_line_breaks_and_control_characters_are_ADDRESS_BAD_CHARS(string address, string shown)
    {
        var finding = Assert.Single(People.Validate(People.Valid with { Address = address }).For(PersonFields.Address));

        Assert.Equal(RuleCodes.AddressBadChars, finding.Code);
        Assert.Contains(shown, finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Spaces_and_digits_are_not_ADDRESS_BAD_CHARS() =>
        Assert.Empty(People.Validate(People.Valid with { Address = "奎文区 胜利东街 1号-2" }).For(PersonFields.Address));
}
