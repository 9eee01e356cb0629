using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Vouch.Data;
using Vouch.Features.Catalog;
using Vouch.Features.Users;

namespace Vouch.Features.Accounts;

public enum Segment { SmallBusiness, MidMarket, Enterprise }

public enum Region { NorthAmerica, LatinAmerica, Emea, Apac }

/// <summary>A customer company (or a prospect): what it is, what it buys and who owns it.</summary>
public sealed class Account : ISoftDeletable, IVersioned
{
    public const int NameMaxLength = 200;
    public const int ExternalIdMaxLength = 64;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public required string Name { get; set; }
    public Guid? IndustryId { get; set; }
    public Industry? Industry { get; set; }
    public Segment? Segment { get; set; }
    public Region? Region { get; set; }

    /// <summary>ISO 3166 alpha-2 code; see <see cref="Countries"/>.</summary>
    public string? CountryCode { get; set; }
    public int? Employees { get; set; }

    /// <summary>Annual revenue the company earns from this customer (not the customer's own revenue).</summary>
    public decimal? AnnualRevenue { get; set; }
    public decimal? GrossProfit { get; set; }
    public DateOnly? CustomerSince { get; set; }
    public DateOnly? ContractDate { get; set; }
    public Guid? OwnerId { get; set; }
    public User? Owner { get; set; }

    /// <summary>The owner's id in the CRM, kept until a Vouch user with that id exists.</summary>
    public string? ExternalOwnerId { get; set; }
    public List<string> CompetitorsReplaced { get; set; } = [];
    public List<Product> Products { get; set; } = [];

    /// <summary>The record's id in the CRM it came from.</summary>
    public string? ExternalId { get; set; }
    public DateTimeOffset? DeletedAt { get; set; }

    /// <summary>Changes on every save; a save that carries an older version is refused.</summary>
    public Guid Version { get; set; } = Guid.NewGuid();
}

internal sealed class AccountConfiguration : IEntityTypeConfiguration<Account>
{
    public void Configure(EntityTypeBuilder<Account> builder)
    {
        builder.Property(a => a.Name).HasMaxLength(Account.NameMaxLength);
        builder.Property(a => a.Segment).HasConversion<string>().HasMaxLength(20);
        builder.Property(a => a.Region).HasConversion<string>().HasMaxLength(20);
        builder.Property(a => a.CountryCode).HasMaxLength(2).IsFixedLength();
        builder.Property(a => a.AnnualRevenue).HasPrecision(18, 2);
        builder.Property(a => a.GrossProfit).HasPrecision(18, 2);
        builder.Property(a => a.ExternalId).HasMaxLength(Account.ExternalIdMaxLength);
        builder.Property(a => a.ExternalOwnerId).HasMaxLength(Account.ExternalIdMaxLength);
        builder.HasQueryFilter(a => a.DeletedAt == null);
        builder.Property(a => a.Version).IsConcurrencyToken();
        builder.HasOne(a => a.Industry).WithMany().OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(a => a.Owner).WithMany().OnDelete(DeleteBehavior.SetNull);
        builder.HasMany(a => a.Products).WithMany().UsingEntity("AccountProducts");
        // The search pages through accounts ordered by name, then id; this index serves that order directly.
        builder.HasIndex(a => new { a.Name, a.Id });
        builder.HasIndex(a => a.CountryCode);
        builder.HasIndex(a => a.ExternalId).IsUnique();
        // Every list counts the accounts that are not deleted: from this small index rather than from every row.
        builder.HasIndex(a => a.DeletedAt);
    }
}
