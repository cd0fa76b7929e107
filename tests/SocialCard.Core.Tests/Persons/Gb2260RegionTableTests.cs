using SocialCard.Core.Persons;
using SocialCard.Core.Tests.Support;

namespace SocialCard.Core.Tests.Persons;

public class Gb2260RegionTableTests
{
    private static readonly Lazy<Gb2260RegionTable> Shared = new(() => Gb2260RegionTable.Load(TestFiles.Gb2260Csv));

    [Fact]
    public void Shared_table_holds_the_union_of_all_years()
    {
        var table = Shared.Value;

        Assert.True(table.Count > 6000, $"only {table.Count} codes");
        Assert.Equal(6734, table.Count); // as documented in shared/data/README.md
        Assert.True(table.Contains("120110"));
        Assert.True(table.Contains("110103"), "崇文区 was abolished in 2010 but its code must stay valid");
        Assert.Equal("崇文区", table.NameOf("110103"));
        Assert.False(table.Contains("990426"));
        Assert.Null(table.NameOf("990426"));
    }

    [Fact]
    public void Name_is_the_latest_one()
    {
        Assert.Equal("东丽区", Shared.Value.NameOf("120110")); // 东郊区 until renamed
        Assert.Equal("雨花区", Shared.Value.NameOf("430111"));
    }

    [Fact]
    public void Abolished_code_keeps_an_id_valid_with_the_table()
    {
        var result = CitizenId.Parse(Ids.Make("110103", "19900101", "057"), Shared.Value, Ids.Today);

        Assert.True(result.IsValid);
        Assert.Empty(result.Findings);
    }

    [Fact]
    public void Header_quotes_and_blank_lines_are_tolerated()
    {
        var table = Gb2260RegionTable.FromLines(
            ["\uFEFFyear,code,name", "1980,\"120110\",东郊区", "", "1995,120110,东丽区", "1990,120110,东郊区", "2020,110101,东城区"]);

        Assert.Equal(2, table.Count);
        Assert.Equal("东丽区", table.NameOf("120110"));
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
