using SocialCard.Core.Validation;

namespace SocialCard.Core.Persons.Rules;

/// <summary>SEX_MISSING, SEX_INVALID, SEX_MISMATCH_ID. Normalises to 男 / 女.</summary>
internal static class SexRule
{
    private const string Field = PersonFields.Sex;

    public static string Check(string? raw, CitizenId? id, List<Finding> findings)
    {
        var text = raw?.Trim() ?? "";
        var fromId = id?.Sex.ToChinese();
        if (text.Length == 0)
        {
            var hint = fromId is null ? "" : $"（根据身份证号码应为“{fromId}”）";
            findings.Add(new Finding(RuleCodes.SexMissing, Severity.Error, Field, $"性别未填写：请填写“男”或“女”{hint}", fromId));
            return "";
        }

        if (!SexText.TryParse(text, out var sex))
        {
            findings.Add(new Finding(RuleCodes.SexInvalid, Severity.Error, Field, $"性别“{text}”无法识别：请填写“男”或“女”", fromId));
            return text;
        }

        if (id is not null && id.Sex != sex)
        {
            findings.Add(new Finding(
                RuleCodes.SexMismatchId,
                Severity.Error,
                Field,
                $"性别“{sex.ToChinese()}”与身份证号码不一致（第17位为奇数是男、偶数是女，该号码对应“{fromId}”）：请对照身份证原件核对性别和身份证号码",
                fromId));
        }

        return sex.ToChinese();
    }
}
