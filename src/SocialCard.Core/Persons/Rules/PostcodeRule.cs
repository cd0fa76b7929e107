using SocialCard.Core.Validation;

namespace SocialCard.Core.Persons.Rules;

/// <summary>POSTCODE_INVALID. An empty postcode is allowed; the value is only trimmed.</summary>
internal static class PostcodeRule
{
    public static string Check(string? raw, List<Finding> findings)
    {
        var text = raw?.Trim() ?? "";
        if (text.Length > 0 && !IsPlausible(text))
        {
            findings.Add(new Finding(
                RuleCodes.PostcodeInvalid,
                Severity.Error,
                PersonFields.Postcode,
                $"邮政编码“{text}”不正确：请填写常住地的6位数字邮政编码（如261041，前两位在01到86之间）"));
        }

        return text;
    }

    // Mainland postcodes are 6 digits whose first two (the postal province) run from 01 to 86.
    private static bool IsPlausible(string text) =>
        text.Length == 6
        && text.All(char.IsAsciiDigit)
        && (text[0] - '0') * 10 + (text[1] - '0') is >= 1 and <= 86;
}
