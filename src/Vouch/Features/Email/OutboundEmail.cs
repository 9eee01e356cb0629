using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Vouch.Data;
using Vouch.Features.Users;

namespace Vouch.Features.Email;

public enum OutboundEmailStatus { Pending, Sent, Failed }

/// <summary>
/// An email in the outbox: queued in the same transaction as the notification or the calendar invitation it carries,
/// then sent by whichever instance claims it first. Derived from what it carries, so its state changes are not audited.
/// </summary>
public sealed class OutboundEmail : INotAudited
{
    public const int AddressMaxLength = 256;
    public const int SubjectMaxLength = 200;
    public const int ErrorMaxLength = 1_000;
    public const int ClaimedByMaxLength = 200;
    public const int CalendarMethodMaxLength = 10;

    public Guid Id { get; set; } = Guid.CreateVersion7();

    /// <summary>The notification this email tells of; at most one email each.</summary>
    public Guid? NotificationId { get; set; }

    /// <summary>The user it goes to; none for a calendar invitation to a contact, who may have no login.</summary>
    public Guid? UserId { get; set; }
    public required string To { get; set; }
    public required string Subject { get; set; }
    public required string TextBody { get; set; }
    public required string HtmlBody { get; set; }

    /// <summary>An iCalendar invitation sent with the email, as a <c>text/calendar</c> part and an <c>invite.ics</c> attachment.</summary>
    public string? Calendar { get; set; }

    /// <summary>The invitation's iTIP method (<c>REQUEST</c>, <c>CANCEL</c>), named in its part's content type.</summary>
    public string? CalendarMethod { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public OutboundEmailStatus Status { get; set; }
    public int Attempts { get; set; }
    public DateTimeOffset NextAttemptAt { get; set; }
    public DateTimeOffset? SentAt { get; set; }
    public string? LastError { get; set; }

    /// <summary>The instance sending it right now; the claim lapses at <see cref="ClaimedUntil"/> if that instance dies.</summary>
    public string? ClaimedBy { get; set; }

    public DateTimeOffset? ClaimedUntil { get; set; }
}

internal sealed class OutboundEmailConfiguration : IEntityTypeConfiguration<OutboundEmail>
{
    public void Configure(EntityTypeBuilder<OutboundEmail> builder)
    {
        builder.Property(e => e.To).HasMaxLength(OutboundEmail.AddressMaxLength);
        builder.Property(e => e.Subject).HasMaxLength(OutboundEmail.SubjectMaxLength);
        builder.Property(e => e.Status).HasConversion<string>().HasMaxLength(10);
        builder.Property(e => e.LastError).HasMaxLength(OutboundEmail.ErrorMaxLength);
        builder.Property(e => e.ClaimedBy).HasMaxLength(OutboundEmail.ClaimedByMaxLength);
        builder.Property(e => e.CalendarMethod).HasMaxLength(OutboundEmail.CalendarMethodMaxLength);
        builder.HasOne<User>().WithMany().HasForeignKey(e => e.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(e => e.NotificationId).IsUnique();
        builder.HasIndex(e => new { e.Status, e.NextAttemptAt });
    }
}
