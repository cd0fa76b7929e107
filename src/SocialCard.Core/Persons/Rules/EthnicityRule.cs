using SocialCard.Core.Validation;

namespace SocialCard.Core.Persons.Rules;

/// <summary>ETHNICITY_MISSING, ETHNICITY_INVALID. Normalises to the two-digit GB 3304 code.</summary>
internal static class EthnicityRule
{
    private const string Field = PersonFields.Ethnicity;

    public static string Check(string? raw, List<Finding> findings)
    {
        var text = raw?.Trim() ?? "";
        if (text.Length == 0)
        {
            findings.Add(new Finding(
                RuleCodes.EthnicityMissing,
                Severity.Error,
                Field,
                "民族未填写：请填写身份证上的民族，如“汉族”，也可以填两位代码，如“01”"));
            return "";
        }

        if (!Ethnicities.TryParse(text, out var ethnicity))
        {
            findings.Add(new Finding(
                RuleCodes.EthnicityInvalid,
                Severity.Error,
                Field,
                $"民族“{text}”不在国家标准民族代码表（GB 3304）中：请填写身份证上的民族全称（如“汉族”“维吾尔族”）或两位代码（如“01”）"));
            return text;
        }

        return ethnicity.Code;
    }
}
