using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Vouch.Data;
using Vouch.Features.Accounts;

namespace Vouch.Features.AccountReviews;

/// <summary>How delivery stands at an account, as its review (QBR) judged it: the scale has three steps, no more.</summary>
public enum DeliveryHealth { Green, Amber, Red }

/// <summary>
/// A periodic review of an account (a QBR): scheduled on a day, held (or not yet), with the delivery's health as the
/// review found it. The account's current health is that of its latest held review.
/// </summary>
public sealed class AccountReview : IVersioned
{
    public const int NotesMaxLength = 4_000;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid AccountId { get; set; }
    public Account? Account { get; set; }
    public DateOnly ScheduledOn { get; set; }

    /// <summary>The day it took place; none while it is still to come.</summary>
    public DateOnly? HeldOn { get; set; }

    /// <summary>Set when the review is held.</summary>
    public DeliveryHealth? Health { get; set; }
    public string? Notes { get; set; }
    public Guid Version { get; set; } = Guid.NewGuid();
}

/// <summary>
/// A delivery problem a customer escalated, raised at a review and open until it is closed. An open escalation holds
/// asks of the account's contacts whatever the health says.
/// </summary>
public sealed class Escalation
{
    public const int TitleMaxLength = 200;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid AccountId { get; set; }

    /// <summary>The review it was raised at.</summary>
    public Guid ReviewId { get; set; }
    public required string Title { get; set; }
    public DateOnly OpenedOn { get; set; }
    public DateOnly? ClosedOn { get; set; }
}

internal sealed class AccountReviewConfiguration : IEntityTypeConfiguration<AccountReview>
{
    public void Configure(EntityTypeBuilder<AccountReview> builder)
    {
        builder.ToTable("AccountReviews");
        builder.Property(r => r.Health).HasConversion<string>().HasMaxLength(10);
        builder.Property(r => r.Notes).HasMaxLength(AccountReview.NotesMaxLength);
        builder.Property(r => r.Version).IsConcurrencyToken();
        builder.HasOne(r => r.Account).WithMany().HasForeignKey(r => r.AccountId).OnDelete(DeleteBehavior.Cascade);
        // The account's latest held review and its next one; the calendar by day.
        builder.HasIndex(r => new { r.AccountId, r.ScheduledOn });
        builder.HasIndex(r => r.ScheduledOn);
        builder.HasMany<Escalation>().WithOne().HasForeignKey(e => e.ReviewId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class EscalationConfiguration : IEntityTypeConfiguration<Escalation>
{
    public void Configure(EntityTypeBuilder<Escalation> builder)
    {
        builder.ToTable("Escalations");
        builder.Property(e => e.Title).HasMaxLength(Escalation.TitleMaxLength);
        builder.HasOne<Account>().WithMany().HasForeignKey(e => e.AccountId).OnDelete(DeleteBehavior.Cascade);
        // Matching reads the open escalations of the shortlisted accounts.
        builder.HasIndex(e => new { e.AccountId, e.ClosedOn });
    }
}
