using SocialCard.Core.Persons;
using SocialCard.Core.Tests.Support;
using SocialCard.Core.Validation;
using static SocialCard.Core.Tests.Support.FindingAssertions;

namespace SocialCard.Core.Tests.Persons;

/// <summary>One section per code of docs/RULES.md "Citizen ID number": when it is raised and when it is not.</summary>
public class CitizenIdRuleTests
{
    private static CitizenIdParseResult Parse(string? raw, IRegionTable? regions = null) =>
        CitizenId.Parse(raw, regions, Ids.Today);

    [Fact]
    public void Helper_ids_are_valid()
    {
        Assert.Equal(Ids.Make("430111", "19900101", "057"), Ids.Male);
        Assert.Equal(Ids.Make("430111", "19900101", "058"), Ids.Female);
        Assert.True(Parse(Ids.Male).IsValid);
        Assert.True(Parse(Ids.Female).IsValid);
    }

    // ID_MISSING

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\u3000")]
    public void Empty_is_ID_MISSING(string? raw)
    {
        var result = Parse(raw);

        Assert.Equal(RuleCodes.IdMissing, Assert.Single(result.Findings).Code);
        Assert.Equal(Severity.Error, result.Findings[0].Severity);
        Assert.Equal("", result.Normalized);
        Assert.False(result.IsValid);
    }

    [Fact]
    public void A_number_is_not_ID_MISSING() => None(Parse(Ids.Male).Findings, RuleCodes.IdMissing);

    // ID_NUMERIC_CELL

    [Theory]
    [InlineData("4.30111E+17")]
    [InlineData("4.30111199001012E+17")]
    [InlineData("4.30111e17")]
    [InlineData("430111199001010000.0")]
    public void Spreadsheet_number_text_is_ID_NUMERIC_CELL(string raw)
    {
        var result = Parse(raw);

        var finding = Assert.Single(result.Findings);
        Assert.Equal(RuleCodes.IdNumericCell, finding.Code);
        Assert.Equal(Severity.Error, finding.Severity);
        Assert.Contains("文本", finding.Message, StringComparison.Ordinal);
        Assert.False(result.IsValid);
    }

    [Fact]
    public void A_rounded_number_printed_in_full_fails_the_checksum_with_an_Excel_hint()
    {
        var result = Parse("430111199001010000");

        None(result.Findings, RuleCodes.IdNumericCell);
        var finding = Single(result.Findings, RuleCodes.IdBadChecksum);
        Assert.Contains("Excel", finding.Message, StringComparison.Ordinal);
    }

    // ID_NORMALIZED

    [Theory]
    [InlineData("４３０１１１１９９００１０１０５７３")]
    [InlineData("430111 19900101 0573")]
    [InlineData(" 430111199001010573\t")]
    [InlineData("430111\u300019900101\u30000573")]
    [InlineData("430111199001010573\u200B")]
    public void Width_and_spaces_are_ID_NORMALIZED_and_the_result_is_checked(string raw)
    {
        var result = Parse(raw);

        var finding = Assert.Single(result.Findings);
        Assert.Equal(RuleCodes.IdNormalized, finding.Code);
        Assert.Equal(Severity.Fixed, finding.Severity);
        Assert.Equal(Ids.Male, finding.SuggestedValue);
        Assert.Equal(Ids.Male, result.Normalized);
        Assert.Equal(Ids.Male, result.Id!.Value);
    }

