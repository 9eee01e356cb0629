using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Vouch.Data;
using Vouch.Features.Notifications;
using Vouch.Features.Users;

namespace Vouch.Features.DirectMessages;

/// <summary>Where a direct message goes: a Slack member, by the workspace's bot, or the user's own Teams workflow.</summary>
public enum DirectMessageKind { Slack, Teams }

public enum DirectMessageStatus { Pending, Sent, Failed }

/// <summary>
/// Where one user gets their own waiting items as direct messages: a Slack member id, a Teams Workflows address, or
/// both. The Teams address is the credential (whoever has it may post into the user's chat), so it is kept encrypted
/// and only its host is shown.
/// </summary>
public sealed class DirectMessageLink
{
    public const int SlackMemberIdMaxLength = 20;
    public const int TeamsAddressMaxLength = 2_000;

    public Guid UserId { get; set; }
    public string? SlackMemberId { get; set; }

    /// <summary>The Teams Workflows address, encrypted with data protection (<see cref="DirectMessageSecrets"/>).</summary>
    public string? ProtectedTeamsAddress { get; set; }

    /// <summary>The Teams address's host, enough for the user to recognise it.</summary>
    public string? TeamsHost { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>
/// One direct message on its way: queued in the same save as the notification it tells of, claimed by one instance at a
/// time with a conditional update, posted, and retried with a growing wait until it is sent or given up.
/// </summary>
public sealed class DirectMessage : INotAudited
{
    public const int ErrorMaxLength = 1_000;
    public const int ClaimedByMaxLength = 200;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid UserId { get; set; }
    public DirectMessageKind Kind { get; set; }

    /// <summary>The notification the message tells of; none for a test message.</summary>
    public Guid? NotificationId { get; set; }

    public required string Text { get; set; }

    /// <summary>The page the message is about, relative to Vouch's address.</summary>
    public string? Link { get; set; }

    public DirectMessageStatus Status { get; set; }
    public int Attempts { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset NextAttemptAt { get; set; }
    public DateTimeOffset? LastAttemptAt { get; set; }
    public DateTimeOffset? SentAt { get; set; }
    public string? LastError { get; set; }
    public string? ClaimedBy { get; set; }
    public DateTimeOffset? ClaimedUntil { get; set; }

    /// <summary>A message of <paramref name="text"/> to <paramref name="userId"/> by <paramref name="kind"/>, due now.</summary>
    public static DirectMessage Queued(Guid userId, DirectMessageKind kind, string text, string? link, DateTimeOffset now) => new()
    {
        UserId = userId,
        Kind = kind,
        Text = text,
        Link = link,
        Status = DirectMessageStatus.Pending,
        CreatedAt = now,
        NextAttemptAt = now,
    };
}

internal sealed class DirectMessageLinkConfiguration : IEntityTypeConfiguration<DirectMessageLink>
{
    public void Configure(EntityTypeBuilder<DirectMessageLink> builder)
    {
        builder.HasKey(l => l.UserId);
        builder.Property(l => l.SlackMemberId).HasMaxLength(DirectMessageLink.SlackMemberIdMaxLength);
        builder.Property(l => l.ProtectedTeamsAddress).HasMaxLength(4_000);
        builder.Property(l => l.TeamsHost).HasMaxLength(255);
        builder.HasOne<User>().WithOne().HasForeignKey<DirectMessageLink>(l => l.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class DirectMessageConfiguration : IEntityTypeConfiguration<DirectMessage>
{
    public void Configure(EntityTypeBuilder<DirectMessage> builder)
    {
        builder.Property(m => m.Kind).HasConversion<string>().HasMaxLength(10);
        builder.Property(m => m.Status).HasConversion<string>().HasMaxLength(10);
        builder.Property(m => m.Text).HasMaxLength(Notification.TextMaxLength);
        builder.Property(m => m.Link).HasMaxLength(Notification.LinkMaxLength);
        builder.Property(m => m.LastError).HasMaxLength(DirectMessage.ErrorMaxLength);
        builder.Property(m => m.ClaimedBy).HasMaxLength(DirectMessage.ClaimedByMaxLength);
        builder.HasOne<User>().WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(m => new { m.Status, m.NextAttemptAt });
        // A user's latest messages, for their page.
        builder.HasIndex(m => new { m.UserId, m.CreatedAt });
    }
}
