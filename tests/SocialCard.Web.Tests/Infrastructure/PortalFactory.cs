using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using SocialCard.Data;

namespace SocialCard.Web.Tests.Infrastructure;

/// <summary>
/// The real portal on a real database: a fresh SQLite file, or a fresh database on the PostgreSQL
/// server named by SOCIALCARD_TEST_POSTGRES. Logs go to the shared test log folder as JSON files.
/// </summary>
public class PortalFactory : WebApplicationFactory<Program>
{
    private readonly string _connectionString;
    private readonly string? _postgresDatabase;
    private readonly string _workDirectory;

    public PortalFactory(DatabaseProvider provider)
    {
        Provider = provider;
        _workDirectory = Path.Combine(Path.GetTempPath(), "socialcard-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_workDirectory);
        if (provider == DatabaseProvider.Sqlite)
        {
            _connectionString = $"Data Source={Path.Combine(_workDirectory, "portal.db")};Pooling=False";
        }
        else
        {
            _postgresDatabase = "socialcard_test_" + Guid.NewGuid().ToString("N")[..12];
            var admin = new NpgsqlConnectionStringBuilder(TestEnvironment.PostgresAdminConnectionString);
            using (var connection = new NpgsqlConnection(admin.ConnectionString))
            {
                connection.Open();
                using var create = new NpgsqlCommand($"CREATE DATABASE \"{_postgresDatabase}\"", connection);
                create.ExecuteNonQuery();
            }

            admin.Database = _postgresDatabase;
            _connectionString = admin.ConnectionString;
        }

        LogFile = Path.Combine(TestEnvironment.LogsDirectory, $"{provider}-{Guid.NewGuid():N}-.json");
    }

    public DatabaseProvider Provider { get; }

    /// <summary>The connection string of this app's own database.</summary>
    protected string ConnectionString => _connectionString;

    public string LogFile { get; }

    /// <summary>This app's photo store (a folder per unit inside).</summary>
    public string PhotoDirectory => Path.Combine(_workDirectory, "photos");

    /// <summary>This app's export files (分批报盘 zips).</summary>
    public string ExportDirectory => Path.Combine(_workDirectory, "exports");

    /// <summary>Extra settings a test class wants (applied last).</summary>
    protected virtual IDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>();

    public AsyncServiceScope CreateScope() => Services.CreateAsyncScope();

    /// <summary>The files the rolling log sink made of <see cref="LogFile"/> (it puts the date before the extension).</summary>
    public string[] LogFiles() =>
        Directory.GetFiles(Path.GetDirectoryName(LogFile)!, Path.GetFileName(LogFile).Replace("-.json", "*", StringComparison.Ordinal));

    /// <summary>Everything this app has logged so far (read while the sink keeps the file open).</summary>
    public string ReadLogs() => string.Concat(LogFiles().Order(StringComparer.Ordinal).Select(file =>
    {
        using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.ConfigureAppConfiguration((_, config) =>
        {
            var settings = new Dictionary<string, string?>
            {
                ["Database:Provider"] = Provider.ToString(),
                ["Database:ConnectionString"] = _connectionString,
                ["Seed:Demo"] = "false",
                ["Logs:Console"] = "false",
                ["Logs:File"] = LogFile,
                ["Serilog:MinimumLevel:Default"] = "Information",
                ["DataProtection:KeysDirectory"] = Path.Combine(_workDirectory, "keys"),
                ["Photos:Directory"] = PhotoDirectory,
                ["Exports:Directory"] = ExportDirectory,
                // Every test signs in from the one test-server address; the sign-in limit has tests of its own.
                ["SignIn:PermitsPerMinute"] = "100000",
            };
            foreach (var (key, value) in ExtraSettings)
            {
                settings[key] = value;
            }

            config.AddInMemoryCollection(settings);
        });
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (!disposing)
        {
            return;
        }

        if (_postgresDatabase is not null)
        {
            NpgsqlConnection.ClearAllPools();
            using var connection = new NpgsqlConnection(TestEnvironment.PostgresAdminConnectionString);
            connection.Open();
            using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_postgresDatabase}\" WITH (FORCE)", connection);
            drop.ExecuteNonQuery();
        }

        if (Directory.Exists(_workDirectory))
        {
            Directory.Delete(_workDirectory, recursive: true);
        }
    }
}

public sealed class SqlitePortalFactory() : PortalFactory(DatabaseProvider.Sqlite);

public sealed class PostgresPortalFactory() : PortalFactory(DatabaseProvider.Postgres);
