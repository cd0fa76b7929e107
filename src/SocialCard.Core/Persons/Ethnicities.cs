using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;

namespace SocialCard.Core.Persons;

/// <summary>The GB 3304 table of ethnic groups: the 56 nationalities (01–56), 97 其他 and 98 外国血统中国籍人士.</summary>
public static partial class Ethnicities
{
    private static readonly string[] Names =
    [
        "汉族", "蒙古族", "回族", "藏族", "维吾尔族", "苗族", "彝族", "壮族", "布依族", "朝鲜族",
        "满族", "侗族", "瑶族", "白族", "土家族", "哈尼族", "哈萨克族", "傣族", "黎族", "傈僳族",
        "佤族", "畲族", "高山族", "拉祜族", "水族", "东乡族", "纳西族", "景颇族", "柯尔克孜族", "土族",
        "达斡尔族", "仫佬族", "羌族", "布朗族", "撒拉族", "毛南族", "仡佬族", "锡伯族", "阿昌族", "普米族",
        "塔吉克族", "怒族", "乌孜别克族", "俄罗斯族", "鄂温克族", "德昂族", "保安族", "裕固族", "京族", "塔塔尔族",
        "独龙族", "鄂伦春族", "赫哲族", "门巴族", "珞巴族", "基诺族",
    ];

    // Older official names and a common variant, still found in old records.
    private static readonly (string Alias, string Code)[] Aliases = [("毛难族", "36"), ("崩龙族", "46"), ("其它", "97")];

    private static readonly FrozenDictionary<string, Ethnicity> ByCode;
    private static readonly FrozenDictionary<string, Ethnicity> ByName;

    static Ethnicities()
    {
        var all = Names
            .Select((name, i) => new Ethnicity((i + 1).ToString("00", System.Globalization.CultureInfo.InvariantCulture), name))
            .Append(new Ethnicity("97", "其他"))
            .Append(new Ethnicity("98", "外国血统中国籍人士"))
            .ToList();
        All = all;
        ByCode = all.ToFrozenDictionary(e => e.Code, StringComparer.Ordinal);

        var byName = new Dictionary<string, Ethnicity>(StringComparer.Ordinal);
        foreach (var e in all)
        {
            byName[e.Name] = e;
            if (e.Name.Length > 1 && e.Name.EndsWith('族'))
            {
                byName[e.Name[..^1]] = e; // 汉 for 汉族, 蒙古 for 蒙古族
            }
        }

        foreach (var (alias, code) in Aliases)
        {
            byName[alias] = ByCode[code];
        }

        ByName = byName.ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>All 58 entries in code order.</summary>
    public static IReadOnlyList<Ethnicity> All { get; }

    /// <summary>
    /// Accepts a code ("01" or "1"), a full or short name ("汉族", "汉"), or both together as template drop-downs
    /// write them ("01 汉族", "01-汉族", "汉族(01)") provided they agree. Full-width digits and surrounding spaces are tolerated.
    /// </summary>
    /// <summary>The name (汉族 …) of a stored code or name; the text itself when it is not one; null for null.</summary>
    public static string? NameOf(string? codeOrName) => TryParse(codeOrName, out var e) ? e.Name : codeOrName;

    public static bool TryParse(string? codeOrName, [MaybeNullWhen(false)] out Ethnicity ethnicity)
    {
        ethnicity = null;
        var text = FoldDigits(codeOrName?.Trim() ?? "");
        if (text.Length == 0)
        {
            return false;
        }

        Ethnicity? found = TryCode(text) ?? TryName(text);
        if (found is null && CodeAndName().Match(text) is { Success: true } m)
        {
            var code = m.Groups["code1"].Success ? m.Groups["code1"].Value : m.Groups["code2"].Value;
            var name = m.Groups["name1"].Success ? m.Groups["name1"].Value : m.Groups["name2"].Value;
            var byCode = TryCode(code);
            found = byCode is not null && byCode == TryName(name) ? byCode : null;
        }

        if (found is null)
        {
            return false;
        }

        ethnicity = found;
        return true;
    }

    private static Ethnicity? TryCode(string text) =>
        text.Length is 1 or 2 && text.All(char.IsAsciiDigit) && ByCode.TryGetValue(text.PadLeft(2, '0'), out var e) ? e : null;

    private static Ethnicity? TryName(string text) => ByName.TryGetValue(text, out var e) ? e : null;

    private static string FoldDigits(string text) =>
        string.Concat(text.Select(c => c is >= '０' and <= '９' ? (char)(c - 0xFEE0) : c));

    [GeneratedRegex(@"^(?:(?<code1>[0-9]{1,2})\s*[-_:：.、|]?\s*(?<name1>\p{IsCJKUnifiedIdeographs}+)|(?<name2>\p{IsCJKUnifiedIdeographs}+)\s*[(（\[]\s*(?<code2>[0-9]{1,2})\s*[)）\]])$")]
    private static partial Regex CodeAndName();
}
