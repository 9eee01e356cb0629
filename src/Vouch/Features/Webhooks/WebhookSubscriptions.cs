using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Vouch.Data;

namespace Vouch.Features.Webhooks;

public sealed record WebhookBody(string? Name, string? Url, IReadOnlyList<string>? Events, bool? Enabled = null, Guid? Version = null);

public sealed record ChannelBody(string? Kind, string? Name, string? WebhookUrl, IReadOnlyList<string>? Events, bool? Enabled = null, Guid? Version = null);

public sealed record WebhookSubscriptionResponse(
    Guid Id, string Kind, string Name, string Url, IReadOnlyList<string> Events, bool Enabled, string? DisabledReason,
    int ConsecutiveFailures, int Waiting, int Failed, DateTimeOffset CreatedAt, Guid Version);

/// <summary>A new signed webhook with its secret, shown in this answer only.</summary>
public sealed record CreatedWebhook(WebhookSubscriptionResponse Subscription, string Secret);

public sealed record WebhookDeliveryResponse(
    Guid Id, Guid EventId, string Type, string Summary, string Status, int Attempts, int? ResponseStatus, int? DurationMs,
    string? LastError, DateTimeOffset CreatedAt, DateTimeOffset? LastAttemptAt, DateTimeOffset? NextAttemptAt, DateTimeOffset? DeliveredAt);

