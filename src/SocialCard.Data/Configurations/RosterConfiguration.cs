using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SocialCard.Core.Api;
using SocialCard.Core.Batches;
using SocialCard.Core.Register;
using SocialCard.Core.Units;

namespace SocialCard.Data.Configurations;

internal sealed class RegisteredPersonConfiguration : IEntityTypeConfiguration<RegisteredPerson>
{
    public void Configure(EntityTypeBuilder<RegisteredPerson> b)
    {
        b.ToTable("register");
        b.Property(r => r.PersonalNumber).HasMaxLength(30).IsRequired();
        b.Property(r => r.Category).HasMaxLength(30);
        b.Property(r => r.Name).HasMaxLength(50).IsRequired();
        b.Property(r => r.IdNumber).HasMaxLength(40).IsRequired();
        b.HasIndex(r => r.PersonalNumber).IsUnique();
        b.HasIndex(r => new { r.UnitId, r.PersonalNumber });
        b.HasOne<Unit>().WithMany().HasForeignKey(r => r.UnitId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class RosterUploadConfiguration : IEntityTypeConfiguration<RosterUpload>
{
    public void Configure(EntityTypeBuilder<RosterUpload> b)
    {
        b.ToTable("roster_uploads");
        b.Property(u => u.FileName).HasMaxLength(260).IsRequired();
        b.Property(u => u.Format).HasMaxLength(10).IsRequired();
        b.Property(u => u.ContentSha256).HasMaxLength(64).IsRequired();
        b.Property(u => u.Actor).HasMaxLength(256).IsRequired();
        b.Property(u => u.Findings).HasColumnName("FindingsJson").HasConversion(RosterFindingsJson.Converter, RosterFindingsJson.Comparer);
        b.HasIndex(u => new { u.BatchId, u.UploadedAt });
        b.HasOne<CollectionBatch>().WithMany().HasForeignKey(u => u.BatchId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ApiKeyConfiguration : IEntityTypeConfiguration<ApiKey>
{
    public void Configure(EntityTypeBuilder<ApiKey> b)
    {
        b.ToTable("api_keys");
        b.Ignore(k => k.IsActive);
        b.Property(k => k.Name).HasMaxLength(100).IsRequired();
        b.Property(k => k.Prefix).HasMaxLength(20).IsRequired();
        b.Property(k => k.Hash).HasMaxLength(64).IsRequired();
        b.Property(k => k.CreatedBy).HasMaxLength(256).IsRequired();
        b.HasIndex(k => k.Hash).IsUnique();
        b.HasOne<Unit>().WithMany().HasForeignKey(k => k.UnitId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class RosterConflictConfiguration : IEntityTypeConfiguration<RosterConflict>
{
    public void Configure(EntityTypeBuilder<RosterConflict> b)
    {
        b.ToTable("roster_conflicts");
        b.Ignore(c => c.IsOpen);
        b.Property(c => c.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(c => c.Resolution).HasConversion<string>().HasMaxLength(20);
        b.Property(c => c.PersonName).HasMaxLength(50).IsRequired();
        b.Property(c => c.ResolvedBy).HasMaxLength(256);
        b.Property(c => c.RowValues).HasConversion(JsonColumn.ListOf<string?>(), JsonColumn.ListComparer<string?>());
        b.HasIndex(c => new { c.BatchId, c.Resolution });
        b.HasOne<CollectionBatch>().WithMany().HasForeignKey(c => c.BatchId).OnDelete(DeleteBehavior.Cascade);
    }
}
