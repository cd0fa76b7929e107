using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SocialCard.Data;
using SocialCard.Web.Infrastructure;
using SocialCard.Web.Tests.Api;
using SocialCard.Web.Tests.Infrastructure;
using SocialCard.Web.Tests.Rosters;

namespace SocialCard.Web.Tests.Uploads;

/// <summary>
/// With one import slot and no queue, an upload arriving while another import holds the slot is refused with
/// when to retry (page: the Chinese message; API: 503 problem JSON with Retry-After) and changes nothing;
/// once the slot is free the same uploads go through.
/// </summary>
public abstract class ImportThrottleTests(PortalFactory factory)
{
    [Fact]
    public async Task Uploads_while_the_only_import_slot_is_taken_are_refused_with_when_to_retry_and_change_nothing()
    {
        var unit = await TestData.CreateUnitWithClerkAsync(factory);
        using var clerk = await PortalClient.SignedInAsync(factory, unit.Number);
        using var api = await ApiClients.WithKeyAsync(factory, unit.Id);
        var batchId = await RosterTests.CreateBatchAsync(clerk);
        var id = Ids.Make(year: 1966);
        var csv = Encoding.UTF8.GetBytes("姓名,身份证号码,性别,出生日期,民族,联系电话,邮政编码,常住地址\r\n" + $"马丽,{id},男,1966-05-17,01,13912345678,261041,潍坊市奎文区示例路8号\r\n");
        var photos = PhotoFiles.Zip([($"{id}.jpg", PhotoFiles.DrawnFigure())]);
        var throttle = factory.Services.GetRequiredService<ImportThrottle>();

        using (var busy = await throttle.TryEnterAsync(CancellationToken.None))
        {
            Assert.NotNull(busy);
            await AssertRefusedAsync(await UploadForms.PostAsync(clerk, batchId, "Upload", "roster", "花名册.csv", new ByteArrayContent(csv)));
            await AssertRefusedAsync(await UploadForms.PostAsync(clerk, batchId, "UploadPhotos", "photos", "照片.zip", new ByteArrayContent(photos)));
            using var body = new MultipartFormDataContent { { new ByteArrayContent(csv), "file", "roster.csv" } };
            var refused = await api.PostAsync($"/api/v1/batches/{batchId}/roster", body);
            var problem = await ApiProblemTests.AssertProblemAsync(refused, HttpStatusCode.ServiceUnavailable);
            Assert.Equal(ImportThrottle.BusyMessage, problem.GetProperty("detail").GetString());
            Assert.Equal(TimeSpan.FromMinutes(1), refused.Headers.RetryAfter?.Delta);

            await using var scope = factory.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            Assert.False(await db.RosterUploads.AnyAsync(u => u.BatchId == batchId));
            Assert.False(await db.PhotoUploads.AnyAsync(u => u.BatchId == batchId));
            Assert.False(await db.Persons.AnyAsync(p => p.BatchId == batchId));
        }

        var roster = await UploadForms.PostAsync(clerk, batchId, "Upload", "roster", "花名册.csv", new ByteArrayContent(csv));
        Assert.Equal(HttpStatusCode.Redirect, roster.StatusCode);
        Assert.StartsWith($"/Unit/Batches/Check/{batchId}?upload=", roster.Headers.Location!.OriginalString);
        var photo = await UploadForms.PostAsync(clerk, batchId, "UploadPhotos", "photos", "照片.zip", new ByteArrayContent(photos));
        Assert.StartsWith($"/Unit/Batches/Photos/{batchId}?upload=", photo.Headers.Location!.OriginalString);
        using (var body = new MultipartFormDataContent { { new ByteArrayContent(csv), "file", "roster.csv" } })
        {
            Assert.Equal(HttpStatusCode.OK, (await api.PostAsync($"/api/v1/batches/{batchId}/roster", body)).StatusCode);
        }

        await using var after = factory.CreateScope();
        var stored = after.ServiceProvider.GetRequiredService<AppDbContext>();
        Assert.Equal(2, await stored.RosterUploads.CountAsync(u => u.BatchId == batchId));
        Assert.Equal(1, await stored.Persons.CountAsync(p => p.BatchId == batchId));
        Assert.True(await stored.Photos.AnyAsync(p => p.UnitId == unit.Id && p.IsCurrent));

        async Task AssertRefusedAsync(HttpResponseMessage response)
        {
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Equal($"/Unit/Batches/Details/{batchId}", response.Headers.Location!.OriginalString);
            var page = await clerk.GetOkPageAsync($"/Unit/Batches/Details/{batchId}");
            Assert.Contains(ImportThrottle.BusyMessage, page.QuerySelector("[role=alert]")!.TextContent);
        }
    }
}

public class OneImportPortalFactory(DatabaseProvider provider) : PortalFactory(provider)
{
    protected override IDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
    {
        ["Rosters:MaxConcurrentImports"] = "1",
        ["Rosters:ImportQueueSeconds"] = "0",
    };
}

public sealed class SqliteOneImportPortalFactory() : OneImportPortalFactory(DatabaseProvider.Sqlite);

public sealed class PostgresOneImportPortalFactory() : OneImportPortalFactory(DatabaseProvider.Postgres);

public sealed class SqliteImportThrottleTests(SqliteOneImportPortalFactory factory) : ImportThrottleTests(factory), IClassFixture<SqliteOneImportPortalFactory>;

public sealed class PostgresImportThrottleTests(PostgresOneImportPortalFactory factory) : ImportThrottleTests(factory), IClassFixture<PostgresOneImportPortalFactory>;
