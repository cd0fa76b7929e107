using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SocialCard.Core.Batches;
using SocialCard.Data;
using SocialCard.Web.Tests.Infrastructure;

namespace SocialCard.Web.Tests.Faults;

/// <summary>
/// The races that broke the batch's promise ("申报 is refused while anyone has an error; a person is in a batch
/// once"), each reproduced with real simultaneous requests on a real database: two uploads into one batch, a
/// declaration during an upload, an edit during an upload, a comparison during a withdrawal. Part of the fault
/// suite (Category=Fault), run on SQLite and PostgreSQL.
/// </summary>
[Trait("Category", "Fault")]
public abstract class BatchRaceTests(RacePortalFactory factory)
{
    private const string Header = "姓名,身份证号码,性别,出生日期,民族,联系电话,邮政编码,常住地址\r\n";

    [Fact]
    public async Task Two_simultaneous_uploads_store_every_ID_number_once()
    {
        var unit = await TestData.CreateUnitWithClerkAsync(factory);
        using var first = await ApiClients.WithKeyAsync(factory, unit.Id);
        using var second = await ApiClients.WithKeyAsync(factory, unit.Id);
        for (var round = 0; round < 8; round++)
        {
            var people = People(1_500, year: 1960 + round);
            var batchId = await CreateBatchAsync(first, $"并发上传{round}");

            // The same file twice (a double click, an HR system's retry) ...
            var same = Csv(people.Take(1_000));
            var responses = await Task.WhenAll(UploadAsync(first, batchId, same), UploadAsync(second, batchId, same));
            Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
            Assert.Equal((1_000, 1_000), await CountAsync(batchId));

            // ... then two files sharing 500 numbers.
            responses = await Task.WhenAll(
                UploadAsync(first, batchId, Csv(people.Take(1_000))),
                UploadAsync(second, batchId, Csv(people.Skip(500).Take(1_000))));
            Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
            Assert.Equal((1_500, 1_500), await CountAsync(batchId));
        }
    }

    [Fact]
    public async Task A_declaration_during_an_upload_never_declares_persons_in_error()
    {
        var unit = await TestData.CreateUnitWithClerkAsync(factory);
        using var api = await ApiClients.WithKeyAsync(factory, unit.Id);
        using var declarer = await ApiClients.WithKeyAsync(factory, unit.Id);
        var batchId = await CreateBatchAsync(api, "申报与上传");
        var people = People(20_001, year: 1970);
        Assert.Equal(HttpStatusCode.OK, (await UploadAsync(api, batchId, Csv(people.Take(1)))).StatusCode);

        // 20,000 rows, one in ten with a bad phone number; the clerk presses 申报 again and again meanwhile.
        var roster = Csv(people.Skip(1).Select((p, i) => i % 10 == 0 ? p with { Phone = "1391234" } : p));
        var upload = UploadAsync(api, batchId, roster);
        var declares = new List<HttpStatusCode>();
        while (!upload.IsCompleted)
        {
            var declared = await declarer.PostAsync($"/api/v1/batches/{batchId}/declare", null);
            declares.Add(declared.StatusCode);
            if (declared.StatusCode == HttpStatusCode.OK)
            {
                break;
            }

            await Task.Delay(20);
        }

        var uploaded = await upload;
        await using var scope = factory.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var batch = await db.Batches.AsNoTracking().SingleAsync(b => b.Id == batchId);
        var inError = await db.Persons.CountAsync(p => p.BatchId == batchId && p.ErrorCount > 0);
        if (batch.Status == BatchStatus.Declared)
        {
            // The declaration came first: the upload was refused and changed nothing.
            Assert.Equal(0, inError);
            Assert.Equal(1, await db.Persons.CountAsync(p => p.BatchId == batchId));
            Assert.Equal(HttpStatusCode.Conflict, uploaded.StatusCode);
        }
        else
        {
            // The upload came first: every declaration after it was refused for the 2,000 errors.
            Assert.Equal(HttpStatusCode.OK, uploaded.StatusCode);
            Assert.Equal(2_000, inError);
            Assert.Equal(20_001, await db.Persons.CountAsync(p => p.BatchId == batchId));
            var last = await declarer.PostAsync($"/api/v1/batches/{batchId}/declare", null);
            Assert.Equal(HttpStatusCode.Conflict, last.StatusCode);
            Assert.Contains("2000 人的信息仍有错误", await last.Content.ReadAsStringAsync());
        }

        Assert.NotEmpty(declares);
    }

