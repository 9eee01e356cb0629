using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Vouch.Data;
using Vouch.Features.Accounts;
using Vouch.Features.Catalog;
using Vouch.Features.Users;

namespace Vouch.Features.Opportunities;

/// <summary>A sales deal at an account: what references are requested for and credited against.</summary>
public sealed class Opportunity : IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid AccountId { get; set; }
    public Account? Account { get; set; }
    public required string Name { get; set; }
    public decimal Amount { get; set; }
    public required string Stage { get; set; }
    public DateOnly CloseDate { get; set; }

    /// <summary>
    /// The day the deal was opened: the day it was created in Vouch, or the CRM's created date. With the close date it
    /// gives the length of the sales cycle; a deal imported without one has none.
    /// </summary>
    public DateOnly? OpenedOn { get; set; }
    public bool IsClosed { get; set; }
    public bool IsWon { get; set; }
    public string? Competitor { get; set; }
    public Guid? OwnerId { get; set; }
    public User? Owner { get; set; }

    /// <summary>The owner's id in the CRM, kept until a Vouch user with that id exists.</summary>
    public string? ExternalOwnerId { get; set; }
    public List<Product> Products { get; set; } = [];
    public string? ExternalId { get; set; }
    public Guid Version { get; set; } = Guid.NewGuid();
}

internal sealed class OpportunityConfiguration : IEntityTypeConfiguration<Opportunity>
{
    public void Configure(EntityTypeBuilder<Opportunity> builder)
    {
        builder.Property(o => o.Name).HasMaxLength(Account.NameMaxLength);
        builder.Property(o => o.Stage).HasMaxLength(40);
        builder.Property(o => o.Competitor).HasMaxLength(100);
        builder.Property(o => o.Amount).HasPrecision(18, 2);
        builder.Property(o => o.ExternalId).HasMaxLength(Account.ExternalIdMaxLength);
        builder.Property(o => o.ExternalOwnerId).HasMaxLength(Account.ExternalIdMaxLength);
        builder.Property(o => o.Version).IsConcurrencyToken();
        builder.HasMany(o => o.Products).WithMany().UsingEntity("OpportunityProducts");
        builder.HasOne(o => o.Account).WithMany().HasForeignKey(o => o.AccountId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(o => o.Owner).WithMany().OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(o => o.AccountId);
        // The won deals of a set of accounts (the event conversion report) are read from this index alone.
        builder.HasIndex(o => new { o.AccountId, o.CloseDate, o.Amount }, "IX_Opportunities_Won").HasFilter("\"IsWon\"");
        builder.HasIndex(o => o.ExternalId).IsUnique();
    }
}