/// <summary>
/// The one writes service for webhook subscriptions and chat channels, shared by the API and the admin pages: what is
/// checked when one is made or changed, how its secret is kept, and the deliveries it shows.
/// </summary>
public sealed class WebhookSubscriptions(
    VouchDbContext db, IDataProtectionProvider protection, WebhookSettings settings, WebhookEvents events, WebhookSignal signal, TimeProvider clock)
{
    public const int DeliveriesShown = 100;
    private readonly IDataProtector _secrets = WebhookSecrets.Protector(protection);

    public static readonly IReadOnlyList<WebhookKind> ChannelKinds = [WebhookKind.Slack, WebhookKind.Teams];

    public Task<List<WebhookSubscriptionResponse>> ListAsync(bool channels, CancellationToken ct) =>
        Responses(db.Set<WebhookSubscription>().Where(s => channels ? s.Kind != WebhookKind.Signed : s.Kind == WebhookKind.Signed)).ToListAsync(ct);

    /// <summary>A webhook or a channel, whichever <paramref name="id"/> is; null when it is neither.</summary>
    public Task<WebhookSubscriptionResponse?> FindAsync(Guid id, CancellationToken ct) =>
        Responses(db.Set<WebhookSubscription>().Where(s => s.Id == id)).SingleOrDefaultAsync(ct);

    public async Task<CommandResult<WebhookSubscriptionResponse>> GetAsync(Guid id, bool channel, CancellationToken ct) =>
        (await Responses(Of(id, channel)).SingleOrDefaultAsync(ct)).OrNotFound(What(channel));

    public async Task<CommandResult<CreatedWebhook>> CreateAsync(Guid actor, WebhookBody body, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var name = Name(body.Name, errors);
        var url = Endpoint("url", body.Url, errors);
        var types = EventTypes(body.Events, errors);
        if (!errors.IsEmpty)
        {
            return Refusal.Invalid(errors);
        }
        var secret = WebhookSignature.NewSecret();
        var subscription = Add(actor, WebhookKind.Signed, name!, url!.ToString(), secret, types);
        await db.SaveChangesAsync(ct);
        return new CreatedWebhook((await GetAsync(subscription.Id, channel: false, ct)).Value!, secret);
    }

    public async Task<CommandResult<WebhookSubscriptionResponse>> CreateChannelAsync(Guid actor, ChannelBody body, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var kind = ChannelKind(body.Kind, errors);
        var name = Name(body.Name, errors);
        var url = Endpoint("webhookUrl", body.WebhookUrl, errors);
        var types = EventTypes(body.Events, errors);
        if (!errors.IsEmpty)
        {
            return Refusal.Invalid(errors);
        }
        var subscription = Add(actor, kind!.Value, name!, Recognisable(url!), url!.ToString(), types);
        await db.SaveChangesAsync(ct);
        return (await GetAsync(subscription.Id, channel: true, ct)).Value!;
    }

    public async Task<CommandResult<WebhookSubscriptionResponse>> UpdateAsync(Guid id, WebhookBody body, CancellationToken ct) =>
        await UpdateAsync(id, channel: false, body.Name, body.Url, "url", body.Events, body.Enabled, body.Version, ct);

    public async Task<CommandResult<WebhookSubscriptionResponse>> UpdateChannelAsync(Guid id, ChannelBody body, CancellationToken ct) =>
        await UpdateAsync(id, channel: true, body.Name, body.WebhookUrl, "webhookUrl", body.Events, body.Enabled, body.Version, ct);

    public async Task<CommandResult> DeleteAsync(Guid id, bool channel, CancellationToken ct) =>
        await Of(id, channel).ExecuteDeleteAsync(ct) == 0 ? Refusal.NotFound(What(channel)) : CommandResult.Success;

    /// <summary>Sends the subscription a <c>webhook.ping</c> event now, to try its endpoint; its deliveries show how it went.</summary>
    public async Task<CommandResult<WebhookDeliveryResponse>> PingAsync(Guid id, bool channel, CancellationToken ct)
    {
        if (await Of(id, channel).SingleOrDefaultAsync(ct) is not { } subscription)
        {
            return Refusal.NotFound(What(channel));
        }
        var ping = events.Event(WebhookEventTypes.Ping, new PingEventData(subscription.Id, $"A test from Vouch to \"{subscription.Name}\"."),
            $"A test from Vouch: \"{subscription.Name}\" is connected.", null);
        var delivery = WebhookEvents.Delivery(subscription.Id, ping, clock.GetUtcNow());
        db.AddRange(ping, delivery);
        await db.SaveChangesAsync(ct);
        signal.Wake();
        return (await Deliveries(db.Set<WebhookDelivery>().Where(d => d.Id == delivery.Id)).SingleAsync(ct));
    }

    /// <summary>Queues a delivery again, now: one that failed, or one delivered that the receiver lost.</summary>
    public async Task<CommandResult<WebhookDeliveryResponse>> RedeliverAsync(Guid id, Guid deliveryId, bool channel, CancellationToken ct)
    {
        var delivery = db.Set<WebhookDelivery>().Where(d => d.Id == deliveryId && d.SubscriptionId == id && Of(id, channel).Any());
        var now = clock.GetUtcNow();
        var queued = await delivery.ExecuteUpdateAsync(s => s
            .SetProperty(d => d.Status, WebhookDeliveryStatus.Pending).SetProperty(d => d.NextAttemptAt, now)
            .SetProperty(d => d.ClaimedBy, (string?)null).SetProperty(d => d.ClaimedUntil, (DateTimeOffset?)null), ct);
        if (queued == 0)
        {
            return Refusal.NotFound("The delivery");
        }
        signal.Wake();
        return await Deliveries(delivery).SingleAsync(ct);
    }

    /// <summary>The subscription's latest deliveries, newest first; null when there is no such subscription.</summary>
    public async Task<List<WebhookDeliveryResponse>?> DeliveriesAsync(Guid id, bool channel, CancellationToken ct) =>
        await Of(id, channel).AnyAsync(ct)
            ? await Deliveries(db.Set<WebhookDelivery>().Where(d => d.SubscriptionId == id)).Take(DeliveriesShown).ToListAsync(ct)
            : null;

    private async Task<CommandResult<WebhookSubscriptionResponse>> UpdateAsync(
        Guid id, bool channel, string? name, string? url, string urlField, IReadOnlyList<string>? eventTypes, bool? enabled, Guid? version, CancellationToken ct)
    {
        if (await Of(id, channel).SingleOrDefaultAsync(ct) is not { } subscription)
        {
            return Refusal.NotFound(What(channel));
        }
        if (Versioning.Check(subscription, version) is { } stale)
        {
            return stale;
        }
        var errors = new ValidationErrors();
        var newName = name is null ? null : Name(name, errors);
        var newUrl = url is null ? null : Endpoint(urlField, url, errors);
        var types = eventTypes is null ? null : EventTypes(eventTypes, errors);
        if (!errors.IsEmpty)
        {
            return Refusal.Invalid(errors);
        }
        subscription.Name = newName ?? subscription.Name;
        if (newUrl is not null)
        {
            (subscription.Url, subscription.ProtectedSecret) = channel
                ? (Recognisable(newUrl), _secrets.Protect(newUrl.ToString()))
                : (newUrl.ToString(), subscription.ProtectedSecret);
        }
        subscription.Events = types is null ? subscription.Events : string.Join(' ', types);
        if (enabled is { } on && on != subscription.IsEnabled)
        {
            // Turned on again by a person: the failures that turned it off are behind it.
            (subscription.IsEnabled, subscription.DisabledReason, subscription.ConsecutiveFailures) = (on, null, 0);
        }
        var saved = await db.SaveOverAsync(subscription, version!.Value, ct);
        return saved.Succeeded ? (await GetAsync(id, channel, ct)).Value! : saved.Refusal!;
    }

    private WebhookSubscription Add(Guid actor, WebhookKind kind, string name, string url, string secret, IReadOnlyList<string> types)
    {
        var subscription = new WebhookSubscription
        {
            Kind = kind,
            Name = name,
            Url = url,
            ProtectedSecret = _secrets.Protect(secret),
            Events = string.Join(' ', types),
            CreatedAt = clock.GetUtcNow(),
            CreatedById = actor,
        };
        db.Add(subscription);
        return subscription;
    }

    private IQueryable<WebhookSubscription> Of(Guid id, bool channel) =>
        db.Set<WebhookSubscription>().Where(s => s.Id == id && (channel ? s.Kind != WebhookKind.Signed : s.Kind == WebhookKind.Signed));

    private static string What(bool channel) => channel ? "The channel" : "The webhook";

    private IQueryable<WebhookSubscriptionResponse> Responses(IQueryable<WebhookSubscription> subscriptions) =>
        from s in subscriptions
        orderby s.Name, s.Id
        select new WebhookSubscriptionResponse(s.Id, s.Kind.ToString(), s.Name, s.Url, s.Events.Split(' ', StringSplitOptions.None), s.IsEnabled, s.DisabledReason,
            s.ConsecutiveFailures,
            db.Set<WebhookDelivery>().Count(d => d.SubscriptionId == s.Id && d.Status == WebhookDeliveryStatus.Pending),
            db.Set<WebhookDelivery>().Count(d => d.SubscriptionId == s.Id && d.Status == WebhookDeliveryStatus.Failed),
            s.CreatedAt, s.Version);

    private static IQueryable<WebhookDeliveryResponse> Deliveries(IQueryable<WebhookDelivery> deliveries) =>
        from d in deliveries
        orderby d.CreatedAt descending, d.Id descending
        select new WebhookDeliveryResponse(d.Id, d.EventId, d.Event!.Type, d.Event.Summary, d.Status.ToString(), d.Attempts, d.ResponseStatus, d.DurationMs,
            d.LastError, d.CreatedAt, d.LastAttemptAt, d.Status == WebhookDeliveryStatus.Pending ? d.NextAttemptAt : null, d.DeliveredAt);

    private static string? Name(string? name, ValidationErrors errors)
    {
        errors.Required("name", name, WebhookSubscription.NameMaxLength);
        return name?.Trim();
    }

    private Uri? Endpoint(string field, string? text, ValidationErrors errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            errors.Add(field, $"{field} is required: the address events are posted to.");
            return null;
        }
        if (text.Length > WebhookSubscription.UrlMaxLength || !Uri.TryCreate(text.Trim(), UriKind.Absolute, out var url))
        {
            errors.Add(field, $"{field} must be an absolute address of at most {WebhookSubscription.UrlMaxLength} characters, like https://example.com/hooks/vouch.");
            return null;
        }
        if (url.Scheme != Uri.UriSchemeHttps && !(settings.AllowHttp && url.Scheme == Uri.UriSchemeHttp))
        {
            errors.Add(field, $"{field} must start with https://: events carry customer data.");
            return null;
        }
        if (!string.IsNullOrEmpty(url.UserInfo))
        {
            errors.Add(field, $"{field} must not hold a user name or password; a signed webhook proves itself with its signature.");
            return null;
        }
        return url;
    }

    private static WebhookKind? ChannelKind(string? text, ValidationErrors errors)
    {
        if (EnumText.TryParse<WebhookKind>(text, out var kind) && kind != WebhookKind.Signed)
        {
            return kind;
        }
        errors.Add("kind", "kind must be one of Slack, Teams.");
        return null;
    }

    private static IReadOnlyList<string> EventTypes(IReadOnlyList<string>? types, ValidationErrors errors)
    {
        if (types is null || types.Count == 0)
        {
            errors.Add("events", $"events must name at least one of {string.Join(", ", WebhookEventTypes.Subscribable)}.");
            return [];
        }
        var unknown = types.Where(t => !WebhookEventTypes.Subscribable.Contains(t)).ToList();
        if (unknown.Count > 0)
        {
            errors.Add("events", $"events has {string.Join(", ", unknown.Select(t => $"'{t}'"))}, which Vouch does not send; it sends {string.Join(", ", WebhookEventTypes.Subscribable)}.");
        }
        return [.. types.Distinct()];
    }

    /// <summary>A channel's address without its secret path: enough for people to tell two channels apart.</summary>
    private static string Recognisable(Uri url) => $"{url.Scheme}://{url.Authority}/…";
}
