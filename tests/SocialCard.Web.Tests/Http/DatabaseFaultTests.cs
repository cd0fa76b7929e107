using System.Net;
using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using SocialCard.Data;
using SocialCard.Web.Tests.Api;
using SocialCard.Web.Tests.Infrastructure;

namespace SocialCard.Web.Tests.Http;

/// <summary>
/// A broken and then an unreachable database: the API answers problem JSON (500, then 503 with Retry-After)
/// without a stack trace, and the pages answer the portal's Chinese error page with the same status.
/// </summary>
public abstract class DatabaseFaultTests(FaultyDatabasePortalFactory factory)
{
    [Fact]
    public async Task A_broken_then_unreachable_database_gives_problem_JSON_on_the_API_and_the_Chinese_error_page()
    {
        var unit = await TestData.CreateUnitWithClerkAsync(factory);
        using var api = await ApiClients.WithKeyAsync(factory, unit.Id);
        using var clerk = await PortalClient.SignedInAsync(factory, unit.Number);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/v1/batches")).StatusCode);

        // A table the request needs is gone: an unhandled database error (500).
        await RenameBatchesTableAsync("batches", "batches_gone");
        var broken = await ApiProblemTests.AssertProblemAsync(await api.GetAsync("/api/v1/batches"), HttpStatusCode.InternalServerError);
        Assert.False(string.IsNullOrEmpty(broken.GetProperty("traceId").GetString()));
        var (status, page) = await PageAsync(clerk, "/Unit");
        Assert.Equal(HttpStatusCode.InternalServerError, status);
        Assert.Contains("系统出错了", page);
        await RenameBatchesTableAsync("batches_gone", "batches");
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/v1/batches")).StatusCode);

        // The database cannot be reached at all: the portal is unavailable for now (503), not broken.
        factory.CutOffDatabase();
        var outage = await api.GetAsync("/api/v1/batches");
        await ApiProblemTests.AssertProblemAsync(outage, HttpStatusCode.ServiceUnavailable);
        Assert.True(outage.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        (status, page) = await PageAsync(clerk, "/Unit");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Contains("数据库暂时无法访问", page);
        Assert.DoesNotContain("Exception", page, StringComparison.Ordinal);
    }

    private static async Task<(HttpStatusCode Status, string Text)> PageAsync(PortalClient client, string url)
    {
        var response = await client.Http.GetAsync(url);
        var document = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
        return (response.StatusCode, document.QuerySelector("main")?.TextContent ?? document.Body!.TextContent);
    }

    private async Task RenameBatchesTableAsync(string from, string to)
    {
        await using var scope = factory.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
#pragma warning disable EF1002 // Table names, not user input.
        await db.Database.ExecuteSqlRawAsync($"ALTER TABLE \"{from}\" RENAME TO \"{to}\"");
#pragma warning restore EF1002
    }
}

/// <summary>The portal whose database a test can take away: SQLite's file becomes unopenable, PostgreSQL's port is closed.</summary>
public class FaultyDatabasePortalFactory(DatabaseProvider provider) : PortalFactory(provider)
{
    private TcpForwarder? _relay;

    /// <summary>PostgreSQL is reached through a relay that <see cref="CutOffDatabase"/> stops.</summary>
    protected override IDictionary<string, string?> ExtraSettings
    {
        get
        {
            if (Provider == DatabaseProvider.Sqlite)
            {
                return new Dictionary<string, string?>();
            }

            var target = new NpgsqlConnectionStringBuilder(ConnectionString);
            _relay ??= new TcpForwarder(target.Host!, target.Port);
            return new Dictionary<string, string?> { ["Database:ConnectionString"] = new NpgsqlConnectionStringBuilder(ConnectionString) { Host = "127.0.0.1", Port = _relay.Port }.ConnectionString };
        }
    }

    public void CutOffDatabase()
    {
        if (Provider == DatabaseProvider.Postgres)
        {
            _relay!.Stop();
            NpgsqlConnection.ClearAllPools();
            return;
        }

        // A folder where the database file was: SQLite cannot open it (SQLITE_CANTOPEN), as with a lost disk.
        var file = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(ConnectionString).DataSource;
        File.Move(file, file + ".moved");
        Directory.CreateDirectory(file);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _relay?.Dispose();
        }

        base.Dispose(disposing);
    }
}

public sealed class SqliteFaultyDatabasePortalFactory() : FaultyDatabasePortalFactory(DatabaseProvider.Sqlite);

public sealed class PostgresFaultyDatabasePortalFactory() : FaultyDatabasePortalFactory(DatabaseProvider.Postgres);

public sealed class SqliteDatabaseFaultTests(SqliteFaultyDatabasePortalFactory factory) : DatabaseFaultTests(factory), IClassFixture<SqliteFaultyDatabasePortalFactory>;

public sealed class PostgresDatabaseFaultTests(PostgresFaultyDatabasePortalFactory factory) : DatabaseFaultTests(factory), IClassFixture<PostgresFaultyDatabasePortalFactory>;
