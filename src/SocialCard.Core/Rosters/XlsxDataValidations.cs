using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;

namespace SocialCard.Core.Rosters;

/// <summary>
/// One data validation per column, over the whole column below the header: every column shows its filling
/// rule as an input message; 性别, 民族 and 人员类别 offer drop-down lists; ID number, postcode and address
/// get a length check. Error style is "warning" everywhere: the portal's own checks decide, and they
/// accept variants (汉 for 汉族, 1/2 for 男/女) that a strict list would block.
/// </summary>
internal static class XlsxDataValidations
{
    public const string EthnicityListName = "SocialCard_Ethnicities";
    public const string CategoryListName = "SocialCard_Categories";

    public static DataValidations Create(XlsxTemplateOptions options)
    {
        var validations = new DataValidations();
        foreach (var spec in RosterTemplate.Columns)
        {
            var dv = Rule(spec, options);
            var column = XlsxCellRef.ColumnName((int)spec.Column);
            dv.AllowBlank = true;
            dv.ShowInputMessage = true;
            dv.PromptTitle = XlsxTemplateText.PromptTitle(spec);
            dv.Prompt = XlsxTemplateText.Prompt(spec, options.AddressMaxLength);
            dv.SequenceOfReferences = new ListValue<StringValue> { InnerText = $"{column}2:{column}{XlsxDataSheetWriter.MaxRow}" };
            validations.Append(dv);
        }

        validations.Count = (uint)validations.ChildElements.Count;
        return validations;
    }

    private static DataValidation Rule(RosterColumnSpec spec, XlsxTemplateOptions options) => spec.Column switch
    {
        RosterColumn.Sex => List("\"男,女\"", "请从下拉列表选择“男”或“女”。"),
        RosterColumn.Ethnicity => List(EthnicityListName, "请从下拉列表选择民族，如“01 汉族”。"),
        RosterColumn.Category when options.Categories.Count > 0 => List(CategoryListName, "人员类别由社保系统确定，不能修改。"),
        RosterColumn.IdNumber => Length(DataValidationOperatorValues.Equal, 18, "身份证号码应为18位，末位X大写。"),
        RosterColumn.Postcode => Length(DataValidationOperatorValues.Equal, 6, "邮政编码应为6位数字。"),
        RosterColumn.Address => Length(DataValidationOperatorValues.LessThanOrEqual, options.AddressMaxLength, $"常住地址不能超过{options.AddressMaxLength}个字。"),
        _ => new DataValidation(),
    };

    private static DataValidation List(string source, string error) =>
        Checked(new DataValidation(new Formula1(source)) { Type = DataValidationValues.List }, error);

    private static DataValidation Length(DataValidationOperatorValues op, int value, string error) =>
        Checked(new DataValidation(new Formula1(value.ToString(CultureInfo.InvariantCulture))) { Type = DataValidationValues.TextLength, Operator = op }, error);

    private static DataValidation Checked(DataValidation dv, string error)
    {
        dv.ShowErrorMessage = true;
        dv.ErrorStyle = DataValidationErrorStyleValues.Warning;
        dv.ErrorTitle = "请核对";
        dv.Error = XlsxText.Clip(error + "仍要保留请点“是”。", XlsxTemplateText.MaxPrompt);
        return dv;
    }
}
