using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SocialCard.Data;
using SocialCard.Web.Tests.Infrastructure;

namespace SocialCard.Web.Tests.Review;

/// <summary>
/// The registry fails part-way through a comparison (after one chunk of two persons, for two attempts): the hall
/// sees a clear message, the answers obtained are kept, and running the comparison again completes only the rest.
/// </summary>
public abstract class RegistryOutageTests(PortalFactory factory)
{
    [Fact]
    public async Task An_outage_keeps_partial_results_and_a_retry_completes_them()
    {
        var hall = await TestData.CreateHallWithStaffAsync(factory);
        var unit = await TestData.CreateUnitWithClerkAsync(factory, hallId: hall.Id);
        var (batchId, _) = await DeclaredBatches.CreateAsync(factory, unit.Id, DeclaredBatches.Matching(factory, 5));
        using var staff = await PortalClient.SignedInAsync(factory, hall.UserName);
        var page = $"/Hall/Batches/Details/{batchId}";

        var first = await staff.SubmitAsync(page, "form[action*='handler=Compare']", []);
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        var partial = await staff.GetOkPageAsync(page);
        var message = partial.QuerySelector(".notice.error")?.TextContent ?? "";
        Assert.Contains("身份信息库暂时无法访问", message);
        Assert.Contains("已比对的 2 人结果已保存，其余 3 人尚未比对", message);
        Assert.Equal("2", partial.QuerySelector("#counts [data-count=compared]")?.TextContent);
        Assert.Contains("继续比对（剩余 3 人）", partial.QuerySelector("#compare")?.TextContent);
        var kept = await ComparedAtAsync(batchId);
        Assert.Equal(2, kept.Count);

        var retry = await staff.SubmitAsync(page, "form[action*='handler=Compare']", []);
        Assert.Equal(HttpStatusCode.Redirect, retry.StatusCode);
        var complete = await staff.GetOkPageAsync(page + "?show=all");
        Assert.Contains("本次比对 3 人", complete.QuerySelector(".notice")?.TextContent);
        Assert.Equal("5", complete.QuerySelector("#counts [data-count=compared]")?.TextContent);
        Assert.Equal("5", complete.QuerySelector("#counts [data-count=matched]")?.TextContent);

        // The first two answers were not asked again.
        var all = await ComparedAtAsync(batchId);
        Assert.Equal(5, all.Count);
        foreach (var (personId, at) in kept)
        {
            Assert.Equal(at, all[personId]);
        }
    }

    private async Task<Dictionary<int, DateTimeOffset>> ComparedAtAsync(int batchId)
    {
        await using var scope = factory.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return await db.Comparisons.Where(c => c.BatchId == batchId).ToDictionaryAsync(c => c.PersonId, c => c.ComparedAt);
    }
}

/// <summary>A portal whose registry serves one chunk of two, then fails twice (the run's first call and its retry).</summary>
public class OutagePortalFactory(DatabaseProvider provider) : PortalFactory(provider)
{
    protected override IDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
    {
        ["Registry:ChunkSize"] = "2",
        ["Registry:OutageAfterChunks"] = "1",
        ["Registry:OutageLength"] = "2",
        ["Registry:MaxAttempts"] = "2",
        ["Registry:RetryDelayMs"] = "0",
    };
}

public sealed class SqliteOutagePortalFactory() : OutagePortalFactory(DatabaseProvider.Sqlite);

public sealed class PostgresOutagePortalFactory() : OutagePortalFactory(DatabaseProvider.Postgres);

public sealed class SqliteRegistryOutageTests(SqliteOutagePortalFactory factory) : RegistryOutageTests(factory), IClassFixture<SqliteOutagePortalFactory>;

public sealed class PostgresRegistryOutageTests(PostgresOutagePortalFactory factory) : RegistryOutageTests(factory), IClassFixture<PostgresOutagePortalFactory>;
