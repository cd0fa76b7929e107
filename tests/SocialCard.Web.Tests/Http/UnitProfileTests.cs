using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SocialCard.Core.Batches;
using SocialCard.Core.Persons;
using SocialCard.Core.Units;
using SocialCard.Data;
using SocialCard.Web.Tests.Infrastructure;

namespace SocialCard.Web.Tests.Http;

/// <summary>
/// The clerk's loop (issue #9) over HTTP: the unit profile (单位信息) that must be complete before 申报, its checks on
/// the clerk's and the information centre's pages, the contact on the summary table, and PHOTO_MISSING blocking the
/// declaration of a school's batch. On SQLite and PostgreSQL (the subclasses at the bottom).
/// </summary>
public abstract class UnitProfileTests(PortalFactory factory)
{
    protected PortalFactory Factory { get; } = factory;

    [Fact]
    public async Task Declaration_is_refused_with_what_to_fill_until_the_clerk_completes_the_unit_profile()
    {
        var unit = await TestData.CreateUnitWithClerkAsync(Factory, completeProfile: false);
        using var clerk = await PortalClient.SignedInAsync(Factory, unit.Number);
        var batchId = await Rosters.RosterTests.CreateBatchAsync(clerk);
        await AddPersonAsync(clerk, batchId, "秦一", Ids.Make(year: 1980));

        // Every unit page links the profile; the batch page says what is missing and links it.
        var details = await clerk.GetOkPageAsync($"/Unit/Batches/Details/{batchId}");
        Assert.NotNull(details.QuerySelector("nav a[href='/Unit/Profile']"));
        Assert.Contains("联系人、联系电话、电子邮箱、单位地址", details.QuerySelector("#profile-missing")!.TextContent);
        Assert.StartsWith("/Unit/Profile?returnUrl=", details.QuerySelector("#profile-missing a")!.GetAttribute("href"));

        var refusal = await DeclareAsync(clerk, batchId);
        Assert.Equal("请先完善单位信息（缺少：联系人、联系电话、电子邮箱、单位地址）后再申报：点击页面上方的“单位信息”填写。", refusal);
        Assert.Equal(BatchStatus.Draft, await StatusAsync(batchId));

        // Bad values are refused with what to do, and nothing is saved.
        var bad = await SaveProfileAsync(clerk, "张\t老师", "0536 8234567", "hr@@example", "潍坊市\n奎文区");
        var errors = bad.QuerySelector("[role=alert]")!.TextContent;
        Assert.Contains("联系人中有制表符", errors);
        Assert.Contains("联系电话“0536 8234567”格式不对", errors);
        Assert.Contains("电子邮箱“hr@@example”格式不对", errors);
        Assert.Contains("单位地址中有换行符", errors);
        Assert.Equal("张\t老师", ((IHtmlInputElement)bad.QuerySelector("#Input_ContactPerson")!).Value);

        // A part-filled profile still blocks, naming only what is left.
        var partial = await clerk.SubmitAsync("/Unit/Profile", "#profile-form", new() { ["Input.ContactPerson"] = "张老师", ["Input.Phone"] = "", ["Input.Email"] = "", ["Input.Address"] = "" });
        Assert.Equal(HttpStatusCode.OK, partial.StatusCode);
        Assert.Equal(BatchStatus.Draft, await StatusAsync(batchId));
        Assert.Null((await UnitAsync(unit.Id)).ContactPerson);

        // A full-width hyphen or a dash in the landline becomes the ASCII one; then the batch declares.
        var saved = await clerk.SubmitAsync("/Unit/Profile", "#profile-form", new() { ["Input.ContactPerson"] = " 张老师 ", ["Input.Phone"] = "0536－8234567", ["Input.Email"] = "hr@example.com", ["Input.Address"] = "山东省潍坊市奎文区示例路8号" });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var stored = await UnitAsync(unit.Id);
        Assert.Equal(("张老师", "0536-8234567", "hr@example.com", "山东省潍坊市奎文区示例路8号"), (stored.ContactPerson, stored.Phone, stored.Email, stored.Address));
        Assert.Null((await clerk.GetOkPageAsync($"/Unit/Batches/Details/{batchId}")).QuerySelector("#profile-missing"));
        Assert.Null(await DeclareAsync(clerk, batchId));
        Assert.Equal(BatchStatus.Declared, await StatusAsync(batchId));

        // The summary table prints the unit's contact person and phone.
        var table = await Halls.PdfPages.ReadAsync(await clerk.Http.GetAsync($"/Unit/Batches/Details/{batchId}?handler=Summary"), $"summary-table-contact-{Factory.Provider}");
        Assert.Contains("联系人：张老师", table.Text);
        Assert.Contains("联系电话：0536-8234567", table.Text);

        await using var scope = Factory.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        Assert.True(await db.AuditEntries.AnyAsync(a => a.UnitId == unit.Id && a.Action == "UpdateUnitProfile"));
    }

