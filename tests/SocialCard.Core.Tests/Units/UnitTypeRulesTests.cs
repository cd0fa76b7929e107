using SocialCard.Core.Units;

namespace SocialCard.Core.Tests.Units;

public sealed class UnitTypeRulesTests
{
    [Theory]
    [InlineData(UnitType.Kindergarten, true)]
    [InlineData(UnitType.School, false)]
    [InlineData(UnitType.Employer, false)]
    [InlineData(UnitType.Other, false)]
    public void Only_kindergarten_children_are_exempt_from_the_photo(UnitType type, bool exempt) =>
        Assert.Equal(exempt, type.IsPhotoExempt());
}
