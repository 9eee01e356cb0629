using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Vouch.Data;
using Vouch.Features.Contacts;
using Vouch.Features.Engagements;

namespace Vouch.Features.Reviews;

/// <summary>Invited, reminded (once), reviewed with the review's link, verified by the reference team; or withdrawn.</summary>
public enum InvitationState { Invited, Reminded, Reviewed, Verified, Withdrawn }

/// <summary>One advocate invited to review in a campaign: an ask in their ledger from the moment they are invited.</summary>
public sealed class ReviewInvitation : IVersioned
{
    public const int ReviewUrlMaxLength = 2000;
    public const int ByMaxLength = 256;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid CampaignId { get; set; }
    public ReviewCampaign? Campaign { get; set; }
    public Guid ContactId { get; set; }
    public Contact? Contact { get; set; }
    public InvitationState State { get; set; }
    public DateTimeOffset InvitedAt { get; set; }

    /// <summary>The one reminder; a second is refused.</summary>
    public DateTimeOffset? RemindedAt { get; set; }
    public DateTimeOffset? ReviewedAt { get; set; }
    public string? ReviewUrl { get; set; }
    public DateTimeOffset? VerifiedAt { get; set; }

    /// <summary>Who verified the review, as the audit names them (an email).</summary>
    public string? VerifiedBy { get; set; }

    /// <summary>The ask in the ledger: scheduled while invited, completed once verified, released when withdrawn.</summary>
    public Guid? EngagementId { get; set; }
    public Guid Version { get; set; } = Guid.NewGuid();

    /// <summary>Whether the invitee wrote a review (verified or not yet).</summary>
    public bool HasReviewed => State is InvitationState.Reviewed or InvitationState.Verified;
}

internal sealed class ReviewInvitationConfiguration : IEntityTypeConfiguration<ReviewInvitation>
{
    public void Configure(EntityTypeBuilder<ReviewInvitation> builder)
    {
        builder.Property(i => i.State).HasConversion<string>().HasMaxLength(10);
        builder.Property(i => i.ReviewUrl).HasMaxLength(ReviewInvitation.ReviewUrlMaxLength);
        builder.Property(i => i.VerifiedBy).HasMaxLength(ReviewInvitation.ByMaxLength);
        builder.Property(i => i.Version).IsConcurrencyToken();
        builder.Ignore(i => i.HasReviewed);
        builder.HasOne(i => i.Campaign).WithMany().HasForeignKey(i => i.CampaignId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(i => i.Contact).WithMany().HasForeignKey(i => i.ContactId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Engagement>().WithMany().HasForeignKey(i => i.EngagementId).OnDelete(DeleteBehavior.SetNull);
        // One invitation per advocate and campaign, even when two people invite them at once.
        builder.HasIndex(i => new { i.CampaignId, i.ContactId }).IsUnique();
        // A refresh campaign reads each invitee's last review on the site.
        builder.HasIndex(i => new { i.ContactId, i.ReviewedAt });
    }
}
