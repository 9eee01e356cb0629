using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Vouch.Features.Catalog;

/// <summary>A product the company sells, read and written by name or key.</summary>
public sealed class Product
{
    public const int NameMaxLength = 100;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public required string Key { get; set; }
    public required string Name { get; set; }
}

internal sealed class ProductConfiguration : IEntityTypeConfiguration<Product>
{
    public void Configure(EntityTypeBuilder<Product> builder)
    {
        builder.Property(p => p.Key).HasMaxLength(Product.NameMaxLength);
        builder.Property(p => p.Name).HasMaxLength(Product.NameMaxLength);
        builder.HasIndex(p => p.Key).IsUnique();
        builder.HasIndex(p => p.Name).IsUnique();
    }
}
