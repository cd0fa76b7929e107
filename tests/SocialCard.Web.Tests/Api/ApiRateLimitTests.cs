using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using SocialCard.Core.Api;
using SocialCard.Data;
using SocialCard.Web.Tests.Infrastructure;

namespace SocialCard.Web.Tests.Api;

/// <summary>The JSON API limits each key's requests per minute (here 3) and says so in a problem document; other keys go on.</summary>
public abstract class ApiRateLimitTests(PortalFactory factory)
{
    [Fact]
    public async Task A_key_over_its_requests_per_minute_gets_429_in_JSON_and_other_keys_are_not_affected()
    {
        var unit = await TestData.CreateUnitWithClerkAsync(factory);
        using var busy = await ClientWithKeyAsync(unit.Id);
        using var quiet = await ClientWithKeyAsync(unit.Id);

        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await busy.GetAsync("/api/v1/batches")).StatusCode);
        }

        var refused = await busy.GetAsync("/api/v1/batches");
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(int.Parse(refused.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture) is > 0 and <= 60);
        var problem = await ApiProblemTests.AssertProblemAsync(refused, HttpStatusCode.TooManyRequests);
        Assert.Contains("每分钟最多 3 次", problem.GetProperty("detail").GetString());

        Assert.Equal(HttpStatusCode.OK, (await quiet.GetAsync("/api/v1/batches")).StatusCode);
        // The portal's pages are not limited by the API's allowance.
        Assert.Equal(HttpStatusCode.OK, (await busy.GetAsync("/Account/Login")).StatusCode);
    }

    private Task<HttpClient> ClientWithKeyAsync(int unitId) => ApiClients.WithKeyAsync(factory, unitId);
}

public class ApiLimitPortalFactory(DatabaseProvider provider) : PortalFactory(provider)
{
    protected override IDictionary<string, string?> ExtraSettings => new Dictionary<string, string?> { ["Api:PermitsPerMinute"] = "3" };
}

public sealed class SqliteApiLimitPortalFactory() : ApiLimitPortalFactory(DatabaseProvider.Sqlite);

public sealed class PostgresApiLimitPortalFactory() : ApiLimitPortalFactory(DatabaseProvider.Postgres);

public sealed class SqliteApiRateLimitTests(SqliteApiLimitPortalFactory factory) : ApiRateLimitTests(factory), IClassFixture<SqliteApiLimitPortalFactory>;

public sealed class PostgresApiRateLimitTests(PostgresApiLimitPortalFactory factory) : ApiRateLimitTests(factory), IClassFixture<PostgresApiLimitPortalFactory>;
