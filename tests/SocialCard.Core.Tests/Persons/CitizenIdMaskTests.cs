using SocialCard.Core.Persons;

namespace SocialCard.Core.Tests.Persons;

public class CitizenIdMaskTests
{
    [Theory]
    [InlineData("430111199001010576", "430111********0576")]
    [InlineData("11010120170210193X", "110101********193X")]
    [InlineData("150102880730303", "150102*****0303")]
    [InlineData("4301111990010105", "430111******0105")]
    [InlineData("12345", "*****")]
    [InlineData("12345678901234", "**************")]
    [InlineData(" 430111199001010576 ", "430111********0576")]
    [InlineData("", "")]
    [InlineData("   ", "")]
    [InlineData(null, "")]
    public void Mask_keeps_first_6_and_last_4(string? input, string expected) =>
        Assert.Equal(expected, CitizenId.Mask(input));
}
