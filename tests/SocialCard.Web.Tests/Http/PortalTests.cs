using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SocialCard.Core.Batches;
using SocialCard.Core.Persons;
using SocialCard.Data;
using SocialCard.Web.Tests.Infrastructure;

namespace SocialCard.Web.Tests.Http;

/// <summary>
/// The portal over HTTP, as a browser drives it: real pages, real forms with antiforgery tokens, a real
/// database. The same suite runs on SQLite and on PostgreSQL (the subclasses at the bottom).
/// </summary>
public abstract class PortalTests(PortalFactory factory)
{
    protected PortalFactory Factory { get; } = factory;

    [Fact]
    public async Task Health_check_reports_the_database_codec_and_fonts_healthy()
    {
        using var client = PortalClient.Create(Factory);
        var response = await client.Http.GetAsync("/health");
        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("\"status\":\"Healthy\"", body);
        Assert.Contains("\"database\"", body);
        Assert.Contains("\"photo-codec\"", body);
        Assert.Contains("\"document-fonts\"", body);
    }

    [Fact]
    public async Task Login_page_is_Chinese_and_sends_security_headers()
    {
        using var client = PortalClient.Create(Factory);
        var (response, page) = await client.GetPageAsync("/Account/Login");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("zh-CN", page.DocumentElement.GetAttribute("lang"));
        Assert.Contains("单位编号", page.Body!.TextContent);
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Contains("default-src 'self'", response.Headers.GetValues("Content-Security-Policy").Single());
    }

