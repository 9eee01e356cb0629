using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Vouch.Features.Users;

namespace Vouch.Features.Notifications;

/// <summary>Something a user is told in the app, e.g. that an idea they follow changed status.</summary>
public sealed class Notification
{
    public const int TextMaxLength = 1_000;
    public const int LinkMaxLength = 200;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid UserId { get; set; }
    public DateTimeOffset At { get; set; }
    public required string Text { get; set; }

    /// <summary>The page the notification is about, e.g. <c>/ideas/{id}</c>.</summary>
    public string? Link { get; set; }

    /// <summary>When the user marked it read; unread notifications are what the badge in the navigation counts.</summary>
    public DateTimeOffset? ReadAt { get; set; }
}

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> builder)
    {
        builder.Property(n => n.Text).HasMaxLength(Notification.TextMaxLength);
        builder.Property(n => n.Link).HasMaxLength(Notification.LinkMaxLength);
        builder.HasOne<User>().WithMany().HasForeignKey(n => n.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(n => new { n.UserId, n.At });
        // The badge on every page counts a user's unread notifications: one range of this index.
        builder.HasIndex(n => new { n.UserId, n.ReadAt });
    }
}
