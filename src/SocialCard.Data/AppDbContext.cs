using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using SocialCard.Core.Api;
using SocialCard.Core.Auditing;
using SocialCard.Core.Batches;
using SocialCard.Core.Common;
using SocialCard.Core.Exports;
using SocialCard.Core.Persons;
using SocialCard.Core.Photos;
using SocialCard.Core.Register;
using SocialCard.Core.Review;
using SocialCard.Core.Units;

namespace SocialCard.Data;

public sealed class AppDbContext(DbContextOptions<AppDbContext> options) : IdentityDbContext<AppUser>(options)
{
    public DbSet<Unit> Units => Set<Unit>();

    public DbSet<Hall> Halls => Set<Hall>();

    public DbSet<CollectionBatch> Batches => Set<CollectionBatch>();

    public DbSet<BatchTransition> BatchTransitions => Set<BatchTransition>();

    public DbSet<InsuredPerson> Persons => Set<InsuredPerson>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<RegisteredPerson> Register => Set<RegisteredPerson>();

    public DbSet<RosterUpload> RosterUploads => Set<RosterUpload>();

    public DbSet<RosterConflict> RosterConflicts => Set<RosterConflict>();

    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();

    public DbSet<PersonPhoto> Photos => Set<PersonPhoto>();

    public DbSet<PhotoUpload> PhotoUploads => Set<PhotoUpload>();

    public DbSet<PersonComparison> Comparisons => Set<PersonComparison>();

    public DbSet<DataExport> Exports => Set<DataExport>();

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        RenewVersions();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        RenewVersions();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite has no DateTimeOffset type and cannot ORDER BY the default text form; all times are UTC,
        // so a sortable binary form loses nothing. PostgreSQL keeps its native timestamptz.
        if (Database.IsSqlite())
        {
            configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
        }
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);
    }

    /// <summary>
    /// The concurrency token is managed here rather than by the database, because a rowversion column
    /// never changes on SQLite. The original value stays in the WHERE clause, the new one is written.
    /// </summary>
    private void RenewVersions()
    {
        foreach (var entry in ChangeTracker.Entries<IVersioned>())
        {
            if (entry.State is EntityState.Added or EntityState.Modified)
            {
                entry.Entity.Version = Guid.NewGuid();
            }
        }
    }
}
