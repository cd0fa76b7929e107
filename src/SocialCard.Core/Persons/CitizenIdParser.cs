using System.Globalization;
using System.Text.RegularExpressions;
using SocialCard.Core.Validation;

namespace SocialCard.Core.Persons;

/// <summary>The rules of docs/RULES.md, section "Citizen ID number", behind <see cref="CitizenId.Parse"/>.</summary>
internal static partial class CitizenIdParser
{
    private const string Field = PersonFields.IdNumber;
    private static readonly DateOnly EarliestBirthDate = new(1900, 1, 1);

    public static CitizenIdParseResult Parse(string? raw, IRegionTable regions, DateOnly today)
    {
        var findings = new List<Finding>();
        if (string.IsNullOrWhiteSpace(raw))
        {
            findings.Add(Error(RuleCodes.IdMissing, "身份证号码未填写：请对照第二代身份证填写18位公民身份号码"));
            return new CitizenIdParseResult(null, "", findings);
        }

        var normalized = CitizenIdText.Normalize(raw, out var corrections);
        if (NumberAsText().IsMatch(normalized))
        {
            findings.Add(Error(
                RuleCodes.IdNumericCell,
                $"身份证号码被Excel当作数字保存（显示为“{raw.Trim()}”），后几位已经丢失、无法恢复：请把该列单元格格式设为“文本”，再对照身份证原件重新输入完整号码"));
            return new CitizenIdParseResult(null, raw.Trim(), findings);
        }

        if (corrections != IdTextCorrections.None)
        {
            findings.Add(new Finding(
                RuleCodes.IdNormalized,
                Severity.Fixed,
                Field,
                $"身份证号码已自动更正（{CitizenIdText.Describe(corrections)}）：请核对更正后的号码与身份证原件一致",
                normalized));
        }

        if (Eighteen().IsMatch(normalized))
        {
            var id = Check18(normalized, regions, today, findings);
            return new CitizenIdParseResult(id, normalized, findings);
        }

        if (Fifteen().IsMatch(normalized))
        {
            var converted = Check15(normalized, regions, findings);
            return new CitizenIdParseResult(null, normalized, findings) { Converted18 = converted };
        }

        findings.Add(Error(RuleCodes.IdBadFormat, BadFormatMessage(normalized)));
        return new CitizenIdParseResult(null, normalized, findings);
    }

    private static CitizenId? Check18(string id, IRegionTable regions, DateOnly today, List<Finding> findings)
    {
        var errorsBefore = CountErrors(findings);
        var isForeigner = id[0] == '9';
        var province = isForeigner ? id.AsSpan(1, 2) : id.AsSpan(0, 2);
        var provinceOk = ProvinceCodes.IsProvince(province);
        if (!provinceOk)
        {
            findings.Add(Error(RuleCodes.IdBadRegion, BadRegionMessage(id, isForeigner)));
        }

        CheckBirthDate(id.Substring(6, 8), "第7–14位", today, findings);

        if (CitizenId.ComputeCheckCharacter(id[..17])[0] != id[17])
        {
            findings.Add(Error(RuleCodes.IdBadChecksum, BadChecksumMessage(id)));
        }

        if (provinceOk && !isForeigner)
        {
            CheckRegionTable(id[..6], regions, findings);
        }

        return CountErrors(findings) == errorsBefore ? new CitizenId(id) : null;
    }

    private static string? Check15(string id, IRegionTable regions, List<Finding> findings)
    {
        var errorsBefore = CountErrors(findings);
        if (!ProvinceCodes.IsProvince(id.AsSpan(0, 2)))
        {
            findings.Add(Error(RuleCodes.IdBadRegion, BadRegionMessage(id, isForeigner: false)));
        }

        // Legacy numbers were issued to people born in the 20th century: yyMMdd means 19yyMMdd.
        CheckBirthDate("19" + id.Substring(6, 6), "第7–12位", DateOnly.MaxValue, findings);
        if (CountErrors(findings) != errorsBefore)
        {
            return null;
        }

        var first17 = id[..6] + "19" + id[6..];
        var converted = first17 + CitizenId.ComputeCheckCharacter(first17);
        CheckRegionTable(id[..6], regions, findings);
        findings.Add(new Finding(
            RuleCodes.IdLegacy15,
            Severity.Error,
            Field,
            $"这是15位的旧身份证号码，对应的18位号码是{converted}：请与本人第二代身份证核对，一致后改填这个18位号码",
            converted));
        return converted;
    }

