using SocialCard.Core.Privacy;

namespace SocialCard.Core.Tests.Privacy;

public sealed class NameRedactorTests
{
    [Theory]
    [InlineData("欧阳娜娜", "欧***")]
    [InlineData("张三", "张*")]
    [InlineData("王", "王")]
    [InlineData("阿依古丽·买买提", "阿*******")]
    [InlineData("𠀀明", "𠀀*")]
    [InlineData(null, "")]
    public void A_name_keeps_its_first_character(string? name, string expected) =>
        Assert.Equal(expected, NameRedactor.Mask(name));

    [Theory]
    [InlineData("370702199306210020-欧阳娜娜.jpg", "370702199306210020-欧***.jpg")]
    [InlineData("370702199306210020欧阳娜娜.JPG", "370702199306210020欧***.JPG")]
    [InlineData("A370702199306210020欧阳娜娜.jpg", "A370702199306210020欧***.jpg")]
    [InlineData("照片/370702199306210020_zhangsan.jpeg", "照*/370702199306210020_z*******.jpeg")]
    [InlineData("370702199306210020.jpg", "370702199306210020.jpg")]
    [InlineData("欧阳娜娜.csv", "欧***.csv")]
    [InlineData("2026年第一批-欧阳娜娜.xlsx", "2026年***-欧***.xlsx")]
    [InlineData("roster-2026.xlsx", "roster-2026.xlsx")]
    [InlineData("3 个文件", "3 个**")]
    [InlineData("", "")]
    public void Names_in_file_names_are_masked_and_the_rest_kept(string fileName, string expected) =>
        Assert.Equal(expected, NameRedactor.MaskFileName(fileName));
}
