using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SocialCard.Core.Units;

namespace SocialCard.Data.Configurations;

internal sealed class UnitConfiguration : IEntityTypeConfiguration<Unit>
{
    public void Configure(EntityTypeBuilder<Unit> b)
    {
        b.ToTable("units");
        b.Property(u => u.Number).HasMaxLength(Unit.NumberMaxLength).IsRequired();
        b.HasIndex(u => u.Number).IsUnique();
        b.Property(u => u.Name).HasMaxLength(100).IsRequired();
        b.Property(u => u.ContactPerson).HasMaxLength(50);
        b.Property(u => u.Phone).HasMaxLength(30);
        b.Property(u => u.Email).HasMaxLength(100);
        b.Property(u => u.Address).HasMaxLength(200);
        b.Property(u => u.Version).IsConcurrencyToken();
        b.HasOne(u => u.Hall).WithMany().HasForeignKey(u => u.HallId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class HallConfiguration : IEntityTypeConfiguration<Hall>
{
    public void Configure(EntityTypeBuilder<Hall> b)
    {
        b.ToTable("halls");
        b.Property(h => h.Code).HasMaxLength(20).IsRequired();
        b.HasIndex(h => h.Code).IsUnique();
        b.Property(h => h.Name).HasMaxLength(100).IsRequired();
        b.Property(h => h.Address).HasMaxLength(200);
        b.Property(h => h.Version).IsConcurrencyToken();
    }
}
