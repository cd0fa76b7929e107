using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SocialCard.Core.Auditing;
using SocialCard.Core.Validation;
using SocialCard.Data;
using SocialCard.Web.Tests.Browser;
using SocialCard.Web.Tests.Infrastructure;

namespace SocialCard.Web.Tests.Uploads;

/// <summary>
/// A roster over <c>Rosters:MaxBytes</c> (here 64 KB) over real Kestrel: within what the portal receives (twice the
/// limit, plus the form's headroom) it reaches the importer through the page (with its antiforgery token) and the API
/// alike, and is recorded and audited as a refused upload (FILE_TOO_LARGE, saying its size, the limit and to split it;
/// its content not kept) without changing the batch. A larger request is cut before it is read, with the portal's
/// Chinese message on the page and a problem document on the API, never a 500.
/// </summary>
public abstract class OversizeRosterTests(KestrelPortal factory)
{
    private const int Limit = 64 * 1024;
    private const string Header = "姓名,身份证号码,性别,出生日期,民族,联系电话,邮政编码,常住地址\r\n";

    [Fact]
    public async Task An_oversize_roster_is_recorded_and_audited_as_refused_on_the_page_and_the_API_and_the_batch_is_unchanged()
    {
        var (unit, clerk, batchId) = await BatchAsync();
        using var lease = clerk;
        var id = Ids.Make(year: 1968);
        var first = await Rosters.RosterTests.UploadAsync(clerk, batchId, "花名册.csv", Csv(id, "张伟"));
        Assert.NotNull(first.QuerySelector("#upload-counts"));
        var before = await SnapshotAsync(batchId);

        // The same person renamed, padded to 100 KB: had it been read, 张伟 would be 张卫 now.
        var big = Pad(Csv(id, "张卫"), 100 * 1024);
        var response = await UploadForms.PostAsync(clerk, batchId, "Upload", "roster", "大花名册.csv", new ByteArrayContent(big));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith($"/Unit/Batches/Check/{batchId}?upload=", response.Headers.Location!.OriginalString);
        var check = await clerk.GetOkPageAsync(response.Headers.Location!.OriginalString);
        var alert = check.QuerySelector("#upload-summary [role=alert]")!.TextContent;
        Assert.Contains("文件未能导入，批次未作任何改动。", alert);
        Assert.Contains("文件大小为100 KB，超过了64 KB的上限：请拆分成几个文件分别上传", check.QuerySelector("#file-findings")!.TextContent);
        Assert.Contains(RuleCodes.FileTooLarge, check.QuerySelector("#file-findings .code")!.TextContent);

        using var api = new HttpClient { BaseAddress = factory.Start() };
        api.DefaultRequestHeaders.Add("X-Api-Key", await ApiClients.IssueKeyAsync(factory, unit.Id));
        using var apiBody = new MultipartFormDataContent { { new ByteArrayContent(big), "file", "大花名册.csv" } };
        var apiResponse = await api.PostAsync($"/api/v1/batches/{batchId}/roster", apiBody);
        Assert.Equal(HttpStatusCode.OK, apiResponse.StatusCode);
        var dto = await apiResponse.Content.ReadFromJsonAsync<JsonElement>();
        Assert.False(dto.GetProperty("accepted").GetBoolean());
        Assert.Equal(0, dto.GetProperty("rows").GetInt32());
        var finding = Assert.Single(dto.GetProperty("fileFindings").EnumerateArray());
        Assert.Equal(RuleCodes.FileTooLarge, finding.GetProperty("code").GetString());
        Assert.Equal("error", finding.GetProperty("severity").GetString());
        Assert.Contains("文件大小为100 KB，超过了64 KB的上限", finding.GetProperty("message").GetString());

        await using var scope = factory.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var refused = await db.RosterUploads.AsNoTracking().Where(u => u.BatchId == batchId && !u.Accepted).OrderBy(u => u.Id).ToListAsync();
        Assert.Equal(2, refused.Count);
        Assert.Equal(dto.GetProperty("uploadId").GetInt32(), refused[1].Id);
        var hash = Convert.ToHexString(SHA256.HashData(big));
        Assert.All(refused, u =>
        {
            Assert.Equal("大花名册.csv", u.FileName);
            Assert.Empty(u.Content);
            Assert.Equal(hash, u.ContentSha256);
            Assert.Equal(1, u.Errors);
            Assert.Equal((0, 0, 0), (u.Added, u.Updated, u.Unchanged));
            var stored = Assert.Single(u.Findings);
            Assert.Equal((0, null, RuleCodes.FileTooLarge, Severity.Error), (stored.Row, stored.Column, stored.Finding.Code, stored.Finding.Severity));
            Assert.Contains("请拆分成几个文件分别上传", stored.Finding.Message);
        });

        var audits = await db.AuditEntries.AsNoTracking()
            .Where(a => a.UnitId == unit.Id && a.EntityType == "Batch" && a.EntityId == batchId.ToString(System.Globalization.CultureInfo.InvariantCulture) && a.Action == AuditActions.UploadRosterRefused)
            .ToListAsync();
        Assert.Equal(2, audits.Count);
        Assert.All(audits, a => Assert.Contains("FILE_TOO_LARGE", a.Changes));
        Assert.All(audits, a => Assert.Contains("大花名册.csv", a.Changes));
        Assert.Equal(before, await SnapshotAsync(batchId));
    }

