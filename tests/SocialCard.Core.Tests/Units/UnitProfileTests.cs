using SocialCard.Core.Batches;
using SocialCard.Core.Units;

namespace SocialCard.Core.Tests.Units;

public class UnitProfileTests
{
    private static UnitProfileCheck Check(string? contact = "张老师", string? phone = "0536-8234567", string? email = "hr@example.com", string? address = "潍坊市奎文区示例路8号", bool required = true) =>
        UnitProfile.Check(new UnitProfileInput(contact, phone, email, address), required);

    [Theory]
    [InlineData("0536-8234567", "0536-8234567")]
    [InlineData("0536－8234567", "0536-8234567")]
    [InlineData("0536—8234567", "0536-8234567")]
    [InlineData("010–12345678-801", "010-12345678-801")]
    [InlineData("13912345678", "13912345678")]
    [InlineData("１３９１２３４５６７８", "13912345678")]
    [InlineData(" 0536-8234567 ", "0536-8234567")]
    public void Landlines_with_an_ASCII_hyphen_and_mobile_numbers_are_accepted(string typed, string saved)
    {
        var check = Check(phone: typed);
        Assert.True(check.Succeeded, string.Join("; ", check.Errors));
        Assert.Equal(saved, check.Phone);
    }

    [Theory]
    [InlineData("0536 8234567")]
    [InlineData("05368234567")]
    [InlineData("1391234567")]
    [InlineData("+86 13912345678")]
    [InlineData("8234567")]
    public void Other_phone_forms_are_refused_with_the_form_to_use(string typed)
    {
        var error = Assert.Single(Check(phone: typed).Errors);
        Assert.Contains("区号-号码", error);
        Assert.Contains("英文短横线", error);
    }

    [Theory]
    [InlineData("hr@example")]
    [InlineData("hr example.com")]
    [InlineData("hr@@example.com")]
    [InlineData("人事@example.com")]
    public void A_malformed_email_is_refused(string email) =>
        Assert.Contains("电子邮箱", Assert.Single(Check(email: email).Errors));

    [Fact]
    public void A_full_width_at_sign_in_the_email_is_normalised() => Assert.Equal("hr@example.com", Check(email: "hr＠example.com").Email);

    [Theory]
    [InlineData("潍坊市\t奎文区", "制表符")]
    [InlineData("潍坊市\r\n奎文区", "换行符")]
    [InlineData("潍坊市\u2028奎文区", "换行符")]
    [InlineData("潍坊市\u0000奎文区", "控制字符")]
    public void Tabs_line_breaks_and_control_characters_are_refused_in_every_item(string text, string kind)
    {
        Assert.Contains($"单位地址中有{kind}", Assert.Single(Check(address: text).Errors));
        Assert.Contains($"联系人中有{kind}", Assert.Single(Check(contact: text).Errors));
        Assert.Contains($"电子邮箱中有{kind}", Assert.Single(Check(email: text).Errors));
        Assert.Contains($"联系电话中有{kind}", Assert.Single(Check(phone: text).Errors));
        Assert.Equal($"单位名称中有{kind}：请删除这些字符，写成连续的一行文字。", UnitProfile.BadCharacters("单位名称", text));
    }

    [Fact]
    public void Every_item_is_required_on_the_clerks_page_but_may_be_left_empty_by_the_information_centre()
    {
        var empty = Check(null, " ", "", null);
        Assert.Equal(["联系人未填写", "联系电话未填写", "电子邮箱未填写", "单位地址未填写"], empty.Errors.Select(e => e.Split('：')[0]));
        var optional = Check(null, " ", "", null, required: false);
        Assert.True(optional.Succeeded);
        Assert.Null(optional.Phone);
    }

    [Fact]
    public void The_declaration_refusal_names_the_missing_items_and_the_page()
    {
        var unit = new Unit("3707000009", "测试单位", UnitType.Employer) { ContactPerson = "张老师", Email = "hr@example.com" };
        Assert.Equal(["联系电话", "单位地址"], UnitProfile.Missing(unit));
        Assert.Equal("请先完善单位信息（缺少：联系电话、单位地址）后再申报：点击页面上方的“单位信息”填写。", UnitProfile.DeclarationRefusal(UnitProfile.Missing(unit)));
        unit.Phone = "13912345678";
        unit.Address = "潍坊市";
        Assert.Null(UnitProfile.DeclarationRefusal(UnitProfile.Missing(unit)));
    }

    [Fact]
    public void A_declaration_is_refused_for_the_profile_first_then_errors_then_missing_photos()
    {
        var batch = new CollectionBatch(1, "批次", "clerk", DateTimeOffset.UtcNow);
        var at = DateTimeOffset.UtcNow;
        Assert.Equal("请先完善", batch.Declare("clerk", at, new DeclarationCheck(0, 0, [], ProfileRefusal: "请先完善")).Error);
        Assert.StartsWith("以下 1 人", batch.Declare("clerk", at, new DeclarationCheck(2, 1, ["甲"], 2, ["甲", "乙"])).Error);
        Assert.Equal("还有 21 人没有照片，请先上传照片再申报：甲、乙 等", batch.Declare("clerk", at, new DeclarationCheck(30, 0, [], 21, ["甲", "乙"])).Error);
        Assert.True(batch.Declare("clerk", at, new DeclarationCheck(30, 0, [], 0, [])).Succeeded);
    }
}