    [Fact]
    public async Task Anonymous_visitor_is_sent_to_login()
    {
        using var client = PortalClient.Create(Factory);
        var response = await client.Http.GetAsync("/Unit");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/Login", response.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task Unknown_page_gets_a_Chinese_404_page()
    {
        var unit = await TestData.CreateUnitWithClerkAsync(Factory);
        using var clerk = await PortalClient.SignedInAsync(Factory, unit.Number);
        var (response, page) = await clerk.GetPageAsync("/Unit/Batches/Details/987654");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("页面不存在", page.Body!.TextContent);
    }

    [Fact]
    public async Task Wrong_password_is_refused_in_Chinese_and_repeated_failures_lock_the_account()
    {
        var unit = await TestData.CreateUnitWithClerkAsync(Factory);
        using var client = PortalClient.Create(Factory);
        for (var i = 0; i < 5; i++)
        {
            var failed = await client.SubmitAsync("/Account/Login", "form", new() { ["UserName"] = unit.Number, ["Password"] = "wrong-password1" });
            Assert.Equal(HttpStatusCode.OK, failed.StatusCode);
            var text = await failed.Content.ReadAsStringAsync();
            Assert.Contains(i < 4 ? "密码不正确" : "锁定", text);
        }

        // Locked now: even the right password is refused.
        var locked = await client.SubmitAsync("/Account/Login", "form", new() { ["UserName"] = unit.Number, ["Password"] = TestData.Password });
        Assert.Equal(HttpStatusCode.OK, locked.StatusCode);
        Assert.Contains("锁定", await locked.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Post_without_antiforgery_token_is_rejected_and_changes_nothing()
    {
        var unit = await TestData.CreateUnitWithClerkAsync(Factory);
        using var clerk = await PortalClient.SignedInAsync(Factory, unit.Number);
        var response = await clerk.Http.PostAsync("/Unit?handler=Create", new FormUrlEncodedContent(new Dictionary<string, string> { ["Title"] = "伪造的批次" }));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        await using var scope = Factory.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        Assert.False(await db.Batches.AnyAsync(b => b.UnitId == unit.Id));
    }

    [Fact]
    public async Task Clerk_creates_a_batch_sees_Chinese_findings_beside_the_field_then_saves_the_corrected_person()
    {
        var unit = await TestData.CreateUnitWithClerkAsync(Factory);
        using var clerk = await PortalClient.SignedInAsync(Factory, unit.Number);
        var batchId = await CreateBatchAsync(clerk, "2026年第一批");

        var id = Ids.Make(male: false);
        var person = PersonFormValues("王小红", Ids.WithWrongCheck(id), "女");
        var refused = await clerk.SubmitAsync($"/Unit/Persons/Edit/{batchId}", "form.card", person);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var page = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await refused.Content.ReadAsStringAsync());
        var idFindings = page.QuerySelector("#IdNumber-findings")?.TextContent ?? "";
        Assert.Contains("ID_BAD_CHECKSUM", idFindings);
        Assert.Contains("校验", idFindings);
        Assert.Null(page.QuerySelector("#Name-findings"));
        Assert.Equal(0, await PersonCountAsync(batchId));

        person["Form.IdNumber"] = id;
        var saved = await clerk.SubmitAsync($"/Unit/Persons/Edit/{batchId}", "form.card", person);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal($"/Unit/Batches/Details/{batchId}", saved.Headers.Location!.OriginalString);

        await using (var scope = Factory.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var stored = await db.Persons.SingleAsync(p => p.BatchId == batchId);
            Assert.Equal(id, stored.IdNumber);
            Assert.Equal("王小红", stored.Name);
            Assert.Equal(Sex.Female, stored.Sex);
            Assert.Equal(new DateOnly(1990, 5, 17), stored.BirthDate);
            Assert.Equal(unit.Id, stored.UnitId);
            Assert.Equal(0, stored.ErrorCount);
            var audit = await db.AuditEntries.Where(a => a.UnitId == unit.Id && a.Action == "AddPerson").SingleAsync();
            Assert.DoesNotContain(id, audit.Changes);
            Assert.Contains(CitizenId.Mask(id), audit.Changes);
        }

        var details = await clerk.GetOkPageAsync($"/Unit/Batches/Details/{batchId}");
        var table = details.QuerySelector("#persons")!.TextContent;
        Assert.Contains("王小红", table);
        Assert.Contains(CitizenId.Mask(id), table);
        Assert.DoesNotContain(id, details.Body!.InnerHtml);
    }

    [Fact]
    public async Task Clerk_edits_and_deletes_a_person()
    {
        var unit = await TestData.CreateUnitWithClerkAsync(Factory);
        using var clerk = await PortalClient.SignedInAsync(Factory, unit.Number);
        var batchId = await CreateBatchAsync(clerk, "修改测试");
        var personId = await AddPersonAsync(clerk, batchId, "李四", Ids.Make());

        var edited = await clerk.SubmitAsync($"/Unit/Persons/Edit/{batchId}/{personId}", "form.card", new() { ["Form.Phone"] = "0536-8881234", ["Form.Address"] = "山东省潍坊市奎文区胜利东街" });
        Assert.Equal(HttpStatusCode.Redirect, edited.StatusCode);
        await using (var scope = Factory.CreateScope())
        {
            var stored = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Persons.SingleAsync(p => p.Id == personId);
            Assert.Equal("0536-8881234", stored.Phone);
            Assert.Equal("李四", stored.Name);
        }

        var details = await clerk.GetOkPageAsync($"/Unit/Batches/Details/{batchId}");
        var deleted = await clerk.SubmitAsync(details, $"/Unit/Batches/Details/{batchId}", "form[action*='DeletePerson']", []);
        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        Assert.Equal(0, await PersonCountAsync(batchId));
    }

    [Fact]
    public async Task Stale_edit_is_refused_by_the_concurrency_token()
    {
        var unit = await TestData.CreateUnitWithClerkAsync(Factory);
        using var clerk = await PortalClient.SignedInAsync(Factory, unit.Number);
        var batchId = await CreateBatchAsync(clerk, "并发测试");
        var personId = await AddPersonAsync(clerk, batchId, "赵六", Ids.Make());

        var url = $"/Unit/Persons/Edit/{batchId}/{personId}";
        var stalePage = await clerk.GetOkPageAsync(url);
        var first = await clerk.SubmitAsync(url, "form.card", new() { ["Form.Phone"] = "13800000001" });
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        var second = await clerk.SubmitAsync(stalePage, url, "form.card", new() { ["Form.Phone"] = "13800000002" });
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);

        await using var scope = Factory.CreateScope();
        var stored = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Persons.SingleAsync(p => p.Id == personId);
        Assert.Equal("13800000001", stored.Phone);
    }

    [Fact]
    public async Task Declare_withdraw_and_redeclare_follow_the_batch_rules_and_keep_history()
    {
        var unit = await TestData.CreateUnitWithClerkAsync(Factory);
        using var clerk = await PortalClient.SignedInAsync(Factory, unit.Number);
        var batchId = await CreateBatchAsync(clerk, "申报测试");
        var url = $"/Unit/Batches/Details/{batchId}";

        // An empty batch cannot be declared.
        await clerk.SubmitAsync(url, "form[action*='Declare']", []);
        Assert.Equal(BatchStatus.Draft, await StatusAsync(batchId));

        var personId = await AddPersonAsync(clerk, batchId, "钱七", Ids.Make());
        Assert.Equal(HttpStatusCode.Redirect, (await clerk.SubmitAsync(url, "form[action*='Declare']", [])).StatusCode);
        Assert.Equal(BatchStatus.Declared, await StatusAsync(batchId));

        // Declared: read-only for the clerk, even by a direct POST.
        var edit = await clerk.PostWithTokenAsync(url, $"/Unit/Persons/Edit/{batchId}/{personId}", PersonFormValues("钱七", Ids.Make(), "男"));
        Assert.Equal(HttpStatusCode.Redirect, edit.StatusCode);
        var refusedPage = await clerk.GetOkPageAsync(url);
        Assert.Contains("撤销申报", refusedPage.QuerySelector("[role=alert]")!.TextContent);

        await clerk.SubmitAsync(url, "form[action*='Withdraw']", []);
        Assert.Equal(BatchStatus.Draft, await StatusAsync(batchId));
        await clerk.SubmitAsync(url, "form[action*='Declare']", []);
        Assert.Equal(BatchStatus.Declared, await StatusAsync(batchId));

        var page = await clerk.GetOkPageAsync(url);
        var history = page.QuerySelectorAll("table.grid").Last().TextContent;
        Assert.Contains("新建", history);
        Assert.Contains("撤销申报", history);
        Assert.Equal(2, System.Text.RegularExpressions.Regex.Matches(history, "填报中 → 已申报").Count);

        await using var scope = Factory.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var actions = await db.AuditEntries.Where(a => a.UnitId == unit.Id).Select(a => a.Action).ToListAsync();
        Assert.Equal(2, actions.Count(a => a == "DeclareBatch"));
        Assert.Single(actions, a => a == "WithdrawBatch");
    }

    [Fact]
    public async Task Clerk_of_another_unit_gets_404_for_every_batch_and_person_url_on_GET_and_POST()
    {
        var unitA = await TestData.CreateUnitWithClerkAsync(Factory);
        var unitB = await TestData.CreateUnitWithClerkAsync(Factory);
        using var clerkA = await PortalClient.SignedInAsync(Factory, unitA.Number);
        var batchId = await CreateBatchAsync(clerkA, "A单位批次");
        var personId = await AddPersonAsync(clerkA, batchId, "孙八", Ids.Make());

        using var clerkB = await PortalClient.SignedInAsync(Factory, unitB.Number);
        await CreateBatchAsync(clerkB, "B单位批次");
        foreach (var url in new[] { $"/Unit/Batches/Details/{batchId}", $"/Unit/Persons/Edit/{batchId}", $"/Unit/Persons/Edit/{batchId}/{personId}" })
        {
            var (response, page) = await clerkB.GetPageAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"GET {url} gave {(int)response.StatusCode}");
            Assert.DoesNotContain("孙八", page.Body!.TextContent);
        }

        var posts = new (string Url, Dictionary<string, string> Values)[]
        {
            ($"/Unit/Batches/Details/{batchId}?handler=Declare", new() { ["version"] = Guid.Empty.ToString() }),
            ($"/Unit/Batches/Details/{batchId}?handler=Withdraw", new() { ["version"] = Guid.Empty.ToString() }),
            ($"/Unit/Batches/Details/{batchId}?handler=DeletePerson", new() { ["personId"] = personId.ToString(System.Globalization.CultureInfo.InvariantCulture) }),
            ($"/Unit/Persons/Edit/{batchId}", PersonFormValues("外单位", Ids.Make(), "男")),
            ($"/Unit/Persons/Edit/{batchId}/{personId}", PersonFormValues("改名", Ids.Make(), "男")),
        };
        foreach (var (url, values) in posts)
        {
            var response = await clerkB.PostWithTokenAsync("/Unit", url, values);
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"POST {url} gave {(int)response.StatusCode}");
        }

