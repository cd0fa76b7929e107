using SocialCard.Data;

namespace SocialCard.Web.Infrastructure;

/// <summary>The "Database" configuration section.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    /// <summary>Sqlite (default, a file created on first run) or Postgres.</summary>
    public string Provider { get; set; } = nameof(DatabaseProvider.Sqlite);

    /// <summary>For Postgres: an Npgsql connection string. For Sqlite: optional; defaults to a file in <see cref="DataDirectory"/>.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>Folder for the SQLite file (relative paths are relative to the content root).</summary>
    public string DataDirectory { get; set; } = "data";

    public (DatabaseProvider Provider, string ConnectionString) Resolve(string contentRoot)
    {
        if (!Enum.TryParse<DatabaseProvider>(Provider, ignoreCase: true, out var provider))
        {
            throw new StartupException(
                $"Database:Provider is '{Provider}'. Set it to 'Sqlite' (embedded, the default) or 'Postgres' " +
                "(then also set Database:ConnectionString, e.g. Database__ConnectionString=\"Host=localhost;Database=socialcard;Username=socialcard;Password=...\").");
        }

        if (provider == DatabaseProvider.Postgres)
        {
            if (string.IsNullOrWhiteSpace(ConnectionString))
            {
                throw new StartupException(
                    "Database:Provider is Postgres but Database:ConnectionString is empty. Set it, e.g. " +
                    "Database__ConnectionString=\"Host=localhost;Port=5432;Database=socialcard;Username=socialcard;Password=...\".");
            }

            return (provider, ConnectionString);
        }

        if (!string.IsNullOrWhiteSpace(ConnectionString))
        {
            return (provider, ConnectionString);
        }

        var directory = Path.GetFullPath(Path.Combine(contentRoot, DataDirectory));
        try
        {
            Directory.CreateDirectory(directory);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new StartupException(
                $"Cannot create the data folder '{directory}' for the SQLite database ({ex.Message}). " +
                "Set Database:DataDirectory to a writable folder, or give this user write access.", ex);
        }

        return (provider, $"Data Source={Path.Combine(directory, "socialcard.db")}");
    }
}
