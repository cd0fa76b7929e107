using System.Globalization;
using System.Text;
using SocialCard.Core.Validation;

namespace SocialCard.Core.Persons.Rules;

/// <summary>ADDRESS_MISSING, ADDRESS_BAD_CHARS, ADDRESS_TOO_LONG. The value is only trimmed.</summary>
internal static class AddressRule
{
    private const string Field = PersonFields.Address;

    public static string Check(string? raw, int maxLength, List<Finding> findings)
    {
        var text = raw?.Trim() ?? "";
        if (text.Length == 0)
        {
            findings.Add(new Finding(RuleCodes.AddressMissing, Severity.Error, Field, "常住地址未填写：请参照身份证上地址的写法填写常住地址"));
            return "";
        }

        var kinds = BadKinds(text);
        if (kinds.Count > 0)
        {
            findings.Add(new Finding(
                RuleCodes.AddressBadChars,
                Severity.Error,
                Field,
                $"常住地址中有{string.Join("、", kinds)}：请删除这些字符，把地址写成连续的一行文字"));
        }

        // What a person calls a character: a CJK character outside the BMP or a letter with an accent is one.
        var length = new StringInfo(text).LengthInTextElements;
        if (length > maxLength)
        {
            findings.Add(new Finding(
                RuleCodes.AddressTooLong,
                Severity.Error,
                Field,
                $"常住地址有{length}个字，超过了{maxLength}个字的上限：请按身份证地址的写法精简到{maxLength}个字以内"));
        }

        return text;
    }

    /// <summary>The kinds of characters that break a one-line text (制表符, 换行符, 控制字符, 无效字符), each once.</summary>
    public static IReadOnlyList<string> BadKinds(string text) => [.. TextRunes.Of(text).Select(BadKind).OfType<string>().Distinct()];

    private static string? BadKind(Rune? rune) => rune switch
    {
        null => "无效字符",
        { Value: '\t' } => "制表符",
        { Value: '\r' or '\n' or 0x2028 or 0x2029 or 0x85 } => "换行符",
        { } r when Rune.GetUnicodeCategory(r) == UnicodeCategory.Control => "控制字符",
        _ => null,
    };
}
