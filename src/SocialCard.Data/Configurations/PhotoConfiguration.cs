using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SocialCard.Core.Persons;
using SocialCard.Core.Photos;

namespace SocialCard.Data.Configurations;

internal sealed class PhotoConfiguration : IEntityTypeConfiguration<PersonPhoto>
{
    public void Configure(EntityTypeBuilder<PersonPhoto> b)
    {
        b.ToTable("person_photos");
        b.Ignore(p => p.HasErrors);
        b.Property(p => p.FileName).HasMaxLength(200).IsRequired();
        b.Property(p => p.Hash).HasMaxLength(64).IsRequired();
        b.Property(p => p.UploadedBy).HasMaxLength(256).IsRequired();
        b.Property(p => p.OverrideReason).HasMaxLength(200);
        b.Property(p => p.OverriddenBy).HasMaxLength(256);
        b.Property(p => p.Findings).HasConversion(FindingsJson.Converter, FindingsJson.Comparer);
        b.Property(p => p.Measurements).HasColumnName("InspectionJson").HasConversion(JsonColumn.ListOf<Measurement>(), JsonColumn.ListComparer<Measurement>());
        b.HasIndex(p => new { p.PersonId, p.Kind, p.IsCurrent });
        b.HasOne<InsuredPerson>().WithMany().HasForeignKey(p => p.PersonId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class PhotoUploadConfiguration : IEntityTypeConfiguration<PhotoUpload>
{
    public void Configure(EntityTypeBuilder<PhotoUpload> b)
    {
        b.ToTable("photo_uploads");
        b.Property(p => p.FileName).HasMaxLength(200).IsRequired();
        b.Property(p => p.Actor).HasMaxLength(256).IsRequired();
        b.Property(p => p.Report).HasJsonConversion("ReportJson", () => new PhotoReport([], []));
        b.HasOne<Core.Batches.CollectionBatch>().WithMany().HasForeignKey(p => p.BatchId).OnDelete(DeleteBehavior.Cascade);
    }
}
