using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Vouch.Data;

namespace Vouch.Features.Webhooks;

/// <summary>
/// Something that happened in Vouch, as subscribers receive it: written in the same transaction as the change it tells
/// of, so an event is sent for every change that was saved and for none that was not.
/// </summary>
public sealed class WebhookEvent : INotAudited
{
    public const int TypeMaxLength = 50;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public required string Type { get; set; }
    public DateTimeOffset OccurredAt { get; set; }

    /// <summary>The JSON body a signed webhook receives: <c>{"type", "timestamp", "data"}</c>.</summary>
    public required string Payload { get; set; }

    /// <summary>The event in one sentence, for a channel message.</summary>
    public required string Summary { get; set; }

    /// <summary>The page the event is about, relative to Vouch's address; none when it has no page.</summary>
    public string? Link { get; set; }
}

public enum WebhookDeliveryStatus { Pending, Delivered, Failed }

/// <summary>
/// One event on its way to one subscription. Claimed by one instance at a time with a conditional update, then posted;
/// retried with a growing wait until it is delivered or given up.
/// </summary>
public sealed class WebhookDelivery : INotAudited
{
    public const int ErrorMaxLength = 1_000;
    public const int ClaimedByMaxLength = 200;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid SubscriptionId { get; set; }
    public Guid EventId { get; set; }
    public WebhookEvent? Event { get; set; }
    public WebhookDeliveryStatus Status { get; set; }
    public int Attempts { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset NextAttemptAt { get; set; }
    public DateTimeOffset? LastAttemptAt { get; set; }

    /// <summary>The HTTP status the endpoint answered the last attempt with; none when it did not answer.</summary>
    public int? ResponseStatus { get; set; }

    public int? DurationMs { get; set; }
    public string? LastError { get; set; }
    public DateTimeOffset? DeliveredAt { get; set; }
    public string? ClaimedBy { get; set; }
    public DateTimeOffset? ClaimedUntil { get; set; }
}

internal sealed class WebhookEventConfiguration : IEntityTypeConfiguration<WebhookEvent>
{
    public void Configure(EntityTypeBuilder<WebhookEvent> builder)
    {
        builder.Property(e => e.Type).HasMaxLength(WebhookEvent.TypeMaxLength);
        builder.Property(e => e.Summary).HasMaxLength(1_000);
        builder.Property(e => e.Link).HasMaxLength(200);
        builder.HasIndex(e => e.OccurredAt);
    }
}

internal sealed class WebhookDeliveryConfiguration : IEntityTypeConfiguration<WebhookDelivery>
{
    public void Configure(EntityTypeBuilder<WebhookDelivery> builder)
    {
        builder.Property(d => d.Status).HasConversion<string>().HasMaxLength(10);
        builder.Property(d => d.LastError).HasMaxLength(WebhookDelivery.ErrorMaxLength);
        builder.Property(d => d.ClaimedBy).HasMaxLength(WebhookDelivery.ClaimedByMaxLength);
        builder.HasOne<WebhookSubscription>().WithMany().HasForeignKey(d => d.SubscriptionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(d => d.Event).WithMany().HasForeignKey(d => d.EventId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(d => new { d.Status, d.NextAttemptAt });
        // A subscription's deliveries, newest first, for its page.
        builder.HasIndex(d => new { d.SubscriptionId, d.CreatedAt });
    }
}