    [Fact]
    public void Full_width_lower_case_x_becomes_X()
    {
        var result = Parse("44011320141005001ｘ");

        Assert.Equal("44011320141005001X", result.Id!.Value);
        Assert.Contains("全角", Single(result.Findings, RuleCodes.IdNormalized).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Normalized_text_still_gets_the_other_checks()
    {
        var result = Parse(Ids.WithWrongCheck(Ids.Male).Insert(6, " "));

        Single(result.Findings, RuleCodes.IdNormalized);
        Single(result.Findings, RuleCodes.IdBadChecksum);
        Assert.False(result.IsValid);
    }

    [Fact]
    public void Clean_text_is_not_ID_NORMALIZED() => None(Parse("11010120170210193X").Findings, RuleCodes.IdNormalized);

    // ID_BAD_FORMAT

    [Theory]
    [InlineData("43011119900101057", "17位")]
    [InlineData("4301111990010105731", "19位")]
    [InlineData("43011119900101X573", "最后一位")]
    [InlineData("43011119900101057Y", "“Y”")]
    [InlineData("430111-19900101-0573", "“-”")]
    [InlineData("4301111990010105", "16位")]
    public void Wrong_shape_is_ID_BAD_FORMAT(string raw, string explained)
    {
        var result = Parse(raw);

        var finding = Assert.Single(result.Findings);
        Assert.Equal(RuleCodes.IdBadFormat, finding.Code);
        Assert.Equal(Severity.Error, finding.Severity);
        Assert.Contains(explained, finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Eighteen_and_fifteen_digits_are_not_ID_BAD_FORMAT()
    {
        None(Parse(Ids.Male).Findings, RuleCodes.IdBadFormat);
        None(Parse("150102880730303").Findings, RuleCodes.IdBadFormat);
    }

    // ID_BAD_CHECKSUM

    [Fact]
    public void Wrong_check_character_is_ID_BAD_CHECKSUM()
    {
        var result = Parse(Ids.WithWrongCheck(Ids.Male));

        var finding = Assert.Single(result.Findings);
        Assert.Equal(RuleCodes.IdBadChecksum, finding.Code);
        Assert.Equal("身份证号码校验位错误：请对照身份证原件逐位核对后重新填写", finding.Message);
        Assert.Null(finding.SuggestedValue); // the typo may be anywhere: never propose a check character
    }

    [Fact]
    public void Swapped_digits_are_caught_by_the_checksum()
    {
        var swapped = Ids.Male[..14] + Ids.Male[15] + Ids.Male[14] + Ids.Male[16..];
        Single(Parse(swapped).Findings, RuleCodes.IdBadChecksum);
    }

    [Theory]
    [InlineData("11010120170210193", "X")]
    [InlineData("12011019801201007", "3")]
    [InlineData("43011119900101057", "3")]
    [InlineData("15010219880730303", "5")]
    public void Check_character_follows_GB_11643(string first17, string expected) =>
        Assert.Equal(expected, CitizenId.ComputeCheckCharacter(first17));

    [Theory]
    [InlineData("1101012017021019")]
    [InlineData("1101012017021019X")]
    [InlineData("１1010120170210193")]
    public void Check_character_rejects_bad_input_as_a_programming_error(string input) =>
        Assert.Throws<ArgumentException>(() => CitizenId.ComputeCheckCharacter(input));

    // ID_BAD_BIRTHDATE

    [Theory]
    [InlineData("19900230", "不存在")]
    [InlineData("19901301", "不存在")]
    [InlineData("18991231", "1900")]
    [InlineData("20250602", "晚于今天")]
    [InlineData("20990101", "晚于今天")]
    public void Impossible_early_or_future_dates_are_ID_BAD_BIRTHDATE(string yyyyMMdd, string explained)
    {
        var result = Parse(Ids.Make("430111", yyyyMMdd, "057"));

        var finding = Assert.Single(result.Findings);
        Assert.Equal(RuleCodes.IdBadBirthDate, finding.Code);
        Assert.Contains(explained, finding.Message, StringComparison.Ordinal);
        Assert.False(result.IsValid);
    }

    [Theory]
    [InlineData("19000101")]
    [InlineData("20250601")]
    [InlineData("20000229")]
    public void Boundary_dates_are_not_ID_BAD_BIRTHDATE(string yyyyMMdd) =>
        Assert.True(Parse(Ids.Make("430111", yyyyMMdd, "057")).IsValid);

    [Fact]
    public void Fifteen_digit_number_with_impossible_date_is_ID_BAD_BIRTHDATE_not_legacy()
    {
        var result = Parse("430111900230057");

        Assert.Equal(RuleCodes.IdBadBirthDate, Assert.Single(result.Findings).Code);
        Assert.Null(result.Converted18);
    }

    // ID_BAD_REGION

    [Theory]
    [InlineData("000000")]
    [InlineData("160101")]
    [InlineData("720000")]
    [InlineData("880101")]
    [InlineData("990426")]
    [InlineData("910156")]
    public void Not_a_province_is_ID_BAD_REGION(string region)
    {
        var result = Parse(Ids.Make(region, "19900101", "057"));

        Assert.Equal(RuleCodes.IdBadRegion, Assert.Single(result.Findings).Code);
        Assert.Contains(region[0] == '9' ? region.Substring(1, 2) : region[..2], result.Findings[0].Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("110101")]
    [InlineData("650102")]
    [InlineData("710000")]
    [InlineData("830000")]
    [InlineData("931156")] // foreigner: 9 + Shanghai + nationality code
    public void Province_codes_and_foreigner_numbers_are_not_ID_BAD_REGION(string region) =>
        Assert.True(Parse(Ids.Make(region, "19900101", "057")).IsValid);

    [Fact]
    public void Fifteen_digit_number_with_bad_province_is_ID_BAD_REGION_not_legacy()
    {
        var result = Parse("990101900101057");

        Assert.Equal(RuleCodes.IdBadRegion, Assert.Single(result.Findings).Code);
        Assert.Null(result.Converted18);
    }

    // ID_UNKNOWN_REGION

    private static readonly IRegionTable SmallTable = Gb2260RegionTable.FromLines(["1980,430111,郊区", "2020,430111,雨花区"]);

    [Fact]
    public void Code_missing_from_the_table_is_a_ID_UNKNOWN_REGION_warning_and_the_id_stays_valid()
    {
        var result = Parse(Ids.Make("430199", "19900101", "057"), SmallTable);

        var finding = Assert.Single(result.Findings);
        Assert.Equal(RuleCodes.IdUnknownRegion, finding.Code);
        Assert.Equal(Severity.Warning, finding.Severity);
        Assert.Contains("430199", finding.Message, StringComparison.Ordinal);
        Assert.True(result.IsValid);
    }

    [Fact]
    public void Without_a_table_the_built_in_one_checks_all_six_digits() =>
        Assert.Equal(RuleCodes.IdUnknownRegion, Assert.Single(Parse(Ids.Make("430199", "19900101", "057")).Findings).Code);

    [Theory]
    [InlineData("430111")] // in the table
    [InlineData("830000")] // Taiwan residents' residence permit, not in GB/T 2260 files
    [InlineData("931156")] // foreigner's number: not a division code
    public void Known_codes_are_not_ID_UNKNOWN_REGION(string region) =>
        Assert.Empty(Parse(Ids.Make(region, "19900101", "057"), SmallTable).Findings);

    // ID_LEGACY_15

    [Fact]
    public void Fifteen_digit_number_with_unknown_region_gets_both_findings()
    {
        var result = Parse("430199900101057", SmallTable);

        Single(result.Findings, RuleCodes.IdUnknownRegion);
        Assert.Equal(Ids.Make("430199", "19900101", "057"), Single(result.Findings, RuleCodes.IdLegacy15).SuggestedValue);
    }

    [Fact]
    public void Eighteen_digit_number_is_not_ID_LEGACY_15()
    {
        var result = Parse(Ids.Male);

        None(result.Findings, RuleCodes.IdLegacy15);
        Assert.Null(result.Converted18);
    }

    // The value object

    [Fact]
    public void Valid_id_exposes_its_parts_and_hides_itself_in_ToString()
    {
        var id = Parse(Ids.Female).Id!;

        Assert.Equal(Sex.Female, id.Sex);
        Assert.Equal(new DateOnly(1990, 1, 1), id.BirthDate);
        Assert.Equal("430111", id.RegionCode);
        Assert.Equal("430111********0581", id.Masked);
        Assert.Equal(id.Masked, id.ToString());
        Assert.Equal(id.Masked, $"{id}");
    }

    [Fact]
    public void Ids_with_the_same_number_are_equal()
    {
        var a = Parse(Ids.Male).Id!;
        var b = Parse(Ids.Male.Insert(3, " ")).Id!;

        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.NotEqual(a, Parse(Ids.Female).Id);
    }
}
