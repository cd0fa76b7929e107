using System.Globalization;
using System.Text;
using Microsoft.Playwright;
using SocialCard.Web.Tests.Infrastructure;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace SocialCard.Web.Tests.Browser;

/// <summary>
/// The unit's 检查结果 grid in Chromium at 1366×768: a roster full of findings (long addresses, long names, several
/// findings in one row, 15-digit numbers and wrong birth dates with their 采用 buttons) fits the window without
/// sideways scrolling, and every 修改 link and 采用 button is inside it. Screenshot: check-grid-1366.png.
/// </summary>
[Trait("Category", "Browser")]
public sealed class CheckGridBrowserTests(ITestOutputHelper output)
{
    private const string Header = "个人编号,人员类别,姓名,身份证号码,性别,出生日期,民族,联系电话,邮政编码,常住地址,班级/部门\r\n";
    private const string LongAddress = "山东省潍坊市奎文区东关街道示例社区胜利东街与和平路交叉口东南角示例花园小区12号楼3单元502室";
    private const string LongDepartment = "信息技术部软件开发中心第二项目组";

    private static readonly string[] Names =
    [
        "张伟", "王芳", "李娜", "刘洋", "陈静", "杨磊", "赵敏", "黄强", "周杰", "吴霞", "徐鹏", "孙丽",
        "胡军", "朱红", "高峰", "林琳", "何勇", "郭婷", "马超", "罗兰", "梁栋", "宋佳", "郑浩", "谢娟",
    ];

    [Fact(Timeout = 240_000)]
    public async Task A_grid_full_of_findings_fits_1366_by_768_with_every_button_in_the_window()
    {
        await using var factory = new KestrelPortalFactory();
        var baseAddress = factory.Start();
        var unit = await TestData.CreateUnitWithClerkAsync(factory);
        await using var browser = await BrowserSession.StartAsync(baseAddress);
        var page = browser.Page;
        await browser.SignInAsync(unit.Number, TestData.Password);

        await page.GotoAsync("/Unit");
        await page.GetByLabel("批次名称").FillAsync("很多错误的花名册");
        await page.GetByRole(AriaRole.Button, new() { Name = "新建批次" }).ClickAsync();
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/Unit/Batches/Details/[0-9]+$"));
        await page.SetInputFilesAsync("#roster", new FilePayload { Name = "花名册.csv", MimeType = "text/csv", Buffer = Roster() });
        await page.GetByRole(AriaRole.Button, new() { Name = "上传并检查" }).ClickAsync();
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/Unit/Batches/Check/"));
        var grid = page.Locator("#check-grid");
        await Expect(grid.Locator("tbody tr")).ToHaveCountAsync(24);

        // The roster gave what the layout has to hold: both 采用 buttons, long values and several findings per row.
        var edits = grid.GetByRole(AriaRole.Link, new() { Name = "修改", Exact = true });
        var adopt18 = grid.GetByRole(AriaRole.Button, new() { Name = "采用18位号码" });
        var adoptBirth = grid.GetByRole(AriaRole.Button, new() { Name = "按身份证改出生日期" });
        await Expect(edits).ToHaveCountAsync(24);
        await Expect(adopt18).ToHaveCountAsync(6);
        await Expect(adoptBirth).ToHaveCountAsync(12);
        await Expect(grid).ToContainTextAsync(LongAddress);
        Assert.True(await grid.Locator(".cell-note").CountAsync() >= 60, "the roster should give many findings");

        var path = await browser.ScreenshotAsync("check-grid-1366.png");
        output.WriteLine(path);

        var widths = await page.EvaluateAsync<double[]>(
            "() => [document.documentElement.scrollWidth, window.innerWidth, document.documentElement.clientWidth, document.querySelector('#check-grid').getBoundingClientRect().right]");
        output.WriteLine(string.Join(", ", widths.Select(w => w.ToString(CultureInfo.InvariantCulture))));
        var (scrollWidth, innerWidth, clientWidth, gridRight) = (widths[0], widths[1], widths[2], widths[3]);
        Assert.Equal(1366, innerWidth);
        Assert.True(scrollWidth <= innerWidth, $"the page scrolls sideways: {scrollWidth}px wide in a {innerWidth}px window");
        Assert.True(gridRight <= clientWidth, $"the grid ends at {gridRight}px, beyond the window's {clientWidth}px (it scrolls inside its box)");

        var buttons = await edits.AllAsync();
        buttons = [.. buttons, .. await adopt18.AllAsync(), .. await adoptBirth.AllAsync()];
        foreach (var button in buttons)
        {
            var box = await button.BoundingBoxAsync();
            var name = await button.TextContentAsync();
            Assert.NotNull(box);
            Assert.True(box.X >= 0 && box.X + box.Width <= clientWidth, $"{name} spans {box.X}–{box.X + box.Width}px, outside the {clientWidth}px window");
        }

        Assert.Empty(browser.Problems);
    }

    /// <summary>24 rows, each with findings: 15-digit numbers, birth dates that differ from the number, long names and
    /// addresses, wrong phone numbers and postcodes, a long department.</summary>
    private static byte[] Roster()
    {
        var text = new StringBuilder(Header);
        for (var i = 0; i < 24; i++)
        {
            var male = i % 2 == 0;
            var id = Ids.Make(year: 1970 + i, month: 3, day: 9, male: male);
            var birth = $"{id[6..10]}-{id[10..12]}-{id[12..14]}";
            var name = Names[i];
            var phone = "13912345678";
            var postcode = "261041";
            var address = "潍坊市奎文区示例路8号";
            switch (i % 4)
            {
                case 0:
                    // A 15-digit number: 采用18位号码.
                    id = string.Create(CultureInfo.InvariantCulture, $"370702{(70 + i) % 100:D2}0309{100 + (i * 2) + (male ? 1 : 0):D3}");
                    birth = "";
                    address = LongAddress;
                    break;
                case 1:
                    // The birth date differs from the number: 按身份证改出生日期.
                    birth = $"{int.Parse(id[6..10], CultureInfo.InvariantCulture) + 1}-{id[10..12]}-{id[12..14]}";
                    name = "阿卜杜热合曼·买买提依明·艾合买提江";
                    phone = "1234";
                    break;
                case 2:
                    address = LongAddress + "（东门进）";
                    postcode = "2610";
                    name = "欧阳" + name[1..];
                    break;
                default:
                    birth = $"{int.Parse(id[6..10], CultureInfo.InvariantCulture) - 1}-{id[10..12]}-{id[12..14]}";
                    address = LongAddress;
                    phone = "0536-12";
                    break;
            }

            text.Append(CultureInfo.InvariantCulture, $",,{name},{id},{(male ? "男" : "女")},{birth},01,{phone},{postcode},{address},{LongDepartment}\r\n");
        }

        return Encoding.UTF8.GetBytes(text.ToString());
    }
}
