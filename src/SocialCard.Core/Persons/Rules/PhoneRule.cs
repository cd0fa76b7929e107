using System.Text.RegularExpressions;
using SocialCard.Core.Validation;

namespace SocialCard.Core.Persons.Rules;

/// <summary>PHONE_MISSING, PHONE_INVALID. The value is only trimmed.</summary>
internal static partial class PhoneRule
{
    private const string Field = PersonFields.Phone;

    public static string Check(string? raw, List<Finding> findings)
    {
        var text = raw?.Trim() ?? "";
        if (text.Length == 0)
        {
            findings.Add(new Finding(
                RuleCodes.PhoneMissing,
                Severity.Error,
                Field,
                "联系电话未填写：请填写本人的11位手机号码；未成年人或老人可以填写直系亲属的号码"));
        }
        else if (!IsValid(text))
        {
            findings.Add(new Finding(
                RuleCodes.PhoneInvalid,
                Severity.Error,
                Field,
                $"联系电话“{text}”格式不对：请填写11位手机号码（如13912345678），或写成“区号-号码”的座机号码（如0536-8234567，分机接在最后：0536-8234567-801），一律使用半角数字和“-”，不加空格和+86"));
        }

        return text;
    }

    /// <summary>A mobile number, or a landline written 区号-号码 (optional extension), ASCII digits and hyphens only.</summary>
    public static bool IsValid(string text) => Mobile().IsMatch(text) || Landline().IsMatch(text);

    [GeneratedRegex("^1[3-9][0-9]{9}$")]
    private static partial Regex Mobile();

    [GeneratedRegex("^0[0-9]{2,3}-[0-9]{7,8}(-[0-9]{1,6})?$")]
    private static partial Regex Landline();
}
