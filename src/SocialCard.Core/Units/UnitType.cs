namespace SocialCard.Core.Units;

public enum UnitType
{
    Employer = 1,
    School = 2,
    Kindergarten = 3,
    Other = 9,
}

public static class UnitTypeNames
{
    public static string ToChinese(this UnitType type) => type switch
    {
        UnitType.Employer => "企业/机关单位",
        UnitType.School => "学校",
        UnitType.Kindergarten => "幼儿园",
        _ => "其他",
    };
}

/// <summary>The domain's rules that depend on the unit type alone.</summary>
public static class UnitTypeRules
{
    /// <summary>
    /// Kindergarten children need no photo (docs/DOMAIN.md §3, Wuzhou): no PHOTO_MISSING for them, and their
    /// export rows carry no photo. Persons of other types may need one (<c>Photos:RequiredFor</c> says which before 申报).
    /// </summary>
    public static bool IsPhotoExempt(this UnitType type) => type == UnitType.Kindergarten;
}
