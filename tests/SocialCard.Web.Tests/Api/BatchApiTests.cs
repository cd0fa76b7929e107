using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using SocialCard.Core.Api;
using SocialCard.Data;
using SocialCard.Web.Tests.Infrastructure;
using SocialCard.Web.Tests.Rosters;

namespace SocialCard.Web.Tests.Api;

/// <summary>The JSON API an HR system uses, over HTTP with per-unit keys, on SQLite and PostgreSQL.</summary>
public abstract class BatchApiTests(PortalFactory factory)
{
    protected PortalFactory Factory { get; } = factory;

    [Fact]
    public async Task HR_system_creates_a_batch_uploads_reads_findings_and_is_refused_declaring_with_errors()
    {
        var scenario = await RosterScenario.CreateAsync(Factory);
        using var api = await ClientWithKeyAsync(scenario.Unit.Id);

        var created = await api.PostAsJsonAsync("/api/v1/batches", new { title = "HR系统批次" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var batch = await created.Content.ReadFromJsonAsync<JsonElement>();
        var batchId = batch.GetProperty("id").GetInt32();
        Assert.Equal("Draft", batch.GetProperty("status").GetString());

        using var clerk = await PortalClient.SignedInAsync(Factory, scenario.Unit.Number);
        var file = RosterFiles.Fill(await RosterTests.DownloadTemplateAsync(clerk, batchId), scenario.Rows);
        using var body = new MultipartFormDataContent { { new ByteArrayContent(file), "file", "roster.xlsx" } };
        var uploaded = await api.PostAsync($"/api/v1/batches/{batchId}/roster", body);
        Assert.Equal(HttpStatusCode.OK, uploaded.StatusCode);
        var upload = await uploaded.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(upload.GetProperty("accepted").GetBoolean());
        Assert.Equal(21, upload.GetProperty("rows").GetInt32());
        Assert.True(upload.GetProperty("errors").GetInt32() > 0);

        var findings = await api.GetFromJsonAsync<JsonElement>($"/api/v1/batches/{batchId}/findings");
        var checksum = findings.EnumerateArray().Single(f => f.GetProperty("code").GetString() == "ID_BAD_CHECKSUM");
        Assert.Equal(9, checksum.GetProperty("row").GetInt32());
        Assert.Equal("身份证号码", checksum.GetProperty("column").GetString());
        Assert.Equal("error", checksum.GetProperty("severity").GetString());
        Assert.Contains("校验", checksum.GetProperty("message").GetString());

        var declared = await api.PostAsync($"/api/v1/batches/{batchId}/declare", null);
        Assert.Equal(HttpStatusCode.Conflict, declared.StatusCode);
        Assert.Contains("冯丽", await declared.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_batch_without_errors_is_declared_and_withdrawn_through_the_API()
    {
        var unit = await TestData.CreateUnitWithClerkAsync(Factory);
        using var api = await ClientWithKeyAsync(unit.Id);
        var batchId = (await (await api.PostAsJsonAsync("/api/v1/batches", new { title = "干净的批次" })).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        var id = Ids.Make(year: 1970);
        var csv = "姓名,身份证号码,性别,出生日期,民族,联系电话,邮政编码,常住地址\r\n" + $"马丽,{id},男,1970-05-17,01,13912345678,261041,潍坊市奎文区示例路8号\r\n";
        using var body = new MultipartFormDataContent { { new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(csv)), "file", "roster.csv" } };
        Assert.Equal(HttpStatusCode.OK, (await api.PostAsync($"/api/v1/batches/{batchId}/roster", body)).StatusCode);

        var declared = await api.PostAsync($"/api/v1/batches/{batchId}/declare", null);
        Assert.Equal(HttpStatusCode.OK, declared.StatusCode);
        Assert.Equal("Declared", (await declared.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        var withdrawn = await api.PostAsync($"/api/v1/batches/{batchId}/withdraw", null);
        Assert.Equal("Draft", (await withdrawn.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Declare_and_withdraw_check_the_version_sent_as_If_Match_like_the_page()
    {
        var unit = await TestData.CreateUnitWithClerkAsync(Factory);
        using var api = await ClientWithKeyAsync(unit.Id);
        var batchId = (await (await api.PostAsJsonAsync("/api/v1/batches", new { title = "版本检查" })).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        var shown = await api.GetAsync($"/api/v1/batches/{batchId}");
        var seen = (await shown.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("version").GetGuid();
        Assert.Equal($"\"{seen}\"", shown.Headers.ETag?.Tag);

        // The batch changes after the HR system read it: a roster arrives.
        var csv = "姓名,身份证号码,性别,出生日期,民族,联系电话,邮政编码,常住地址\r\n" + $"马丽,{Ids.Make(year: 1971)},男,1971-05-17,01,13912345678,261041,潍坊市奎文区示例路8号\r\n";
        using var body = new MultipartFormDataContent { { new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(csv)), "file", "roster.csv" } };
        Assert.Equal(HttpStatusCode.OK, (await api.PostAsync($"/api/v1/batches/{batchId}/roster", body)).StatusCode);

        using var stale = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/batches/{batchId}/declare");
        stale.Headers.TryAddWithoutValidation("If-Match", $"\"{seen}\"");
        var refused = await api.SendAsync(stale);
        Assert.Equal(HttpStatusCode.PreconditionFailed, refused.StatusCode);
        Assert.Contains("刚被他人修改过", await refused.Content.ReadAsStringAsync());
        var after = await (await api.GetAsync($"/api/v1/batches/{batchId}")).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Draft", after.GetProperty("status").GetString());

        using var bad = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/batches/{batchId}/declare");
        bad.Headers.TryAddWithoutValidation("If-Match", "not-a-version");
        Assert.Equal(HttpStatusCode.BadRequest, (await api.SendAsync(bad)).StatusCode);

        using var current = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/batches/{batchId}/declare");
        current.Headers.TryAddWithoutValidation("If-Match", $"\"{after.GetProperty("version").GetGuid()}\"");
        var declared = await api.SendAsync(current);
        Assert.Equal(HttpStatusCode.OK, declared.StatusCode);
        Assert.Equal("Declared", (await declared.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Key_of_unit_B_gets_404_on_unit_As_batch_and_missing_or_revoked_keys_get_401()
    {
        var unitA = await TestData.CreateUnitWithClerkAsync(Factory);
        var unitB = await TestData.CreateUnitWithClerkAsync(Factory);
        using var apiA = await ClientWithKeyAsync(unitA.Id);
        var batchId = (await (await apiA.PostAsJsonAsync("/api/v1/batches", new { title = "A单位" })).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();

        using var apiB = await ClientWithKeyAsync(unitB.Id);
        Assert.Equal(HttpStatusCode.NotFound, (await apiB.GetAsync($"/api/v1/batches/{batchId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await apiB.GetAsync($"/api/v1/batches/{batchId}/findings")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await apiB.PostAsync($"/api/v1/batches/{batchId}/declare", null)).StatusCode);
        using var body = new MultipartFormDataContent { { new ByteArrayContent([1, 2, 3]), "file", "roster.csv" } };
        Assert.Equal(HttpStatusCode.NotFound, (await apiB.PostAsync($"/api/v1/batches/{batchId}/roster", body)).StatusCode);
        var listB = await apiB.GetFromJsonAsync<JsonElement>("/api/v1/batches");
        Assert.DoesNotContain(listB.EnumerateArray(), b => b.GetProperty("id").GetInt32() == batchId);

        using var anonymous = Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/v1/batches")).StatusCode);

        // A signed-in clerk's cookie does not open the API: it takes keys only (no cross-site requests with cookies).
        using var clerk = await PortalClient.SignedInAsync(Factory, unitA.Number);
        Assert.Equal(HttpStatusCode.Unauthorized, (await clerk.Http.GetAsync("/api/v1/batches")).StatusCode);

        var (revoked, secret) = ApiKey.Issue(unitA.Id, "旧密钥", "test", DateTimeOffset.UtcNow);
        revoked.Revoke(DateTimeOffset.UtcNow);
        await using (var scope = Factory.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            db.ApiKeys.Add(revoked);
            await db.SaveChangesAsync();
        }

        using var withRevoked = Factory.CreateClient();
        withRevoked.DefaultRequestHeaders.Add("X-Api-Key", secret);
        Assert.Equal(HttpStatusCode.Unauthorized, (await withRevoked.GetAsync("/api/v1/batches")).StatusCode);
    }

    [Fact]
    public async Task OpenAPI_document_describes_the_batch_endpoints()
    {
        using var client = Factory.CreateClient();
        var document = await client.GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        var paths = document.GetProperty("paths");
        Assert.True(paths.TryGetProperty("/api/v1/batches/{id}/roster", out _));
        Assert.True(paths.TryGetProperty("/api/v1/batches/{id}/findings", out _));
        Assert.True(paths.TryGetProperty("/api/v1/batches/{id}/declare", out _));
    }

    [Fact]
    public async Task Admin_issues_a_key_that_works_once_shown_and_revokes_it()
    {
        var unit = await TestData.CreateUnitWithClerkAsync(Factory);
        using var admin = await PortalClient.SignedInAsync(Factory, await TestData.CreateAdminAsync(Factory));
        var issued = await admin.SubmitAsync("/Admin/ApiKeys", "form[action*='Issue']", new() { ["unitId"] = unit.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), ["name"] = "HR对接" });
        var page = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await issued.Content.ReadAsStringAsync());
        var secret = page.QuerySelector("#new-secret code")!.TextContent.Trim();
        using var api = Factory.CreateClient();
        api.DefaultRequestHeaders.Add("X-Api-Key", secret);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/v1/batches")).StatusCode);

        var list = await admin.GetOkPageAsync("/Admin/ApiKeys");
        var keyId = list.QuerySelectorAll("tr").First(r => r.TextContent.Contains(secret[..12], StringComparison.Ordinal)).QuerySelector("input[name=keyId]")!.GetAttribute("value")!;
        var revoke = await admin.PostWithTokenAsync("/Admin/ApiKeys", "/Admin/ApiKeys?handler=Revoke", new() { ["keyId"] = keyId });
        Assert.Equal(HttpStatusCode.Redirect, revoke.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.GetAsync("/api/v1/batches")).StatusCode);
    }

    private Task<HttpClient> ClientWithKeyAsync(int unitId) => ApiClients.WithKeyAsync(Factory, unitId);
}

public sealed class SqliteBatchApiTests(SqlitePortalFactory factory) : BatchApiTests(factory), IClassFixture<SqlitePortalFactory>;

public sealed class PostgresBatchApiTests(PostgresPortalFactory factory) : BatchApiTests(factory), IClassFixture<PostgresPortalFactory>;
