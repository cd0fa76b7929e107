using SocialCard.Core.Privacy;

namespace SocialCard.Core.Tests.Privacy;

public class IdNumberRedactorTests
{
    [Fact]
    public void Log_line_with_two_ids_comes_out_masked()
    {
        var line = "Imported row 7: id=430111199001010573 name=张三; duplicate of 44011320141005001x in batch 12";

        var redacted = IdNumberRedactor.Redact(line);

        Assert.Equal("Imported row 7: id=430111********0573 name=张三; duplicate of 440113********001x in batch 12", redacted);
        Assert.DoesNotContain("19900101", redacted, StringComparison.Ordinal);
        Assert.DoesNotContain("20141005", redacted, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("card 62220212345678901234 paid", "card 62220212345678901234 paid")] // 20 digits
    [InlineData("bank 6222021234567890123", "bank 6222021234567890123")]             // 19 digits
    [InlineData("order 4301111990010105", "order 4301111990010105")]                 // 16 digits
    [InlineData("unit 1111011 row 12", "unit 1111011 row 12")]
    public void Other_numbers_are_not_touched(string text, string expected) =>
        Assert.Equal(expected, IdNumberRedactor.Redact(text));

    [Theory]
    [InlineData("legacy 150102880730303.", "legacy 150102*****0303.")]
    [InlineData("11010120170210193X", "110101********193X")]
    [InlineData("{\"id\":\"11010120170210193X\"}", "{\"id\":\"110101********193X\"}")]
    [InlineData("ID11010120170210193Xok", "ID110101********193Xok")]
    [InlineData("全角４３０１１１１９９００１０１０５７３", "全角４３０１１１********０５７３")]
    public void Fifteen_and_eighteen_character_ids_are_masked_anywhere(string text, string expected) =>
        Assert.Equal(expected, IdNumberRedactor.Redact(text));

    [Theory]
    [InlineData(null, "")]
    [InlineData("", "")]
    [InlineData("no numbers here", "no numbers here")]
    public void Text_without_ids_is_unchanged(string? text, string expected) =>
        Assert.Equal(expected, IdNumberRedactor.Redact(text));
}
