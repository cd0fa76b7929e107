using System.Net.Sockets;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using SocialCard.Data;

namespace SocialCard.Web.Infrastructure;

/// <summary>Applies the provider's migrations before the portal serves requests, turning the usual failures into fixes.</summary>
public static class DatabaseStartup
{
    public static async Task MigrateAsync(IServiceProvider services, DatabaseProvider provider, CancellationToken ct = default)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        try
        {
            await db.Database.MigrateAsync(ct);
        }
        catch (Exception ex) when (provider == DatabaseProvider.Postgres && IsConnectionFailure(ex))
        {
            throw new StartupException(
                $"Cannot reach PostgreSQL ({Describe(db)}): {ex.GetBaseException().Message}. Start the server " +
                "(docker compose up -d db), or fix Database:ConnectionString (host, port, database, user, password).", ex);
        }
        catch (SqliteException ex)
        {
            throw new StartupException(
                $"Cannot open the SQLite database ({Describe(db)}): {ex.Message}. Check that the data folder " +
                "(Database:DataDirectory) is writable and the file is not a different or damaged database.", ex);
        }
    }

    private static bool IsConnectionFailure(Exception ex) =>
        ex.GetBaseException() is SocketException or NpgsqlException or TimeoutException or System.ComponentModel.Win32Exception
        || ex is NpgsqlException or InvalidOperationException { InnerException: NpgsqlException };

    private static string Describe(AppDbContext db)
    {
        var connection = db.Database.GetDbConnection();
        return string.IsNullOrEmpty(connection.DataSource)
            ? connection.Database
            : $"{connection.DataSource}/{connection.Database}";
    }
}