    [Fact]
    public async Task Profile_page_accepts_a_mobile_number_and_goes_back_to_the_batch_and_a_stale_form_is_refused()
    {
        var unit = await TestData.CreateUnitWithClerkAsync(Factory, completeProfile: false);
        using var clerk = await PortalClient.SignedInAsync(Factory, unit.Number);
        var page = await clerk.GetOkPageAsync("/Unit/Profile?returnUrl=/Unit/Batches/Details/1");
        Assert.Contains(unit.Name, page.QuerySelector("h1")!.TextContent);
        var saved = await clerk.SubmitAsync(page, "/Unit/Profile", "#profile-form", new() { ["Input.ContactPerson"] = "李会计", ["Input.Phone"] = "１３９１２３４５６７８", ["Input.Email"] = "li@example.com", ["Input.Address"] = "潍坊市高新区示例街1号" });
        Assert.Equal("/Unit/Batches/Details/1", saved.Headers.Location!.OriginalString);
        Assert.Equal("13912345678", (await UnitAsync(unit.Id)).Phone);

        // The form shown before that save carries the old version: refused, the current values shown.
        var stale = await clerk.SubmitAsync(page, "/Unit/Profile", "#profile-form", new() { ["Input.ContactPerson"] = "王出纳", ["Input.Phone"] = "13912345678", ["Input.Email"] = "w@example.com", ["Input.Address"] = "潍坊市" });
        var shown = await ParseAsync(stale);
        Assert.Contains("单位信息刚被他人修改过", shown.QuerySelector("[role=alert]")!.TextContent);
        Assert.Equal("李会计", (await UnitAsync(unit.Id)).ContactPerson);

        // Only a unit page is a place to go back to.
        var away = await clerk.SubmitAsync("/Unit/Profile?returnUrl=https://example.com/", "#profile-form", []);
        Assert.Equal("/Unit/Profile", away.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Information_centre_unit_page_refuses_control_characters_and_normalises_the_landline_hyphen()
    {
        var adminName = await TestData.CreateAdminAsync(Factory);
        using var admin = await PortalClient.SignedInAsync(Factory, adminName);
        var number = TestData.NextNumber();
        var refused = await admin.SubmitAsync("/Admin/Units", "main form", new()
        {
            ["Input.Number"] = number,
            ["Input.Name"] = "潍坊\t示例单位",
            ["Input.Phone"] = "0536—8234567\r\n",
            ["Input.Email"] = "没有邮箱",
            ["Input.ContactPerson"] = "赵\u0007主任",
        });
        var errors = (await ParseAsync(refused)).QuerySelector("[role=alert]")!.TextContent;
        Assert.Contains("单位名称中有制表符", errors);
        Assert.Contains("联系人中有控制字符", errors);
        Assert.Contains("电子邮箱“没有邮箱”格式不对", errors);
        Assert.DoesNotContain("联系电话", errors); // surrounding line breaks are trimmed; the dash becomes "-"

        var created = await admin.SubmitAsync("/Admin/Units", "main form", new() { ["Input.Number"] = number, ["Input.Name"] = "潍坊示例单位", ["Input.Phone"] = "0536—8234567" });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        await using var scope = Factory.CreateScope();
        var unit = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Units.SingleAsync(u => u.Number == number);
        Assert.Equal("0536-8234567", unit.Phone);
        Assert.Null(unit.Email);
        var list = await admin.GetOkPageAsync("/Admin/Units");
        Assert.Contains("缺少联系人、电子邮箱、单位地址", list.QuerySelectorAll("tr").First(r => r.TextContent.Contains(number, StringComparison.Ordinal)).TextContent);
    }

    [Fact]
    public async Task A_school_batch_is_refused_while_anyone_lacks_a_photo_and_declares_once_the_photos_are_uploaded()
    {
        var school = await TestData.CreateUnitWithClerkAsync(Factory, type: UnitType.School);
        using var clerk = await PortalClient.SignedInAsync(Factory, school.Number);
        var batchId = await Rosters.RosterTests.CreateBatchAsync(clerk);
        var first = Ids.Make(year: 2012, male: true);
        var second = Ids.Make(year: 2013, male: false);
        await AddPersonAsync(clerk, batchId, "小明", first);
        await AddPersonAsync(clerk, batchId, "小红", second);

        Assert.Equal("还有 2 人没有照片，请先上传照片再申报：小明、小红", await DeclareAsync(clerk, batchId));
        await Photos.PhotoTests.UploadPhotosAsync(clerk, batchId, $"{first}.jpg", PhotoFiles.CompliantPortrait());
        Assert.Equal("还有 1 人没有照片，请先上传照片再申报：小红", await DeclareAsync(clerk, batchId));
        Assert.Equal(BatchStatus.Draft, await StatusAsync(batchId));

        await Photos.PhotoTests.UploadPhotosAsync(clerk, batchId, $"{second}-小红.jpg", PhotoFiles.CompliantPortrait());
        Assert.Null(await DeclareAsync(clerk, batchId));
        Assert.Equal(BatchStatus.Declared, await StatusAsync(batchId));
    }

    [Fact]
    public async Task Employers_and_kindergartens_declare_without_photos_by_default()
    {
        foreach (var type in new[] { UnitType.Employer, UnitType.Kindergarten })
        {
            var unit = await TestData.CreateUnitWithClerkAsync(Factory, type: type);
            using var clerk = await PortalClient.SignedInAsync(Factory, unit.Number);
            var batchId = await Rosters.RosterTests.CreateBatchAsync(clerk);
            await AddPersonAsync(clerk, batchId, "周一", Ids.Make(year: 2020));
            Assert.Null(await DeclareAsync(clerk, batchId));
        }
    }

    /// <summary>Presses 申报此批次; returns the refusal shown after the redirect, or null when the batch was declared.</summary>
    private static async Task<string?> DeclareAsync(PortalClient clerk, int batchId)
    {
        var response = await clerk.SubmitAsync($"/Unit/Batches/Details/{batchId}", "form[action*='Declare']", []);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = await clerk.GetOkPageAsync(response.Headers.Location!.OriginalString);
        return page.QuerySelector(".notice.error[role=alert]")?.TextContent.Trim();
    }

    private static async Task<IHtmlDocument> SaveProfileAsync(PortalClient clerk, string contact, string phone, string email, string address)
    {
        var response = await clerk.SubmitAsync("/Unit/Profile", "#profile-form", new() { ["Input.ContactPerson"] = contact, ["Input.Phone"] = phone, ["Input.Email"] = email, ["Input.Address"] = address });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await ParseAsync(response);
    }

    private static async Task<IHtmlDocument> ParseAsync(HttpResponseMessage response) =>
        new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());

    private static async Task AddPersonAsync(PortalClient clerk, int batchId, string name, string id)
    {
        var sex = CitizenId.Parse(id).Id!.Sex == Sex.Male ? "男" : "女";
        var response = await clerk.SubmitAsync($"/Unit/Persons/Edit/{batchId}", "form.card", PortalTests.PersonFormValues(name, id, sex));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    private async Task<Unit> UnitAsync(int unitId)
    {
        await using var scope = Factory.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().Units.AsNoTracking().SingleAsync(u => u.Id == unitId);
    }

    private async Task<BatchStatus> StatusAsync(int batchId)
    {
        await using var scope = Factory.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().Batches.Where(b => b.Id == batchId).Select(b => b.Status).SingleAsync();
    }
}

public sealed class SqliteUnitProfileTests(SqlitePortalFactory factory) : UnitProfileTests(factory), IClassFixture<SqlitePortalFactory>;

public sealed class PostgresUnitProfileTests(PostgresPortalFactory factory) : UnitProfileTests(factory), IClassFixture<PostgresPortalFactory>;
