using System.Globalization;
using System.Text;
using SocialCard.Core.Validation;

namespace SocialCard.Core.Persons.Rules;

/// <summary>NAME_MISSING, NAME_NORMALIZED, NAME_BAD_CHARS, NAME_RARE_CHAR.</summary>
internal static class NameRule
{
    private const char MiddleDot = '·'; // U+00B7, the separator in minority names on ID cards
    private const string Field = PersonFields.Name;

    // • . ． ‧ ・ and their look-alikes ･ ∙ ⋅
    private const string DotVariants = "\u2022.\uFF0E\u2027\u30FB\uFF65\u2219\u22C5";

    public static string Check(string? raw, List<Finding> findings)
    {
        // No Unicode normalisation here: NFC would replace compatibility ideographs, changing the name.
        var name = string.Concat((raw ?? "").Trim().Select(c => DotVariants.Contains(c) ? MiddleDot : c));
        if (name.Length == 0)
        {
            findings.Add(new Finding(RuleCodes.NameMissing, Severity.Error, Field, "姓名未填写：请按第二代身份证上的姓名填写"));
            return "";
        }

        if (name != raw)
        {
            findings.Add(new Finding(
                RuleCodes.NameNormalized,
                Severity.Fixed,
                Field,
                $"姓名已自动更正为“{name}”（间隔号统一为“·”、去掉首尾空格）：请核对与身份证一致",
                name));
        }

        var bad = new List<string>();
        var rare = new List<string>();
        foreach (var rune in TextRunes.Of(name))
        {
            if (rune is not { } r)
            {
                bad.Add("无效字符");
            }
            else if (r.Value == MiddleDot || HanCharacters.IsHan(r))
            {
                if (HanCharacters.IsRare(r))
                {
                    rare.Add($"“{r}”（U+{r.Value:X4}）");
                }
            }
            else
            {
                bad.Add(Describe(r));
            }
        }

        if (bad.Count > 0)
        {
            var shown = string.Join("、", bad.Distinct().Take(5));
            findings.Add(new Finding(
                RuleCodes.NameBadChars,
                Severity.Error,
                Field,
                $"姓名中有不能使用的字符{shown}：姓名只能由汉字组成，少数民族姓名用间隔号“·”分隔，请按身份证原件填写"));
        }
        else if (name[0] == MiddleDot || name[^1] == MiddleDot || name.Contains("··", StringComparison.Ordinal))
        {
            findings.Add(new Finding(
                RuleCodes.NameBadChars,
                Severity.Error,
                Field,
                "姓名中的间隔号“·”位置不对：“·”只能出现在两个字之间且不能连续，请按身份证原件填写"));
        }

        if (rare.Count > 0)
        {
            findings.Add(new Finding(
                RuleCodes.NameRareChar,
                Severity.Warning,
                Field,
                $"姓名中的{string.Join("、", rare.Distinct())}是生僻字：请确认制卡字库能打印该字，必要时请本人带身份证到服务大厅核实"));
        }

        return name;
    }

    private static string Describe(Rune r) => Rune.GetUnicodeCategory(r) switch
    {
        UnicodeCategory.SpaceSeparator => "空格",
        UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.LineSeparator
            or UnicodeCategory.ParagraphSeparator => "控制字符",
        _ => $"“{r}”",
    };
}
