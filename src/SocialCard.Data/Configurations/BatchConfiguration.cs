using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SocialCard.Core.Batches;
using SocialCard.Core.Units;

namespace SocialCard.Data.Configurations;

internal sealed class BatchConfiguration : IEntityTypeConfiguration<CollectionBatch>
{
    public void Configure(EntityTypeBuilder<CollectionBatch> b)
    {
        b.ToTable("batches");
        b.Property(x => x.Title).HasMaxLength(CollectionBatch.TitleMaxLength).IsRequired();
        b.Property(x => x.ReturnReason).HasMaxLength(500);
        b.Property(x => x.SummaryDigest).HasMaxLength(32);
        b.HasIndex(x => x.SummaryDigest);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasIndex(x => new { x.UnitId, x.Status });
        b.HasOne(x => x.Unit).WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(x => x.History).WithOne().HasForeignKey(t => t.BatchId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(x => x.History).HasField("_history").UsePropertyAccessMode(PropertyAccessMode.Field);
        b.HasMany(x => x.Persons).WithOne().HasForeignKey(p => p.BatchId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(x => x.Persons).HasField("_persons").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class BatchTransitionConfiguration : IEntityTypeConfiguration<BatchTransition>
{
    public void Configure(EntityTypeBuilder<BatchTransition> b)
    {
        b.ToTable("batch_transitions");
        b.Property(x => x.Actor).HasMaxLength(256).IsRequired();
        b.Property(x => x.Reason).HasMaxLength(500);
    }
}
