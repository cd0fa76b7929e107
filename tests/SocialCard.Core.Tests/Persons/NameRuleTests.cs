using SocialCard.Core.Tests.Support;
using SocialCard.Core.Validation;
using static SocialCard.Core.Tests.Support.FindingAssertions;

namespace SocialCard.Core.Tests.Persons;

public class NameRuleTests
{
    private static (string Name, IReadOnlyList<Finding> Findings) Check(string? name)
    {
        var result = People.Validate(People.Valid with { Name = name });
        return (result.Normalized.Name!, result.For(PersonFields.Name).ToList());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void Empty_is_NAME_MISSING(string? name)
    {
        var (normalized, findings) = Check(name);

        Assert.Equal(RuleCodes.NameMissing, Assert.Single(findings).Code);
        Assert.Equal(Severity.Error, findings[0].Severity);
        Assert.Equal(PersonFields.Name, findings[0].Field);
        Assert.Equal("", normalized);
    }

    [Theory]
    [InlineData("张三")]
    [InlineData("阿依古丽·买买提")]
    [InlineData("欧阳〇")]
    [InlineData("买买提·艾力·吐尔逊")]
    public void Correct_names_have_no_findings(string name)
    {
        var (normalized, findings) = Check(name);

        Assert.Empty(findings);
        Assert.Equal(name, normalized);
    }

    [Theory]
    [InlineData("阿依古丽•买买提")]
    [InlineData("阿依古丽.买买提")]
    [InlineData("阿依古丽．买买提")]
    [InlineData("阿依古丽‧买买提")]
    [InlineData("阿依古丽・买买提")]
    [InlineData(" 阿依古丽·买买提\u3000")]
    public void Dot_variants_and_surrounding_spaces_are_NAME_NORMALIZED(string name)
    {
        var (normalized, findings) = Check(name);

        var finding = Assert.Single(findings);
        Assert.Equal(RuleCodes.NameNormalized, finding.Code);
        Assert.Equal(Severity.Fixed, finding.Severity);
        Assert.Equal("阿依古丽·买买提", finding.SuggestedValue);
        Assert.Equal("阿依古丽·买买提", normalized);
    }

    [Theory]
    [InlineData("张3", "“3”")]
    [InlineData("Zhang三", "“Z”")]
    [InlineData("张 三", "空格")]
    [InlineData("张\u3000三", "空格")]
    [InlineData("张三（小）", "“（”")]
    [InlineData("张-三", "“-”")]
    public void Digits_letters_inner_spaces_and_symbols_are_NAME_BAD_CHARS(string name, string shown)
    {
        var (_, findings) = Check(name);

        var finding = Single(findings, RuleCodes.NameBadChars);
        Assert.Equal(Severity.Error, finding.Severity);
        Assert.Contains(shown, finding.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("·买买提")]
    [InlineData("买买提·")]
    [InlineData("阿依古丽··买买提")]
    [InlineData("阿依古丽.·买买提")]
    public void Misplaced_dots_are_NAME_BAD_CHARS(string name)
    {
        var finding = Single(Check(name).Findings, RuleCodes.NameBadChars);
        Assert.Contains("间隔号", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Surrounding_whitespace_is_trimmed_not_NAME_BAD_CHARS()
    {
        var (normalized, findings) = Check("张三\t");

        None(findings, RuleCodes.NameBadChars);
        Single(findings, RuleCodes.NameNormalized);
        Assert.Equal("张三", normalized);
    }

    [Fact]
    public void Lone_surrogate_is_NAME_BAD_CHARS() =>
        Single(Check("张\uD842").Findings, RuleCodes.NameBadChars);

    [Theory]
    [InlineData("吉𠮷", "U+20BB7")]    // Extension B, a surrogate pair
    [InlineData("𪚥王", "U+2A6A5")]
    [InlineData("李\uF900", "U+F900")] // CJK compatibility ideograph 豈
    [InlineData("李\U0002F800", "U+2F800")]
    [InlineData("李\uE000", "U+E000")] // private use
    public void Characters_fonts_may_lack_are_NAME_RARE_CHAR(string name, string codePoint)
    {
        var (normalized, findings) = Check(name);

        var finding = Assert.Single(findings);
        Assert.Equal(RuleCodes.NameRareChar, finding.Code);
        Assert.Equal(Severity.Warning, finding.Severity);
        Assert.Contains(codePoint, finding.Message, StringComparison.Ordinal);
        Assert.Equal(name, normalized); // the character survives untouched
    }

    [Fact]
    public void Surrogate_pairs_are_one_character_not_two_bad_halves()
    {
        var (_, findings) = Check("𠮷");

        None(findings, RuleCodes.NameBadChars);
        Assert.Contains("“𠮷”", Single(findings, RuleCodes.NameRareChar).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("张三")]
    [InlineData("䶮")] // Extension A is in the BMP: not rare by this rule
    public void Common_characters_are_not_NAME_RARE_CHAR(string name) =>
        None(Check(name).Findings, RuleCodes.NameRareChar);
}
