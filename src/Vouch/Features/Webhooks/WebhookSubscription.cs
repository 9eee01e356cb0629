using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Vouch.Data;

namespace Vouch.Features.Webhooks;

/// <summary>
/// Where events go: a signed JSON webhook to the subscriber's own endpoint, or a message in a Slack or Microsoft Teams
/// channel through the channel's incoming webhook.
/// </summary>
public enum WebhookKind { Signed, Slack, Teams }

/// <summary>
/// An endpoint subscribed to some of Vouch's events. Its secret, which nobody sees again after it is made, is kept
/// encrypted with the app's data-protection keys: the signing secret of a signed webhook (it must be read back to sign,
/// so it cannot be hashed), or the whole address of a Slack or Teams incoming webhook (the address is the credential).
/// </summary>
public sealed class WebhookSubscription : IVersioned
{
    public const int NameMaxLength = 100;
    public const int UrlMaxLength = 2_000;
    public const int ProtectedMaxLength = 4_000;
    public const int EventsMaxLength = 1_000;
    public const int ReasonMaxLength = 500;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public WebhookKind Kind { get; set; }
    public required string Name { get; set; }

    /// <summary>The endpoint of a signed webhook; of a channel, only its scheme and host, for people to recognise it.</summary>
    public required string Url { get; set; }

    /// <summary>The secret, encrypted: see the class.</summary>
    public required string ProtectedSecret { get; set; }

    /// <summary>The event types delivered, separated by spaces (<see cref="WebhookEventTypes"/>).</summary>
    public required string Events { get; set; }

    public bool IsEnabled { get; set; } = true;

    /// <summary>Why it was turned off by Vouch, e.g. after failing again and again; none while enabled.</summary>
    public string? DisabledReason { get; set; }

    /// <summary>Failed attempts in a row, whatever the delivery; a success resets it.</summary>
    public int ConsecutiveFailures { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public Guid? CreatedById { get; set; }
    public Guid Version { get; set; } = Guid.NewGuid();

    public IReadOnlyList<string> EventTypes => Events.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    public bool Wants(string eventType) => EventTypes.Contains(eventType, StringComparer.Ordinal);
}

internal sealed class WebhookSubscriptionConfiguration : IEntityTypeConfiguration<WebhookSubscription>
{
    public void Configure(EntityTypeBuilder<WebhookSubscription> builder)
    {
        builder.Property(s => s.Kind).HasConversion<string>().HasMaxLength(10);
        builder.Property(s => s.Name).HasMaxLength(WebhookSubscription.NameMaxLength);
        builder.Property(s => s.Url).HasMaxLength(WebhookSubscription.UrlMaxLength);
        builder.Property(s => s.ProtectedSecret).HasMaxLength(WebhookSubscription.ProtectedMaxLength);
        builder.Property(s => s.Events).HasMaxLength(WebhookSubscription.EventsMaxLength);
        builder.Property(s => s.DisabledReason).HasMaxLength(WebhookSubscription.ReasonMaxLength);
        builder.Property(s => s.Version).IsConcurrencyToken();
        builder.Ignore(s => s.EventTypes);
    }
}