    private static void CheckBirthDate(string yyyyMMdd, string position, DateOnly today, List<Finding> findings)
    {
        var shown = $"{yyyyMMdd[..4]}-{yyyyMMdd[4..6]}-{yyyyMMdd[6..]}";
        string? problem = null;
        if (!DateOnly.TryParseExact(yyyyMMdd, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            problem = $"身份证号码{position}的出生日期“{shown}”不存在";
        }
        else if (date < EarliestBirthDate)
        {
            problem = $"身份证号码{position}的出生日期“{shown}”早于1900年";
        }
        else if (date > today)
        {
            problem = $"身份证号码{position}的出生日期“{shown}”晚于今天";
        }

        if (problem is not null)
        {
            findings.Add(Error(RuleCodes.IdBadBirthDate, problem + "：请对照身份证原件核对出生日期部分后重新填写"));
        }
    }

    private static void CheckRegionTable(string code, IRegionTable regions, List<Finding> findings)
    {
        // 810000 / 820000 / 830000 head the residence permits of Hong Kong, Macao and Taiwan residents;
        // GB/T 2260 files do not always list them.
        if (code is "810000" or "820000" or "830000" || regions.Contains(code))
        {
            return;
        }

        findings.Add(new Finding(
            RuleCodes.IdUnknownRegion,
            Severity.Warning,
            Field,
            $"身份证号码前6位“{code}”不在行政区划代码表（含已撤销的历史代码）中：请对照身份证原件核对前6位，确认无误可以继续提交"));
    }

    private static string BadRegionMessage(string id, bool isForeigner) => isForeigner
        ? $"外国人永久居留身份证号码第2–3位“{id.Substring(1, 2)}”应为受理地的省级行政区代码：请对照证件原件核对前6位后重新填写"
        : $"身份证号码前两位“{id[..2]}”不是有效的省级行政区代码：请对照身份证原件核对前6位后重新填写";

    private static string BadChecksumMessage(string id)
    {
        const string message = "身份证号码校验位错误：请对照身份证原件逐位核对后重新填写";

        // Excel keeps 15 significant digits: a number it stored as a number ends in 000.
        return id.EndsWith("000", StringComparison.Ordinal)
            ? message + "（号码以000结尾，可能曾被Excel当作数字保存：请先把单元格格式设为“文本”再输入）"
            : message;
    }

    private static string BadFormatMessage(string normalized)
    {
        const string rule = "身份证号码应为18位：前17位是数字，最后一位是数字或大写X";
        var foreign = normalized.Where(c => !char.IsAsciiDigit(c) && c != 'X').Distinct().Take(5).ToList();
        if (foreign.Count > 0)
        {
            var shown = string.Join("、", foreign.Select(c => $"“{c}”"));
            return $"{rule}，当前含有{shown}：请对照身份证原件重新填写";
        }

        return normalized.Length is 15 or 18
            ? $"{rule}，X只能出现在最后一位：请对照身份证原件重新填写"
            : $"{rule}，当前是{normalized.Length}位：请对照身份证原件重新填写";
    }

    private static Finding Error(string code, string message) => new(code, Severity.Error, Field, message);

    private static int CountErrors(List<Finding> findings) => findings.Count(f => f.Severity == Severity.Error);

    [GeneratedRegex("^[0-9]{17}[0-9X]$")]
    private static partial Regex Eighteen();

    [GeneratedRegex("^[0-9]{15}$")]
    private static partial Regex Fifteen();

    // What a spreadsheet number looks like once it is text: 4.30111E+17, or a whole number written as 430111199001010000.0.
    [GeneratedRegex(@"^[0-9]+(\.[0-9]+)?[eE]\+?[0-9]+$|^[0-9]+\.0+$")]
    private static partial Regex NumberAsText();
}
