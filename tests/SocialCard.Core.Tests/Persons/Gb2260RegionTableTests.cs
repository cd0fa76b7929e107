using SocialCard.Core.Persons;
using SocialCard.Core.Tests.Support;
using SocialCard.Core.Validation;

namespace SocialCard.Core.Tests.Persons;

public class Gb2260RegionTableTests
{
    private static Gb2260RegionTable BuiltIn => Gb2260RegionTable.BuiltIn;

    [Fact]
    public void Built_in_table_holds_every_code_listed_1980_to_2020()
    {
        Assert.Equal(6734, BuiltIn.Count); // distinct codes of the 1980–2020 source table
        Assert.Equal(2020, BuiltIn.LastYear);
        Assert.Equal(3525, BuiltIn.Codes.Count(c => !BuiltIn.IsListedIn(c, 2020))); // abolished by 2020
        Assert.True(BuiltIn.Contains("110101"));
        Assert.Equal("东城区", BuiltIn.NameOf("110101"));
        Assert.Equal([new YearRange(1980, 2020)], BuiltIn.YearsOf("110101"));
        Assert.False(BuiltIn.Contains("990426"));
        Assert.Null(BuiltIn.NameOf("990426"));
        Assert.Empty(BuiltIn.YearsOf("990426"));
    }

    [Fact]
    public void Abolished_code_is_known_with_the_years_it_was_listed()
    {
        Assert.True(BuiltIn.Contains("110103"), "崇文区 was abolished in 2010 but its code must stay valid");
        Assert.Equal("崇文区", BuiltIn.NameOf("110103"));
        Assert.Equal([new YearRange(1980, 2009)], BuiltIn.YearsOf("110103"));
        Assert.True(BuiltIn.IsListedIn("110103", 2009));
        Assert.False(BuiltIn.IsListedIn("110103", 2010));
    }

    [Fact]
    public void Code_listed_again_after_a_gap_keeps_both_runs()
    {
        Assert.Equal([new YearRange(1980, 1988), new YearRange(1992, 2020)], BuiltIn.YearsOf("130107")); // 井陉矿区
        Assert.False(BuiltIn.IsListedIn("130107", 1990));
    }

    [Fact]
    public void Name_is_the_latest_one()
    {
        Assert.Equal("东丽区", BuiltIn.NameOf("120110")); // 东郊区 until renamed
        Assert.Equal("雨花区", BuiltIn.NameOf("430111"));
    }

    [Theory]
    [InlineData("110101199003072711")] // 东城区, current
    [InlineData("110103199001010579")] // 崇文区, abolished in 2010
    public void Ids_of_current_and_abolished_codes_are_valid_by_default(string raw)
    {
        Assert.Equal(raw, Ids.Make(raw[..6], raw[6..14], raw[14..17]));
        var result = CitizenId.Parse(raw, today: Ids.Today);

        Assert.True(result.IsValid, FindingAssertions.Codes(result.Findings));
        Assert.Empty(result.Findings);
    }

    [Fact]
    public void Id_starting_990426_is_refused_by_default()
    {
        var result = CitizenId.Parse(Ids.Make("990426", "19911201", "007"), today: Ids.Today);

        Assert.False(result.IsValid);
        Assert.Equal(RuleCodes.IdBadRegion, Assert.Single(result.Findings).Code);
    }

    [Fact]
    public void Code_the_built_in_table_lacks_is_ID_UNKNOWN_REGION_by_default()
    {
        var result = PersonValidator.Validate(People.Valid with { IdNumber = Ids.Make("110199", "19900101", "057"), Sex = "男", BirthDate = "1990-01-01" }, People.Options);

        Assert.Equal(RuleCodes.IdUnknownRegion, Assert.Single(result.Findings).Code);
    }

    [Fact]
    public void Embedded_table_matches_its_file_in_the_repository()
    {
        var fromFile = Gb2260RegionTable.FromCodeLines(File.ReadLines(TestFiles.InRepository("src/SocialCard.Core/Persons/Gb2260Codes.txt")));

        Assert.Equal(fromFile.Count, BuiltIn.Count);
        Assert.All(fromFile.Codes, c => Assert.Equal(fromFile.YearsOf(c), BuiltIn.YearsOf(c)));
    }

    [Fact]
    public void Code_lines_parse_ranges_single_years_and_comments()
    {
        var table = Gb2260RegionTable.FromCodeLines(
            ["# a comment", "", "120110\t1980-1991,1995,1996-2020\t东丽区", "430111\t2001\t雨花区"]);

        Assert.Equal(2, table.Count);
        Assert.Equal([new YearRange(1980, 1991), new YearRange(1995, 2020)], table.YearsOf("120110"));
        Assert.Equal([new YearRange(2001, 2001)], table.YearsOf("430111"));
        Assert.Equal("东丽区", table.NameOf("120110"));
        Assert.Equal(2020, table.LastYear);
    }

    [Theory]
    [InlineData("12011\t1980-2020\t东丽区")]
    [InlineData("120110\t1980-2020")]
    [InlineData("120110 1980-2020 东丽区")]
    [InlineData("120110\t2020-1980\t东丽区")]
    [InlineData("120110\t1980-\t东丽区")]
    [InlineData("120110\tabc\t东丽区")]
    public void Malformed_code_lines_throw_with_the_line_number(string badLine)
    {
        var error = Assert.Throws<FormatException>(() => Gb2260RegionTable.FromCodeLines(["110101\t1980-2020\t东城区", badLine]));
        Assert.Contains("line 2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Including_a_newer_table_adds_codes_and_years_and_takes_the_later_name()
    {
        var newer = Gb2260RegionTable.FromLines(["2021,110103,新区", "2022,110103,新区", "2021,110199,试验区"]);

        var merged = BuiltIn.Including(newer);

        Assert.Equal(BuiltIn.Count + 1, merged.Count);
        Assert.Equal([new YearRange(1980, 2009), new YearRange(2021, 2022)], merged.YearsOf("110103"));
        Assert.Equal("新区", merged.NameOf("110103"));
        Assert.Equal("试验区", merged.NameOf("110199"));
        Assert.Equal("东城区", merged.NameOf("110101"));
        Assert.Equal(2022, merged.LastYear);
        Assert.False(BuiltIn.Contains("110199")); // the built-in table is unchanged
    }

    [Fact]
    public void Header_quotes_and_blank_lines_are_tolerated()
    {
        var table = Gb2260RegionTable.FromLines(
            ["\uFEFFyear,code,name", "1980,\"120110\",东郊区", "", "1995,120110,东丽区", "1990,120110,东郊区", "2020,110101,东城区"]);

        Assert.Equal(2, table.Count);
        Assert.Equal("东丽区", table.NameOf("120110"));
        Assert.Equal([new YearRange(1980, 1980), new YearRange(1990, 1990), new YearRange(1995, 1995)], table.YearsOf("120110"));
        Assert.True(table.Contains("110101"));
        Assert.False(table.Contains("11010"));
        Assert.False(table.Contains(""));
    }

    [Theory]
    [InlineData("1980,12011,东郊区")]
    [InlineData("1980")]
    [InlineData("abc,120110,东郊区")]
    public void Malformed_data_lines_throw_with_the_line_number(string badLine)
    {
        var error = Assert.Throws<FormatException>(() => Gb2260RegionTable.FromLines(["1980,110101,东城区", badLine]));
        Assert.Contains("line 2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_file_throws() =>
        Assert.Throws<FileNotFoundException>(() => Gb2260RegionTable.Load(Path.Combine(Path.GetTempPath(), Guid.NewGuid() + ".csv")));
}
