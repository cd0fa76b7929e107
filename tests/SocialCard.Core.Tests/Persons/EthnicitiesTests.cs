using SocialCard.Core.Persons;

namespace SocialCard.Core.Tests.Persons;

public class EthnicitiesTests
{
    [Fact]
    public void Table_has_56_groups_plus_97_and_98()
    {
        var all = Ethnicities.All;

        Assert.Equal(58, all.Count);
        Assert.Equal(58, all.Select(e => e.Code).Distinct().Count());
        Assert.Equal(58, all.Select(e => e.Name).Distinct().Count());
        Assert.Equal(Enumerable.Range(1, 56).Select(i => i.ToString("00", System.Globalization.CultureInfo.InvariantCulture)).Concat(["97", "98"]), all.Select(e => e.Code));
        Assert.All(all.Take(56), e => Assert.EndsWith("族", e.Name, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("01", "汉族")]
    [InlineData("02", "蒙古族")]
    [InlineData("05", "维吾尔族")]
    [InlineData("10", "朝鲜族")]
    [InlineData("29", "柯尔克孜族")]
    [InlineData("36", "毛南族")]
    [InlineData("46", "德昂族")]
    [InlineData("56", "基诺族")]
    [InlineData("97", "其他")]
    [InlineData("98", "外国血统中国籍人士")]
    public void Codes_have_their_GB_3304_names(string code, string name) =>
        Assert.Contains(new Ethnicity(code, name), Ethnicities.All);

    [Theory]
    [InlineData("01", "01")]
    [InlineData("1", "01")]
    [InlineData("１", "01")]
    [InlineData(" 汉族 ", "01")]
    [InlineData("汉", "01")]
    [InlineData("蒙古", "02")]
    [InlineData("维吾尔族", "05")]
    [InlineData("56", "56")]
    [InlineData("97", "97")]
    [InlineData("其他", "97")]
    [InlineData("其它", "97")]
    [InlineData("外国血统中国籍人士", "98")]
    [InlineData("毛难族", "36")]
    [InlineData("崩龙族", "46")]
    [InlineData("01-汉族", "01")]
    [InlineData("01 汉族", "01")]
    [InlineData("1汉族", "01")]
    [InlineData("汉族(01)", "01")]
    [InlineData("回族（03）", "03")]
    public void TryParse_accepts_codes_and_names(string text, string expectedCode)
    {
        Assert.True(Ethnicities.TryParse(text, out var ethnicity));
        Assert.Equal(expectedCode, ethnicity.Code);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("0")]
    [InlineData("00")]
    [InlineData("57")]
    [InlineData("99")]
    [InlineData("001")]
    [InlineData("穿青人")]
    [InlineData("族")]
    [InlineData("02-汉族")]
    [InlineData("Han")]
    public void TryParse_rejects_anything_else(string? text) =>
        Assert.False(Ethnicities.TryParse(text, out _));

    [Theory]
    [InlineData("01", "汉族")]
    [InlineData("05 维吾尔族", "维吾尔族")]
    [InlineData("蒙古族", "蒙古族")]
    [InlineData("火星族", "火星族")]
    [InlineData(null, null)]
    public void NameOf_gives_the_name_of_a_code_and_keeps_other_text(string? stored, string? name) =>
        Assert.Equal(name, Ethnicities.NameOf(stored));
}
