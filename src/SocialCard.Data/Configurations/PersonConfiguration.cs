using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SocialCard.Core.Auditing;
using SocialCard.Core.Exports;
using SocialCard.Core.Persons;
using SocialCard.Core.Review;
using SocialCard.Core.Units;

namespace SocialCard.Data.Configurations;

internal sealed class PersonConfiguration : IEntityTypeConfiguration<InsuredPerson>
{
    public void Configure(EntityTypeBuilder<InsuredPerson> b)
    {
        b.ToTable("persons");
        b.Ignore(p => p.MaskedIdNumber);
        b.Ignore(p => p.IsHeldByHall);
        b.Property(p => p.HallMarkReason).HasMaxLength(InsuredPerson.ReasonMaxLength);
        b.Property(p => p.HallMarkedBy).HasMaxLength(256);
        b.HasOne<Hall>().WithMany().HasForeignKey(p => p.OnSitePhotoHallId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<DataExport>().WithMany().HasForeignKey(p => p.ExportId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(p => new { p.HallMark, p.OnSitePhotoDate });
        b.HasIndex(p => new { p.UnitId, p.ExportId });
        b.Property(p => p.PersonalNumber).HasMaxLength(InsuredPerson.CodeMaxLength);
        b.Property(p => p.Category).HasMaxLength(InsuredPerson.CodeMaxLength);
        b.Property(p => p.Name).HasMaxLength(InsuredPerson.NameMaxLength).IsRequired();
        b.Property(p => p.IdNumber).HasMaxLength(InsuredPerson.IdNumberMaxLength).IsRequired();
        b.Property(p => p.EthnicityCode).HasMaxLength(InsuredPerson.EthnicityMaxLength);
        b.Property(p => p.Phone).HasMaxLength(30);
        b.Property(p => p.Postcode).HasMaxLength(10);
        b.Property(p => p.OriginalName).HasMaxLength(InsuredPerson.NameMaxLength);
        b.Property(p => p.OriginalIdNumber).HasMaxLength(InsuredPerson.IdNumberMaxLength);
        b.Property(p => p.Findings).HasConversion(FindingsJson.Converter, FindingsJson.Comparer);
        b.Property(p => p.Address).HasMaxLength(InsuredPerson.TextMaxLength);
        b.Property(p => p.ClassOrDepartment).HasMaxLength(InsuredPerson.TextMaxLength);
        b.Property(p => p.Version).IsConcurrencyToken();
        b.HasOne<Unit>().WithMany().HasForeignKey(p => p.UnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(p => new { p.UnitId, p.IdNumber });
        b.HasIndex(p => p.IdNumber);
        b.HasIndex(p => new { p.BatchId, p.PersonalNumber });
        b.Property(p => p.UniqueIdNumber).HasMaxLength(InsuredPerson.IdNumberMaxLength);
        b.HasIndex(p => new { p.BatchId, p.UniqueIdNumber }).IsUnique();
    }
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> b)
    {
        b.ToTable("audit_entries");
        b.Property(a => a.Actor).HasMaxLength(256).IsRequired();
        b.Property(a => a.Action).HasMaxLength(50).IsRequired();
        b.Property(a => a.EntityType).HasMaxLength(50).IsRequired();
        b.Property(a => a.EntityId).HasMaxLength(50).IsRequired();
        b.Property(a => a.Changes).HasMaxLength(4000);
        b.HasIndex(a => a.At);
        b.HasIndex(a => new { a.UnitId, a.At });
    }
}

internal sealed class PersonComparisonConfiguration : IEntityTypeConfiguration<PersonComparison>
{
    public void Configure(EntityTypeBuilder<PersonComparison> b)
    {
        b.ToTable("person_comparisons");
        b.HasKey(c => c.PersonId);
        b.Property(c => c.PersonId).ValueGeneratedNever();
        b.Ignore(c => c.RegistryHasPhoto);
        b.Ignore(c => c.Differences);
        b.Property(c => c.RegistryName).HasMaxLength(InsuredPerson.NameMaxLength);
        b.Property(c => c.RegistryEthnicityCode).HasMaxLength(InsuredPerson.EthnicityMaxLength);
        b.HasOne<InsuredPerson>().WithOne().HasForeignKey<PersonComparison>(c => c.PersonId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(c => new { c.BatchId, c.Outcome });
    }
}

internal sealed class DataExportConfiguration : IEntityTypeConfiguration<DataExport>
{
    public void Configure(EntityTypeBuilder<DataExport> b)
    {
        b.ToTable("data_exports");
        b.Property(e => e.FileName).HasMaxLength(DataExport.FileNameMaxLength).IsRequired();
        b.Property(e => e.CreatedBy).HasMaxLength(256).IsRequired();
        b.Property(e => e.Sha256).HasMaxLength(64).IsRequired();
        b.Property(e => e.StoredPath).HasMaxLength(400).IsRequired();
        b.HasOne<Unit>().WithMany().HasForeignKey(e => e.UnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(e => new { e.UnitId, e.Number }).IsUnique();
    }
}