    [Fact]
    public async Task A_declaration_during_a_photo_upload_never_declares_persons_with_photo_errors()
    {
        var unit = await TestData.CreateUnitWithClerkAsync(factory);
        using var api = await ApiClients.WithKeyAsync(factory, unit.Id);
        var batchId = await CreateBatchAsync(api, "申报与照片");
        var people = People(120, year: 1978);
        Assert.Equal(HttpStatusCode.OK, (await UploadAsync(api, batchId, Csv(people))).StatusCode);

        // Every photo is too small for the card (an error); the clerk presses 申报 meanwhile.
        using var clerk = await PortalClient.SignedInAsync(factory, unit.Number);
        var page = await clerk.GetOkPageAsync($"/Unit/Batches/Details/{batchId}");
        var small = PhotoFiles.DrawnFigure(width: 180, height: 220, dpi: 150);
        var zip = PhotoFiles.Zip(people.Select(p => ($"{p.IdNumber}.jpg", small)));
        var form = page.QuerySelector("form[action*='UploadPhotos']")!;
        var body = new MultipartFormDataContent
        {
            { new StringContent(form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!), "__RequestVerificationToken" },
            { new ByteArrayContent(zip), "photos", "照片.zip" },
        };
        var upload = clerk.Http.PostAsync(form.GetAttribute("action"), body);
        while (!upload.IsCompleted)
        {
            if ((await api.PostAsync($"/api/v1/batches/{batchId}/declare", null)).StatusCode == HttpStatusCode.OK)
            {
                break;
            }

            await Task.Delay(20);
        }

        Assert.Equal(HttpStatusCode.Redirect, (await upload).StatusCode);
        await using var scope = factory.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var batch = await db.Batches.AsNoTracking().SingleAsync(b => b.Id == batchId);
        var inError = await db.Persons.CountAsync(p => p.BatchId == batchId && p.ErrorCount > 0);
        var photos = await db.Photos.CountAsync(ph => db.Persons.Any(p => p.Id == ph.PersonId && p.BatchId == batchId));
        if (batch.Status == BatchStatus.Declared)
        {
            Assert.Equal((0, 0), (inError, photos));
        }
        else
        {
            Assert.Equal((120, 120), (inError, photos));
        }
    }

    [Fact]
    public async Task An_edit_during_an_upload_gets_the_conflict_message_not_an_error_page()
    {
        var unit = await TestData.CreateUnitWithClerkAsync(factory);
        using var api = await ApiClients.WithKeyAsync(factory, unit.Id);
        var batchId = await CreateBatchAsync(api, "编辑与上传");
        var people = People(5_000, year: 1975);
        Assert.Equal(HttpStatusCode.OK, (await UploadAsync(api, batchId, Csv(people))).StatusCode);
        int personId;
        await using (var scope = factory.CreateScope())
        {
            var target = people[2_500].IdNumber;
            personId = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Persons.Where(p => p.BatchId == batchId && p.IdNumber == target).Select(p => p.Id).SingleAsync();
        }

        using var clerk = await PortalClient.SignedInAsync(factory, unit.Number);
        var editPage = $"/Unit/Persons/Edit/{batchId}/{personId}";

        // Every row changes (a new address), so the upload rewrites the person the clerk keeps editing meanwhile.
        var upload = UploadAsync(api, batchId, Csv(people.Select(p => p with { Address = "潍坊市奎文区新地址9号" })));
        var notices = new List<string>();
        var phone = 0;
        while (!upload.IsCompleted || notices.Count == 0)
        {
            var form = await clerk.GetOkPageAsync(editPage);
            var edit = await clerk.SubmitAsync(form, editPage, "form.stacked", new() { ["Form.Phone"] = $"1380000{phone++:D4}" });
            Assert.Equal(HttpStatusCode.Redirect, edit.StatusCode);
            notices.Add((await clerk.GetOkPageAsync(edit.Headers.Location!.OriginalString)).QuerySelector(".notice")?.TextContent ?? "");
        }

        Assert.Equal(HttpStatusCode.OK, (await upload).StatusCode);
        Assert.All(notices, n => Assert.True(n.Contains("已保存", StringComparison.Ordinal) || n.Contains("刚被他人修改过", StringComparison.Ordinal), n));

        // The upload's rows and the edits are each stored whole: the address is the file's, every other person too.
        await using var check = factory.CreateScope();
        var persons = check.ServiceProvider.GetRequiredService<AppDbContext>().Persons.AsNoTracking().Where(p => p.BatchId == batchId);
        Assert.Equal(5_000, await persons.CountAsync());
        Assert.Equal(5_000, await persons.CountAsync(p => p.Address == "潍坊市奎文区新地址9号"));
    }

