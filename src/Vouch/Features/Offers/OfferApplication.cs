using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Vouch.Data;
using Vouch.Features.Contacts;

namespace Vouch.Features.Offers;

/// <summary>Applied, then accepted by the team and delivered (a give in the ledger); or withdrawn, or declined.</summary>
public enum ApplicationState { Applied, Accepted, Delivered, Withdrawn, Declined }

/// <summary>Who put the advocate forward: they themselves in the portal, or the reference team on their behalf.</summary>
public enum AppliedBy { Advocate, Team }

/// <summary>An advocate's application to an offer; one per advocate and offer.</summary>
public sealed class OfferApplication : IVersioned
{
    public const int ByNameMaxLength = 256;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid OfferId { get; set; }
    public Offer? Offer { get; set; }
    public Guid ContactId { get; set; }
    public Contact? Contact { get; set; }
    public ApplicationState State { get; set; }
    public AppliedBy AppliedBy { get; set; }

    /// <summary>The user who applied, as the audit names them (an email).</summary>
    public required string AppliedByName { get; set; }
    public DateTimeOffset AppliedAt { get; set; }

    /// <summary>When it was last moved on: accepted, declined, delivered or withdrawn.</summary>
    public DateTimeOffset? ChangedAt { get; set; }
    public Guid Version { get; set; } = Guid.NewGuid();

    /// <summary>Whether it holds a seat of the offer.</summary>
    public bool TakesSeat => State is ApplicationState.Accepted or ApplicationState.Delivered;
}

internal sealed class OfferApplicationConfiguration : IEntityTypeConfiguration<OfferApplication>
{
    public void Configure(EntityTypeBuilder<OfferApplication> builder)
    {
        builder.Property(a => a.State).HasConversion<string>().HasMaxLength(10);
        builder.Property(a => a.AppliedBy).HasConversion<string>().HasMaxLength(10);
        builder.Property(a => a.AppliedByName).HasMaxLength(OfferApplication.ByNameMaxLength);
        builder.Property(a => a.Version).IsConcurrencyToken();
        builder.Ignore(a => a.TakesSeat);
        builder.HasOne(a => a.Offer).WithMany().HasForeignKey(a => a.OfferId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(a => a.Contact).WithMany().HasForeignKey(a => a.ContactId).OnDelete(DeleteBehavior.Cascade);
        // One application per advocate and offer, even when two people apply for them at once.
        builder.HasIndex(a => new { a.OfferId, a.ContactId }).IsUnique();
        builder.HasIndex(a => a.ContactId);
    }
}
