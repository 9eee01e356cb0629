using Vouch.Hosting;

namespace Vouch.Features.Webhooks;

/// <summary>
/// How outgoing webhooks and channel messages are delivered (<c>Webhooks:*</c>). Read and checked at start, so a wrong
/// value stops the app with its name rather than failing the first delivery.
/// </summary>
public sealed record WebhookSettings
{
    /// <summary>How often each instance looks for deliveries that are due.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>How long one POST may take before it counts as failed.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>The wait after a delivery's first failure; it doubles with every further failure, up to <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromSeconds(30);

    public TimeSpan MaxRetryDelay { get; init; } = TimeSpan.FromHours(2);

    /// <summary>After this many failed attempts a delivery is given up.</summary>
    public int MaxAttempts { get; init; } = 10;

    /// <summary>After this many failed attempts in a row, whatever the delivery, the subscription is turned off and the admins told.</summary>
    public int DisableAfterFailures { get; init; } = 25;

    /// <summary>
    /// Whether endpoints may be plain <c>http://</c>. Off in production: a webhook carries customer data and its signature
    /// proves only who sent it, not that nobody read it. On in Development (<c>appsettings.Development.json</c>), for receivers on this machine.
    /// </summary>
    public bool AllowHttp { get; init; }

    /// <summary>Delivered events are deleted after this long; failed ones are kept for the admin to see.</summary>
    public TimeSpan KeepDelivered { get; init; } = TimeSpan.FromDays(30);

    public static WebhookSettings FromConfiguration(IConfiguration configuration)
    {
        var section = configuration.GetSection("Webhooks");
        var defaults = new WebhookSettings();
        return new WebhookSettings
        {
            PollInterval = section.Read("PollInterval", defaults.PollInterval, TimeSpan.Parse, t => t > TimeSpan.Zero),
            Timeout = section.Read("Timeout", defaults.Timeout, TimeSpan.Parse, t => t > TimeSpan.Zero && t <= TimeSpan.FromMinutes(2)),
            RetryDelay = section.Read("RetryDelay", defaults.RetryDelay, TimeSpan.Parse, t => t > TimeSpan.Zero),
            MaxRetryDelay = section.Read("MaxRetryDelay", defaults.MaxRetryDelay, TimeSpan.Parse, t => t > TimeSpan.Zero),
            MaxAttempts = section.Read("MaxAttempts", defaults.MaxAttempts, int.Parse, n => n > 0),
            DisableAfterFailures = section.Read("DisableAfterFailures", defaults.DisableAfterFailures, int.Parse, n => n > 0),
            AllowHttp = section.Read("AllowHttp", false, bool.Parse, _ => true),
            KeepDelivered = section.Read("KeepDelivered", defaults.KeepDelivered, TimeSpan.Parse, t => t > TimeSpan.Zero),
        };
    }
}