    [Fact]
    public async Task A_comparison_during_a_withdrawal_stores_no_answers_on_the_draft()
    {
        var hall = await TestData.CreateHallWithStaffAsync(factory);
        var unit = await TestData.CreateUnitWithClerkAsync(factory, hallId: hall.Id);
        using var api = await ApiClients.WithKeyAsync(factory, unit.Id);
        var batchId = await CreateBatchAsync(api, "比对与撤销");
        Assert.Equal(HttpStatusCode.OK, (await UploadAsync(api, batchId, Csv(People(30, year: 1980)))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await api.PostAsync($"/api/v1/batches/{batchId}/declare", null)).StatusCode);

        // The registry takes 2.5 s per round trip; the clerk withdraws while the hall waits for it.
        using var staff = await PortalClient.SignedInAsync(factory, hall.UserName);
        var hallPage = $"/Hall/Batches/Details/{batchId}";
        var before = await staff.GetOkPageAsync(hallPage);
        var compare = staff.SubmitAsync(before, hallPage, "form[action*='handler=Compare']", []);
        await Task.Delay(700);
        Assert.Equal("Draft", (await (await api.PostAsync($"/api/v1/batches/{batchId}/withdraw", null)).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.Redirect, (await compare).StatusCode);
        Assert.Contains("本次比对结果已作废", (await staff.GetOkPageAsync(hallPage)).QuerySelector(".notice.error")?.TextContent);
        Assert.Equal(0, await ComparisonsAsync(batchId));

        // Declared again, the batch cannot be accepted on the old answers: none were kept.
        Assert.Equal(HttpStatusCode.OK, (await api.PostAsync($"/api/v1/batches/{batchId}/declare", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await staff.SubmitAsync(hallPage, "form[action*='handler=Accept']", [])).StatusCode);
        Assert.Contains("未与身份信息库比对", (await staff.GetOkPageAsync(hallPage)).QuerySelector(".notice.error")?.TextContent);
        await using var scope = factory.CreateScope();
        Assert.Equal(BatchStatus.Declared, (await scope.ServiceProvider.GetRequiredService<AppDbContext>().Batches.AsNoTracking().SingleAsync(b => b.Id == batchId)).Status);
    }

    [Fact]
    public async Task The_database_refuses_a_second_clean_holder_of_one_ID_number_in_a_batch()
    {
        var unit = await TestData.CreateUnitWithClerkAsync(factory);
        using var api = await ApiClients.WithKeyAsync(factory, unit.Id);
        var batchId = await CreateBatchAsync(api, "唯一索引");
        var person = People(1, year: 1985)[0];
        Assert.Equal(HttpStatusCode.OK, (await UploadAsync(api, batchId, Csv([person]))).StatusCode);

        // A writer that bypassed the lock and the matching (the defect's path) cannot store the number again.
        await using var scope = factory.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var batch = await db.Batches.SingleAsync(b => b.Id == batchId);
        var (copy, _) = batch.CreatePerson(DateTimeOffset.UtcNow);
        var stored = await db.Persons.AsNoTracking().SingleAsync(p => p.BatchId == batchId);
        copy!.Apply(Core.Persons.PersonValidator.Validate(stored.ToInput(), TestData.PersonOptions), DateTimeOffset.UtcNow);
        Assert.Equal(person.IdNumber, copy.UniqueIdNumber);
        db.Persons.Add(copy);
        var refused = await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
        Assert.True(Web.Batches.BatchWrites.IsUniqueViolation(refused), refused.GetBaseException().Message);
    }

    private static List<Row> People(int count, int year)
    {
        var rows = new List<Row>(count);
        for (var i = 0; i < count; i++)
        {
            var male = i % 2 == 0;
            var id = Ids.Make(year: year, month: 1 + (i / 2 / 28 / 200 % 12), day: 1 + (i / 2 / 200 % 28), male: male);
            rows.Add(new Row($"测试{Names[i % Names.Length]}{Names[i / Names.Length % Names.Length]}", id, male ? "男" : "女", "13912345678", "潍坊市奎文区示例路8号"));
        }

        return rows;
    }

    private static readonly string[] Names = ["伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明", "超", "秀", "霞", "平"];

    private static byte[] Csv(IEnumerable<Row> rows)
    {
        var text = new StringBuilder(Header);
        foreach (var r in rows)
        {
            var birth = $"{r.IdNumber[6..10]}-{r.IdNumber[10..12]}-{r.IdNumber[12..14]}";
            text.Append(CultureInfo.InvariantCulture, $"{r.Name},{r.IdNumber},{r.Sex},{birth},01,{r.Phone},261041,{r.Address}\r\n");
        }

        return Encoding.UTF8.GetBytes(text.ToString());
    }

    private static async Task<int> CreateBatchAsync(HttpClient api, string title)
    {
        var created = await api.PostAsJsonAsync("/api/v1/batches", new { title });
        return (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
    }

    private static Task<HttpResponseMessage> UploadAsync(HttpClient api, int batchId, byte[] csv)
    {
        var body = new MultipartFormDataContent { { new ByteArrayContent(csv), "file", "roster.csv" } };
        return api.PostAsync($"/api/v1/batches/{batchId}/roster", body);
    }

    private async Task<(int Persons, int DistinctIds)> CountAsync(int batchId)
    {
        await using var scope = factory.CreateScope();
        var persons = scope.ServiceProvider.GetRequiredService<AppDbContext>().Persons.Where(p => p.BatchId == batchId);
        return (await persons.CountAsync(), await persons.Select(p => p.IdNumber).Distinct().CountAsync());
    }

    private async Task<int> ComparisonsAsync(int batchId)
    {
        await using var scope = factory.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().Comparisons.CountAsync(c => c.BatchId == batchId);
    }

    private sealed record Row(string Name, string IdNumber, string Sex, string Phone, string Address);
}

/// <summary>A portal whose registry answers slowly (2.5 s a round trip), so a withdrawal can land during a comparison.</summary>
public class RacePortalFactory(DatabaseProvider provider) : PortalFactory(provider)
{
    protected override IDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
    {
        ["Registry:LatencyMs"] = "2500",
        ["Api:PermitsPerMinute"] = "100000",
    };
}

public sealed class SqliteRacePortalFactory() : RacePortalFactory(DatabaseProvider.Sqlite);

public sealed class PostgresRacePortalFactory() : RacePortalFactory(DatabaseProvider.Postgres);

public sealed class SqliteBatchRaceTests(SqliteRacePortalFactory factory) : BatchRaceTests(factory), IClassFixture<SqliteRacePortalFactory>;

public sealed class PostgresBatchRaceTests(PostgresRacePortalFactory factory) : BatchRaceTests(factory), IClassFixture<PostgresRacePortalFactory>;
