namespace SocialCard.Data;

public static class Roles
{
    public const string UnitClerk = "UnitClerk";
    public const string HallStaff = "HallStaff";
    public const string Admin = "Admin";

    public static IReadOnlyList<string> All { get; } = [UnitClerk, HallStaff, Admin];

    public static string ToChinese(string role) => role switch
    {
        UnitClerk => "单位经办人",
        HallStaff => "采集点工作人员",
        Admin => "信息中心管理员",
        _ => role,
    };
}
