using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.EntityFrameworkCore;
using SocialCard.Data;

namespace SocialCard.Web.Infrastructure;

/// <summary>The "DataProtection" configuration section: where the keys of cookies and antiforgery tokens live.</summary>
public sealed class DataProtectionSettings
{
    public const string Section = "DataProtection";

    /// <summary>Folder of the key ring, relative to the content root; beside the data, so sign-ins survive a restart.</summary>
    public string KeysDirectory { get; set; } = "data/keys";
}

/// <summary>The database (SQLite by default, PostgreSQL in production), the audit log and the data-protection keys.</summary>
public static class DatabaseSetup
{
    public static IServiceCollection AddPortalDatabase(this IServiceCollection services)
    {
        services.AddSettings<DatabaseOptions>(DatabaseOptions.Section);
        services.AddSingleton(sp =>
        {
            var resolved = sp.GetRequiredService<DatabaseOptions>().Resolve(sp.GetRequiredService<IHostEnvironment>().ContentRootPath);
            return new ResolvedDatabase(resolved.Provider, resolved.ConnectionString);
        });
        services.AddDbContext<AppDbContext>((sp, options) =>
        {
            var database = sp.GetRequiredService<ResolvedDatabase>();
            options.UseProvider(database.Provider, database.ConnectionString);
        });
        services.AddScoped<AuditLog>();

        services.AddSettings<DataProtectionSettings>(DataProtectionSettings.Section, s =>
        {
            if (string.IsNullOrWhiteSpace(s.KeysDirectory))
            {
                throw new StartupException("DataProtection:KeysDirectory is empty; give a folder for the key ring (default data/keys).");
            }
        });
        services.AddDataProtection().SetApplicationName("SocialCard");
        services.AddOptions<KeyManagementOptions>().Configure<DataProtectionSettings, IHostEnvironment, ILoggerFactory>((o, settings, env, logs) =>
            o.XmlRepository = new FileSystemXmlRepository(new DirectoryInfo(Path.GetFullPath(Path.Combine(env.ContentRootPath, settings.KeysDirectory))), logs));
        return services;
    }
}

public sealed record ResolvedDatabase(DatabaseProvider Provider, string ConnectionString);
