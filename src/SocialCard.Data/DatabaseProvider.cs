using Microsoft.EntityFrameworkCore;

namespace SocialCard.Data;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

/// <summary>Points EF Core at the chosen provider and at that provider's migrations assembly.</summary>
public static class DatabaseSetup
{
    public const string SqliteMigrationsAssembly = "SocialCard.Migrations.Sqlite";
    public const string PostgresMigrationsAssembly = "SocialCard.Migrations.Postgres";

    public static TBuilder UseProvider<TBuilder>(this TBuilder options, DatabaseProvider provider, string connectionString)
        where TBuilder : DbContextOptionsBuilder
    {
        _ = provider switch
        {
            // Large "IN (…)" lists (100,000 ID numbers of a roster) go as one array/JSON parameter:
            // EF 10's default of one parameter per value exceeds SQLite's variable limit.
            DatabaseProvider.Sqlite => options.UseSqlite(connectionString, o => o.MigrationsAssembly(SqliteMigrationsAssembly).UseParameterizedCollectionMode(ParameterTranslationMode.Parameter)),
            DatabaseProvider.Postgres => options.UseNpgsql(connectionString, o => o.MigrationsAssembly(PostgresMigrationsAssembly).UseParameterizedCollectionMode(ParameterTranslationMode.Parameter)),
            _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, "Unknown database provider."),
        };
        return options;
    }
}
