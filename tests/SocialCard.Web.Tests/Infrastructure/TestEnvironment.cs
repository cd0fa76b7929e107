namespace SocialCard.Web.Tests.Infrastructure;

/// <summary>Settings the test command (scripts/test.sh) passes through environment variables.</summary>
public static class TestEnvironment
{
    /// <summary>Connection string of a PostgreSQL server where the tests may create and drop databases.</summary>
    public const string PostgresVariable = "SOCIALCARD_TEST_POSTGRES";

    /// <summary>Folder that collects every test app's log files, scanned afterwards for unmasked ID numbers.</summary>
    public const string LogsVariable = "SOCIALCARD_TEST_LOGS";

    public static string PostgresAdminConnectionString =>
        Environment.GetEnvironmentVariable(PostgresVariable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                $"{PostgresVariable} is not set. Run the tests with scripts/test.sh, which starts a throwaway PostgreSQL cluster, " +
                $"or point {PostgresVariable} at a server where this user may create databases.");

    public static string LogsDirectory
    {
        get
        {
            var dir = Environment.GetEnvironmentVariable(LogsVariable) is { Length: > 0 } value
                ? value
                : Path.Combine(AppContext.BaseDirectory, "test-logs");
            Directory.CreateDirectory(dir);
            return dir;
        }
    }
}
