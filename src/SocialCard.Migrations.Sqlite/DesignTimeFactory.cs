using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using SocialCard.Data;

namespace SocialCard.Migrations.Sqlite;

/// <summary>Used only by `dotnet ef`; the running app configures the context itself.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<AppDbContext>
{
    public AppDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<AppDbContext>()
            .UseProvider(DatabaseProvider.Sqlite, DesignTimeConnectionString)
            .Options;
        return new AppDbContext(options);
    }

    private const string DesignTimeConnectionString = "Data Source=design-time.db";
}
