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
