using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Vouch.Features.Accounts;
using Vouch.Features.ActivityTypes;
using Vouch.Features.Catalog;
using Vouch.Features.Contacts;
using Vouch.Features.Engagements;
using Vouch.Features.Opportunities;
using Vouch.Features.Users;

namespace Vouch.Features.Requests;

/// <summary>
/// Where a request is. The happy path runs from <see cref="Submitted"/> to <see cref="FeedbackRecorded"/>;
/// <see cref="Declined"/>, <see cref="Cancelled"/> and <see cref="Expired"/> end it early.
/// </summary>
public enum RequestStatus
{
    Submitted,
    CandidateProposed,
    OwnerApproved,
    Accepted,
    Scheduled,
    Completed,
    FeedbackRecorded,
    Declined,
    Cancelled,
    Expired,
}

/// <summary>A seller's ask for an advocate: for which deal or campaign, which activity, like whom, by when.</summary>
public sealed class ReferenceRequest
{
    public const int TextMaxLength = 2_000;
    public const int ReasonMaxLength = 500;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid RequesterId { get; set; }
    public User? Requester { get; set; }

    /// <summary>The deal it is for; none when marketing asks for a campaign.</summary>
    public Guid? OpportunityId { get; set; }
    public Opportunity? Opportunity { get; set; }
    public Guid ActivityTypeId { get; set; }
    public ActivityType? ActivityType { get; set; }
    public DateOnly NeededBy { get; set; }

    // The criteria: what the prospect looks like, so the advocate can resemble it.
    public Guid? IndustryId { get; set; }
    public List<Product> Products { get; set; } = [];
    public Region? Region { get; set; }
    public string? CountryCode { get; set; }
    public int? Employees { get; set; }
    public string? Competitor { get; set; }
    public string? UseCase { get; set; }

    public RequestStatus Status { get; set; }
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>When the current step is due by its service level; none once nothing waits.</summary>
    public DateTimeOffset? StepDueAt { get; set; }

    /// <summary>When the people the step waits on were told it is about to miss its due time; cleared when the step moves on.</summary>
    public DateTimeOffset? SlaWarnedAt { get; set; }

    /// <summary>When an overdue step was handed to the reference managers; cleared when the step moves on.</summary>
    public DateTimeOffset? EscalatedAt { get; set; }

    // The advocate proposed, the capacity held for them, and whose consent it needs.
    public Guid? ContactId { get; set; }
    public Contact? Contact { get; set; }
    public Guid? EngagementId { get; set; }

    /// <summary>The owner of the advocate's account, who consents to the ask; none when the account has no owner.</summary>
    public Guid? AccountOwnerId { get; set; }

    /// <summary>When the advocate was asked: once the owner consented. Before that the advocate does not see the request.</summary>
    public DateTimeOffset? AdvocateAskedAt { get; set; }
    public DateTimeOffset? ScheduledFor { get; set; }

    /// <summary>
    /// The <c>SEQUENCE</c> of the calendar invitation for <see cref="ScheduledFor"/>: 0 when first scheduled, one more with
    /// every new time and with the cancellation, so calendars take each as replacing the one before.
    /// </summary>
    public int InviteSequence { get; set; }

    /// <summary>The times the advocate offered when they accepted, for the seller to pick from.</summary>
    public List<DateTimeOffset> ProposedTimes { get; set; } = [];
    public string? DeclineReason { get; set; }

    // Feedback after the activity.
    public bool? Happened { get; set; }
    public int? Rating { get; set; }
    public bool? Helped { get; set; }
    public string? FeedbackNotes { get; set; }

    public List<RequestTransition> Transitions { get; set; } = [];

    /// <summary>
    /// The stakeholder group of the requester when they asked (sales, marketing…); none when they were in none. Groups are
    /// never deleted, so no foreign key holds it (one would rebuild this table in SQLite).
    /// </summary>
    public Guid? StakeholderGroupId { get; set; }
    public Guid Version { get; set; } = Guid.NewGuid();

    public bool IsOpen => Status is not (RequestStatus.FeedbackRecorded or RequestStatus.Declined or RequestStatus.Cancelled or RequestStatus.Expired);
}

/// <summary>One step a request took: from where to where, when, by whom and why.</summary>
public sealed class RequestTransition
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid RequestId { get; set; }
    public RequestStatus? From { get; set; }
    public RequestStatus To { get; set; }
    public DateTimeOffset At { get; set; }
    public Guid? ByUserId { get; set; }
    public required string ByName { get; set; }
    public string? Note { get; set; }
}

internal sealed class ReferenceRequestConfiguration : IEntityTypeConfiguration<ReferenceRequest>
{
    public void Configure(EntityTypeBuilder<ReferenceRequest> builder)
    {
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.Region).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.CountryCode).HasMaxLength(2).IsFixedLength();
        builder.Property(r => r.Competitor).HasMaxLength(100);
        builder.Property(r => r.UseCase).HasMaxLength(ReferenceRequest.TextMaxLength);
        builder.Property(r => r.DeclineReason).HasMaxLength(ReferenceRequest.ReasonMaxLength);
        builder.Property(r => r.FeedbackNotes).HasMaxLength(ReferenceRequest.TextMaxLength);
        builder.Property(r => r.Version).IsConcurrencyToken();
        builder.Ignore(r => r.IsOpen);
        builder.HasOne(r => r.Requester).WithMany().HasForeignKey(r => r.RequesterId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(r => r.Opportunity).WithMany().HasForeignKey(r => r.OpportunityId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne(r => r.ActivityType).WithMany().HasForeignKey(r => r.ActivityTypeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Industry>().WithMany().HasForeignKey(r => r.IndustryId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne(r => r.Contact).WithMany().HasForeignKey(r => r.ContactId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<Engagement>().WithMany().HasForeignKey(r => r.EngagementId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<User>().WithMany().HasForeignKey(r => r.AccountOwnerId).OnDelete(DeleteBehavior.SetNull);
        builder.HasMany(r => r.Products).WithMany().UsingEntity("ReferenceRequestProducts");
        builder.HasMany(r => r.Transitions).WithOne().HasForeignKey(t => t.RequestId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(r => new { r.RequesterId, r.CreatedAt });
        // Everyone's requests, newest first, as the reference team lists them.
        builder.HasIndex(r => new { r.CreatedAt, r.Id });
        builder.HasIndex(r => new { r.AccountOwnerId, r.Status });
        builder.HasIndex(r => new { r.Status, r.StepDueAt });
        builder.HasIndex(r => r.ContactId);
        builder.HasIndex(r => r.OpportunityId);
    }
}

internal sealed class RequestTransitionConfiguration : IEntityTypeConfiguration<RequestTransition>
{
    public void Configure(EntityTypeBuilder<RequestTransition> builder)
    {
        builder.Property(t => t.From).HasConversion<string>().HasMaxLength(20);
        builder.Property(t => t.To).HasConversion<string>().HasMaxLength(20);
        builder.Property(t => t.ByName).HasMaxLength(256);
        builder.Property(t => t.Note).HasMaxLength(ReferenceRequest.ReasonMaxLength);
        builder.HasIndex(t => new { t.RequestId, t.At });
    }
}
