using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Vouch.Data;

namespace Vouch.Features.Catalog;

/// <summary>An industry, read and written by name or key ("Banking" or "banking").</summary>
public sealed class Industry
{
    public const int NameMaxLength = 100;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public required string Key { get; set; }
    public required string Name { get; set; }

    /// <summary>Salesforce's standard Industry picklist: what CRM exports and most programs already use.</summary>
    public static readonly IReadOnlyList<string> StandardNames =
    [
        "Agriculture", "Apparel", "Banking", "Biotechnology", "Chemicals", "Communications", "Construction",
        "Consulting", "Education", "Electronics", "Energy", "Engineering", "Entertainment", "Environmental",
        "Finance", "Food & Beverage", "Government", "Healthcare", "Hospitality", "Insurance", "Machinery",
        "Manufacturing", "Media", "Not For Profit", "Other", "Recreation", "Retail", "Shipping", "Technology",
        "Telecommunications", "Transportation", "Utilities",
    ];

    public static Industry Standard(string name) =>
        new() { Id = StableId.For("industry:" + Keys.FromName(name)), Key = Keys.FromName(name), Name = name };
}

internal sealed class IndustryConfiguration : IEntityTypeConfiguration<Industry>
{
    public void Configure(EntityTypeBuilder<Industry> builder)
    {
        builder.Property(i => i.Key).HasMaxLength(Industry.NameMaxLength);
        builder.Property(i => i.Name).HasMaxLength(Industry.NameMaxLength);
        builder.HasIndex(i => i.Key).IsUnique();
        builder.HasIndex(i => i.Name).IsUnique();
        builder.HasData(Industry.StandardNames.Select(Industry.Standard));
    }
}