        await using var scope = Factory.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var person = await db.Persons.SingleAsync(p => p.BatchId == batchId);
        Assert.Equal("孙八", person.Name);
        Assert.Equal(BatchStatus.Draft, await StatusAsync(batchId));
        Assert.Empty(await db.AuditEntries.Where(a => a.UnitId == unitA.Id && a.Actor.StartsWith(unitB.Number)).ToListAsync());
    }

    [Fact]
    public async Task Areas_are_closed_to_other_roles()
    {
        var unit = await TestData.CreateUnitWithClerkAsync(Factory);
        using var clerk = await PortalClient.SignedInAsync(Factory, unit.Number);
        foreach (var url in new[] { "/Admin", "/Admin/Accounts", "/Hall" })
        {
            var response = await clerk.Http.GetAsync(url);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/Account/AccessDenied", response.Headers.Location!.PathAndQuery);
        }

        var hall = await TestData.CreateHallWithStaffAsync(Factory);
        using var staff = await PortalClient.SignedInAsync(Factory, hall.UserName);
        var unitPage = await staff.Http.GetAsync("/Unit");
        Assert.StartsWith("/Account/AccessDenied", unitPage.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task Admin_creates_a_hall_a_unit_and_a_clerk_who_can_then_sign_in_and_resets_a_password()
    {
        var adminName = await TestData.CreateAdminAsync(Factory);
        using var admin = await PortalClient.SignedInAsync(Factory, adminName);

        var hallCode = "T" + TestData.NextNumber("")[..7];
        Assert.Equal(HttpStatusCode.Redirect, (await admin.SubmitAsync("/Admin/Halls", "main form", new() { ["code"] = hallCode, ["name"] = "北大厅" })).StatusCode);

        var number = TestData.NextNumber();
        var hallsPage = await admin.GetOkPageAsync("/Admin/Units");
        var hallOption = hallsPage.QuerySelectorAll("select[name='Input.HallId'] option").First(o => o.TextContent == "北大厅").GetAttribute("value")!;
        var created = await admin.SubmitAsync(hallsPage, "/Admin/Units", "main form", new()
        {
            ["Input.Number"] = number,
            ["Input.Name"] = "潍坊新建学校",
            ["Input.Type"] = "School",
            ["Input.HallId"] = hallOption,
        });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);

        var duplicate = await admin.SubmitAsync("/Admin/Units", "main form", new() { ["Input.Number"] = number, ["Input.Name"] = "重复" });
        Assert.Contains("已存在", await duplicate.Content.ReadAsStringAsync());

        var accounts = await admin.GetOkPageAsync("/Admin/Accounts");
        var unitOption = accounts.QuerySelectorAll("select[name='Input.UnitId'] option").First(o => o.TextContent.StartsWith(number, StringComparison.Ordinal)).GetAttribute("value")!;
        var weak = await admin.SubmitAsync(accounts, "/Admin/Accounts", "form[action*='Create']", new()
        {
            ["Input.Role"] = Roles.UnitClerk,
            ["Input.UnitId"] = unitOption,
            ["Input.DisplayName"] = "周老师",
            ["Input.Password"] = "short",
        });
        Assert.Contains("密码至少 8 位", await weak.Content.ReadAsStringAsync());
        var account = await admin.SubmitAsync("/Admin/Accounts", "form[action*='Create']", new()
        {
            ["Input.Role"] = Roles.UnitClerk,
            ["Input.UnitId"] = unitOption,
            ["Input.DisplayName"] = "周老师",
            ["Input.Password"] = "first-pass1",
        });
        Assert.Equal(HttpStatusCode.Redirect, account.StatusCode);

        using (var clerk = await PortalClient.SignedInAsync(Factory, number, "first-pass1"))
        {
            var page = await clerk.GetOkPageAsync("/Unit");
            Assert.Contains("潍坊新建学校", page.QuerySelector("h1")!.TextContent);
        }

        var list = await admin.GetOkPageAsync("/Admin/Accounts");
        var row = list.QuerySelectorAll("tr").First(r => r.QuerySelector("td")?.TextContent == number);
        var userId = row.QuerySelector("input[name=userId]")!.GetAttribute("value")!;
        var reset = await admin.PostWithTokenAsync("/Admin/Accounts", "/Admin/Accounts?handler=Reset", new() { ["userId"] = userId, ["newPassword"] = "second-pass2" });
        Assert.Equal(HttpStatusCode.Redirect, reset.StatusCode);
        using var again = await PortalClient.SignedInAsync(Factory, number, "second-pass2");
    }

    [Fact]
    public async Task Hall_staff_see_only_declared_batches_of_their_own_units()
    {
        var hallX = await TestData.CreateHallWithStaffAsync(Factory);
        var hallY = await TestData.CreateHallWithStaffAsync(Factory);
        var unitX = await TestData.CreateUnitWithClerkAsync(Factory, "X厅单位", hallX.Id);
        var unitY = await TestData.CreateUnitWithClerkAsync(Factory, "Y厅单位", hallY.Id);
        foreach (var unit in new[] { unitX, unitY })
        {
            using var clerk = await PortalClient.SignedInAsync(Factory, unit.Number);
            var batchId = await CreateBatchAsync(clerk, unit.Name + "批次");
            await AddPersonAsync(clerk, batchId, "吴九", Ids.Make());
            await clerk.SubmitAsync($"/Unit/Batches/Details/{batchId}", "form[action*='Declare']", []);
        }

        using var staff = await PortalClient.SignedInAsync(Factory, hallX.UserName);
        var queue = (await staff.GetOkPageAsync("/Hall")).Body!.TextContent;
        Assert.Contains("X厅单位批次", queue);
        Assert.DoesNotContain("Y厅单位", queue);
    }

    [Fact]
    public async Task Declared_batch_prints_a_summary_table_whose_digest_changes_with_the_batch()
    {
        var unit = await TestData.CreateUnitWithClerkAsync(Factory);
        using var clerk = await PortalClient.SignedInAsync(Factory, unit.Number);
        var batchId = await CreateBatchAsync(clerk, "汇总表测试");
        var personId = await AddPersonAsync(clerk, batchId, "欧阳娜娜", Ids.Make(male: false, year: 1999));
        var url = $"/Unit/Batches/Details/{batchId}?handler=Summary";

        // Not yet declared: refused with what to do.
        Assert.Equal(HttpStatusCode.Redirect, (await clerk.Http.GetAsync(url)).StatusCode);

        await clerk.SubmitAsync($"/Unit/Batches/Details/{batchId}", "form[action*='Declare']", []);
        var first = await PdfTextAsync(await clerk.Http.GetAsync(url));
        Assert.Contains("汇总表", first.Text);
        Assert.Contains("欧阳娜娜", first.Text);
        Assert.Equal(1, first.Pages);

        // Withdraw, change the person, declare again: the digest no longer matches the old paper.
        await clerk.SubmitAsync($"/Unit/Batches/Details/{batchId}", "form[action*='Withdraw']", []);
        await clerk.SubmitAsync($"/Unit/Persons/Edit/{batchId}/{personId}", "form.card", new() { ["Form.Phone"] = "13700000000" });
        await clerk.SubmitAsync($"/Unit/Batches/Details/{batchId}", "form[action*='Declare']", []);
        var second = await PdfTextAsync(await clerk.Http.GetAsync(url));
        Assert.NotEqual(first.Digest, second.Digest);

        var other = await TestData.CreateUnitWithClerkAsync(Factory);
        using var stranger = await PortalClient.SignedInAsync(Factory, other.Number);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.Http.GetAsync(url)).StatusCode);
    }

    private static async Task<(string Text, int Pages, string Digest)> PdfTextAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType!.MediaType);
        var fileName = response.Content.Headers.ContentDisposition!.FileNameStar ?? response.Content.Headers.ContentDisposition.FileName!;
        var digest = Path.GetFileNameWithoutExtension(fileName).Split('-').Last();
        var dir = Directory.CreateTempSubdirectory("sc-pdf-");
        try
        {
            var pdf = Path.Combine(dir.FullName, "table.pdf");
            await File.WriteAllBytesAsync(pdf, await response.Content.ReadAsByteArrayAsync());
            var text = Run("pdftotext", pdf, "-");
            Run("pdftoppm", "-png", "-r", "30", pdf, Path.Combine(dir.FullName, "page"));
            return (text, Directory.GetFiles(dir.FullName, "page*.png").Length, digest);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    private static string Run(string tool, params string[] args)
    {
        var start = new System.Diagnostics.ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = System.Diagnostics.Process.Start(start) ?? throw new InvalidOperationException($"{tool} did not start (apt-get install -y poppler-utils)");
        var output = process.StandardOutput.ReadToEnd();
        Assert.True(process.WaitForExit(60_000), $"{tool} did not finish");
        Assert.True(process.ExitCode == 0, $"{tool} failed: {process.StandardError.ReadToEnd()}");
        return output;
    }

    [Fact]
    public async Task Request_logs_mask_ID_numbers()
    {
        var unit = await TestData.CreateUnitWithClerkAsync(Factory);
        using var clerk = await PortalClient.SignedInAsync(Factory, unit.Number);
        var id = Ids.Make();
        await clerk.Http.GetAsync($"/Unit?search={id}");
        await clerk.Http.GetAsync($"/Unit?search={id.ToLowerInvariant()}&raw={id[..15]}");
        // The scan itself runs after the whole suite (Logs/LogScanTests); here the file must exist.
        Assert.NotEmpty(Factory.LogFiles());
    }

    internal static Dictionary<string, string> PersonFormValues(string name, string id, string sex) => new()
    {
        ["Form.Name"] = name,
        ["Form.IdNumber"] = id,
        ["Form.Sex"] = sex,
        ["Form.BirthDate"] = "",
        ["Form.Ethnicity"] = "01",
        ["Form.Phone"] = "13912345678",
        ["Form.Postcode"] = "261041",
        ["Form.Address"] = "山东省潍坊市奎文区示例路8号",
    };

    protected static async Task<int> CreateBatchAsync(PortalClient clerk, string title)
    {
        var response = await clerk.SubmitAsync("/Unit", "form[action*='Create']", new() { ["Title"] = title });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return int.Parse(response.Headers.Location!.OriginalString.Split('/').Last(), System.Globalization.CultureInfo.InvariantCulture);
    }

    protected async Task<int> AddPersonAsync(PortalClient clerk, int batchId, string name, string id)
    {
        var response = await clerk.SubmitAsync($"/Unit/Persons/Edit/{batchId}", "form.card", PersonFormValues(name, id, CitizenId.Parse(id).Id!.Sex == Sex.Male ? "男" : "女"));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await using var scope = Factory.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().Persons.Where(p => p.BatchId == batchId && p.IdNumber == id).Select(p => p.Id).SingleAsync();
    }

    private async Task<int> PersonCountAsync(int batchId)
    {
        await using var scope = Factory.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().Persons.CountAsync(p => p.BatchId == batchId);
    }

    private async Task<BatchStatus> StatusAsync(int batchId)
    {
        await using var scope = Factory.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().Batches.Where(b => b.Id == batchId).Select(b => b.Status).SingleAsync();
    }
}

public sealed class SqlitePortalTests(SqlitePortalFactory factory) : PortalTests(factory), IClassFixture<SqlitePortalFactory>;

public sealed class PostgresPortalTests(PostgresPortalFactory factory) : PortalTests(factory), IClassFixture<PostgresPortalFactory>;
