using SocialCard.Core.Validation;

namespace SocialCard.Core.Rosters;

/// <summary>The columns of the portal's roster template (社保卡信息采集 roster), in template order.</summary>
public enum RosterColumn
{
    PersonalNumber,
    Category,
    OriginalName,
    OriginalIdNumber,
    Name,
    IdNumber,
    Sex,
    BirthDate,
    Ethnicity,
    Phone,
    Postcode,
    Address,
    ClassOrDepartment,
}

/// <summary>One column: its Chinese header, whether the unit may change it, the person field it feeds, and its filling rule.</summary>
public sealed record RosterColumnSpec(
    RosterColumn Column,
    string Header,
    bool ReadOnly,
    string? Field,
    string InputTitle,
    string InputMessage,
    double Width);

/// <summary>
/// The template's layout, defined once: the template writer, the reader's header recognition and the
/// annotated workbook all use it. Changing a header or the order is a new <see cref="Version"/>.
/// </summary>
public static class RosterTemplate
{
    /// <summary>Written into the template (a hidden sheet cell and the workbook's custom property) so uploads can be recognised.</summary>
    public const string Version = "SOCIALCARD-ROSTER-1";

    public const string DataSheetName = "人员信息";
    public const string InstructionsSheetName = "填写说明";
    public const string ListsSheetName = "代码表";
    public const string ErrorsSheetName = "错误清单";

    public static IReadOnlyList<RosterColumnSpec> Columns { get; } =
    [
        new(RosterColumn.PersonalNumber, "个人编号", true, null, "个人编号", "由社保系统分配，不能修改；新增人员留空。", 14),
        new(RosterColumn.Category, "人员类别", true, null, "人员类别", "由社保系统确定，不能修改。", 12),
        new(RosterColumn.OriginalName, "核对前姓名", true, null, "核对前姓名", "原始登记的姓名，不能修改；如有错误请改右侧“姓名”列。", 12),
        new(RosterColumn.OriginalIdNumber, "核对前身份证号码", true, null, "核对前身份证号码", "原始登记的号码，不能修改；如有错误请改右侧“身份证号码”列。", 22),
        new(RosterColumn.Name, "姓名", false, PersonFields.Name, "姓名", "与二代身份证一致；少数民族姓名中间用“·”。姓名和身份证号码不能同时修改。", 12),
        new(RosterColumn.IdNumber, "身份证号码", false, PersonFields.IdNumber, "身份证号码", "18位，末位X大写；不要以数字格式输入。", 22),
        new(RosterColumn.Sex, "性别", false, PersonFields.Sex, "性别", "从下拉列表选择：男 或 女；须与身份证号码第17位一致。", 8),
        new(RosterColumn.BirthDate, "出生日期", false, PersonFields.BirthDate, "出生日期", "格式 yyyy-MM-dd，如 1990-01-31；须与身份证号码一致，可留空自动填写。", 13),
        new(RosterColumn.Ethnicity, "民族", false, PersonFields.Ethnicity, "民族", "从下拉列表选择，如“01 汉族”。", 12),
        new(RosterColumn.Phone, "联系电话", false, PersonFields.Phone, "联系电话", "本人11位手机号，或固定电话“区号-号码”，如 0536-8881234。", 15),
        new(RosterColumn.Postcode, "邮政编码", false, PersonFields.Postcode, "邮政编码", "常住地的6位邮政编码。", 10),
        new(RosterColumn.Address, "常住地址", false, PersonFields.Address, "常住地址", "参照身份证地址填写，不超过规定字数，不要换行。", 36),
        new(RosterColumn.ClassOrDepartment, "班级/部门", false, null, "班级/部门", "选填：学校填班级，单位可填部门。", 14),
    ];

    public static RosterColumnSpec Spec(RosterColumn column) => Columns[(int)column];

    /// <summary>The column whose header is <paramref name="header"/> (trimmed, exact), if any.</summary>
    public static RosterColumnSpec? ByHeader(string? header) =>
        Columns.FirstOrDefault(c => string.Equals(c.Header, header?.Trim(), StringComparison.Ordinal));
}
