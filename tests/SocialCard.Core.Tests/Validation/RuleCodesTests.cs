using System.Reflection;
using System.Text.RegularExpressions;
using SocialCard.Core.Tests.Support;
using SocialCard.Core.Validation;

namespace SocialCard.Core.Tests.Validation;

public partial class RuleCodesTests
{
    private static IReadOnlyList<string> Constants() =>
        typeof(RuleCodes).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral)
            .Select(f => (string)f.GetRawConstantValue()!)
            .ToList();

    [Fact]
    public void All_lists_every_constant_once()
    {
        Assert.Equal(RuleCodes.All.Count, RuleCodes.All.Distinct().Count());
        Assert.Equal(Constants().Order(), RuleCodes.All.Order());
        Assert.Equal(55, RuleCodes.All.Count);
    }

    [Fact]
    public void Codes_are_upper_snake_case() =>
        Assert.All(RuleCodes.All, code => Assert.Matches("^[A-Z0-9]+(_[A-Z0-9]+)*$", code));

    [Fact]
    public void Docs_list_exactly_the_codes_in_code()
    {
        var documented = File.ReadLines(TestFiles.RulesDoc)
            .Select(line => DocumentedCode().Match(line))
            .Where(m => m.Success)
            .Select(m => m.Groups[1].Value)
            .ToList();

        Assert.Equal(documented.Count, documented.Distinct().Count());
        Assert.Equal(RuleCodes.All, documented);
    }

    [Fact]
    public void Person_fields_are_their_own_names()
    {
        var fields = typeof(PersonFields).GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.IsLiteral).ToList();

        Assert.Equal(8, fields.Count);
        Assert.All(fields, f => Assert.Equal(f.Name, f.GetRawConstantValue()));
    }

    // A table row of docs/RULES.md: "| CODE | severity | …".
    [GeneratedRegex(@"^\|\s*([A-Z][A-Z0-9_]+)\s*\|")]
    private static partial Regex DocumentedCode();
}