    [Fact]
    public async Task A_request_beyond_what_the_portal_receives_is_cut_with_a_Chinese_message_and_nothing_is_stored()
    {
        var (unit, clerk, batchId) = await BatchAsync();
        using var lease = clerk;
        var before = await SnapshotAsync(batchId);
        const long TooMuch = 3L * 1024 * 1024;

        clerk.Http.DefaultRequestHeaders.ExpectContinue = true;
        var response = await UploadForms.PostAsync(clerk, batchId, "Upload", "roster", "花名册.xlsx", new StreamContent(new PaddingStream(TooMuch)));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/Unit/Batches/Details/{batchId}", response.Headers.Location!.OriginalString);
        var page = await clerk.GetOkPageAsync($"/Unit/Batches/Details/{batchId}");
        Assert.Contains("文件太大（超过 128 KB），上限为 64 KB。请分成几个文件上传。批次未作任何改动。", page.QuerySelector("[role=alert]")!.TextContent);

        using var api = new HttpClient { BaseAddress = factory.Start() };
        api.DefaultRequestHeaders.Add("X-Api-Key", await ApiClients.IssueKeyAsync(factory, unit.Id));
        api.DefaultRequestHeaders.ExpectContinue = true;
        using var announced = new MultipartFormDataContent { { new StreamContent(new PaddingStream(TooMuch)), "file", "roster.csv" } };
        await AssertProblemAsync(await api.PostAsync($"/api/v1/batches/{batchId}/roster", announced));

        // Sent without a length (chunked): cut while the form is read, with the same answer.
        using var unannounced = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/batches/{batchId}/roster")
        {
            Content = new MultipartFormDataContent { { new StreamContent(new PaddingStream(TooMuch)), "file", "roster.csv" } },
        };
        unannounced.Headers.TransferEncodingChunked = true;
        await AssertProblemAsync(await api.SendAsync(unannounced));

        await using var scope = factory.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        Assert.False(await db.RosterUploads.AnyAsync(u => u.BatchId == batchId));
        Assert.False(await db.AuditEntries.AnyAsync(a => a.UnitId == unit.Id && a.Action == AuditActions.UploadRosterRefused));
        Assert.Equal(before, await SnapshotAsync(batchId));
    }

    private static async Task AssertProblemAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(413, problem.GetProperty("status").GetInt32());
        Assert.Contains("上限为 64 KB", problem.GetProperty("detail").GetString());
        Assert.Contains("批次未作任何改动", problem.GetProperty("detail").GetString());
    }

    /// <summary>What an upload could change: the batch's version and every person's values.</summary>
    private async Task<string> SnapshotAsync(int batchId)
    {
        await using var scope = factory.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var batch = await db.Batches.AsNoTracking().SingleAsync(b => b.Id == batchId);
        var persons = await db.Persons.AsNoTracking().Where(p => p.BatchId == batchId).OrderBy(p => p.Id).ToListAsync();
        return $"{batch.Version} {batch.Status} " + string.Join(";", persons.Select(p => $"{p.Id}:{p.Name}:{p.Version}:{p.SourceUploadId}"));
    }

    private async Task<(TestUnit Unit, PortalClient Clerk, int BatchId)> BatchAsync()
    {
        factory.Start();
        var unit = await TestData.CreateUnitWithClerkAsync(factory);
        var clerk = await factory.SignedInOverHttpAsync(unit.Number);
        return (unit, clerk, await Rosters.RosterTests.CreateBatchAsync(clerk));
    }

    private static byte[] Csv(string id, string name) =>
        Encoding.UTF8.GetBytes($"{Header}{name},{id},男,{id[6..10]}-{id[10..12]}-{id[12..14]},01,13912345678,261041,潍坊市奎文区示例路8号\r\n");

    /// <summary>The file with blank lines appended up to <paramref name="size"/> bytes.</summary>
    private static byte[] Pad(byte[] content, int size)
    {
        var padded = new byte[size];
        content.CopyTo(padded, 0);
        for (var i = content.Length; i < size; i++)
        {
            padded[i] = (byte)((i - content.Length) % 2 == 0 ? '\r' : '\n');
        }

        return padded;
    }
}

/// <summary>The portal over Kestrel with a 64 KB roster limit.</summary>
public abstract class SmallRosterLimitPortal(DatabaseProvider provider)
    : KestrelPortal(provider, new Dictionary<string, string?> { ["Rosters:MaxBytes"] = "65536" });

public sealed class SqliteSmallRosterLimitPortal() : SmallRosterLimitPortal(DatabaseProvider.Sqlite);

public sealed class PostgresSmallRosterLimitPortal() : SmallRosterLimitPortal(DatabaseProvider.Postgres);

public sealed class SqliteOversizeRosterTests(SqliteSmallRosterLimitPortal factory) : OversizeRosterTests(factory), IClassFixture<SqliteSmallRosterLimitPortal>;

public sealed class PostgresOversizeRosterTests(PostgresSmallRosterLimitPortal factory) : OversizeRosterTests(factory), IClassFixture<PostgresSmallRosterLimitPortal>;
