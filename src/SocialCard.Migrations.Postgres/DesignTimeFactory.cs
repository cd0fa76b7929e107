using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using SocialCard.Data;

namespace SocialCard.Migrations.Postgres;

/// <summary>Used only by `dotnet ef`; the running app configures the context itself.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<AppDbContext>
{
    public AppDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<AppDbContext>()
            .UseProvider(DatabaseProvider.Postgres, DesignTimeConnectionString)
            .Options;
        return new AppDbContext(options);
    }

    // Never opened by `migrations add` or `has-pending-model-changes`.
    private const string DesignTimeConnectionString = "Host=localhost;Database=socialcard;Username=socialcard";
}
