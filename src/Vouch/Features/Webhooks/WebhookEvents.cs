using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Vouch.Features.ActivityTypes;
using Vouch.Features.Contacts;
using Vouch.Features.Email;
using Vouch.Features.Engagements;
using Vouch.Features.Ideas;
using Vouch.Features.Import;
using Vouch.Features.Referrals;
using Vouch.Features.Requests;
using Vouch.Hosting;

namespace Vouch.Features.Webhooks;

/// <summary>
/// Turns the changes of a save into <see cref="WebhookEvent"/>s, with a <see cref="WebhookDelivery"/> for each enabled
/// subscription that wants them, in the same save: an event is sent for every change that was committed and for none
/// that was rolled back, and whatever changes a request, an ask, a referral, an idea or an import needs no code of its
/// own to be heard. A save with none of those changes costs a look at its tracked entries and no query. Once a save
/// with deliveries is committed, this instance's sender is woken rather than left to its next round.
/// </summary>
public sealed class WebhookEvents(EmailSettings email, WebhookSignal signal, TimeProvider clock) : OutboxInterceptor(signal)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    protected override async Task<bool> AddWorkAsync(DbContext context, CancellationToken ct)
    {
        var events = Collect(context);
        if (events.Count == 0)
        {
            return false;
        }
        var subscriptions = await context.Set<WebhookSubscription>().AsNoTracking().Where(s => s.IsEnabled).Select(s => new { s.Id, s.Events }).ToListAsync(ct);
        var now = clock.GetUtcNow();
        var added = false;
        foreach (var (type, describe) in events)
        {
            var wanting = subscriptions.Where(s => s.Events.Split(' ').Contains(type)).ToList();
            if (wanting.Count == 0)
            {
                continue;
            }
            // Described only now: naming the advocate or the activity may read the database, which an event nobody wants must not cost.
            var happened = await describe(ct);
            context.Add(happened);
            added = true;
            foreach (var subscription in wanting)
            {
                context.Add(Delivery(subscription.Id, happened, now));
            }
        }
        return added;
    }

    /// <summary>A delivery of <paramref name="happened"/> to one subscription, due now.</summary>
    public static WebhookDelivery Delivery(Guid subscriptionId, WebhookEvent happened, DateTimeOffset now) => new()
    {
        SubscriptionId = subscriptionId,
        EventId = happened.Id,
        Status = WebhookDeliveryStatus.Pending,
        CreatedAt = now,
        NextAttemptAt = now,
    };

    /// <summary>An event of <paramref name="type"/> with <paramref name="data"/>, stamped now.</summary>
    public WebhookEvent Event<TData>(string type, TData data, string summary, string? link) => Event(type, data, summary, link, clock.GetUtcNow());

    /// <summary>An idea's move from <paramref name="from"/> to its status, as it happened <paramref name="at"/>.</summary>
    public WebhookEvent IdeaStatusChanged(Idea idea, IdeaStatus from, DateTimeOffset at)
    {
        var (was, now) = (IdeaStatuses.Label(from), IdeaStatuses.Label(idea.Status));
        var link = $"/ideas/{idea.Id}";
        return Event(WebhookEventTypes.IdeaStatusChanged, new IdeaEventData(idea.Id, idea.Title, was, now, Absolute(link)),
            $"The idea \"{idea.Title}\" moved from {was} to {now}.", link, at);
    }

    private static WebhookEvent Event<TData>(string type, TData data, string summary, string? link, DateTimeOffset at)
    {
        return new WebhookEvent
        {
            Type = type,
            OccurredAt = at,
            Payload = JsonSerializer.Serialize(new WebhookPayload<TData>(type, at, data), Json),
            Summary = summary.Length > 1_000 ? summary[..1_000] : summary,
            Link = link,
        };
    }

    /// <summary>The events of the tracked changes, each with its type and how to describe it.</summary>
    private List<(string Type, Func<CancellationToken, Task<WebhookEvent>> Describe)> Collect(DbContext context)
    {
        var tracker = context.ChangeTracker;
        var events = new List<(string, Func<CancellationToken, Task<WebhookEvent>>)>();
        foreach (var step in tracker.Entries<RequestTransition>().Where(e => e.State == EntityState.Added).Select(e => e.Entity))
        {
            events.Add((step.From is null ? WebhookEventTypes.RequestCreated : WebhookEventTypes.RequestChanged, ct => RequestEventAsync(context, step, ct)));
        }
        foreach (var entry in tracker.Entries<Engagement>().Where(e => e.Entity is { Kind: EngagementKind.Ask, Status: EngagementStatus.Completed }
            && (e.State == EntityState.Added || (e.State == EntityState.Modified && e.Property(p => p.Status).IsModified
                && (EngagementStatus)e.Property(p => p.Status).OriginalValue! != EngagementStatus.Completed))))
        {
            var ask = entry.Entity;
            events.Add((WebhookEventTypes.AskCompleted, ct => AskEventAsync(context, ask, ct)));
        }
        foreach (var move in tracker.Entries<ReferralMove>().Where(e => e.State == EntityState.Added && e.Entity.To == ReferralStatus.Won).Select(e => e.Entity))
        {
            events.Add((WebhookEventTypes.ReferralWon, ct => ReferralEventAsync(context, move.ReferralId, ct)));
        }
        foreach (var entry in tracker.Entries<Idea>().Where(e => e.State == EntityState.Modified && e.Property(p => p.Status).IsModified
            && (IdeaStatus)e.Property(p => p.Status).OriginalValue! != e.Entity.Status))
        {
            var (idea, from) = (entry.Entity, (IdeaStatus)entry.Property(p => p.Status).OriginalValue!);
            events.Add((WebhookEventTypes.IdeaStatusChanged, _ => Task.FromResult(IdeaStatusChanged(idea, from, clock.GetUtcNow()))));
        }
        foreach (var entry in tracker.Entries<ImportJob>().Where(e => e.State == EntityState.Modified && e.Property(p => p.Status).IsModified
            && e.Entity.Status is ImportStatus.Completed or ImportStatus.Failed))
        {
            var job = entry.Entity;
            var link = $"/import/{job.Id}";
            var summary = job.Status == ImportStatus.Completed
                ? $"The {job.Kind} import finished: {job.Created} created, {job.Updated} updated, {job.Unchanged} unchanged, {job.Rejected} rejected."
                : $"The {job.Kind} import failed: {job.Error}";
            events.Add((WebhookEventTypes.ImportFinished, _ => Task.FromResult(Event(WebhookEventTypes.ImportFinished, new ImportEventData(job.Id, job.Kind.ToString(),
                job.Status.ToString(), job.Created, job.Updated, job.Unchanged, job.Rejected, job.Error, Absolute(link)), summary, link))));
        }
        return events;
    }

    private async Task<WebhookEvent> RequestEventAsync(DbContext context, RequestTransition step, CancellationToken ct)
    {
        var request = (await context.Set<ReferenceRequest>().FindAsync([step.RequestId], ct))!;
        var activity = (request.ActivityType ?? await context.Set<ActivityType>().FindAsync([request.ActivityTypeId], ct))?.Name ?? "reference";
        var advocate = request.ContactId is { } contactId ? (request.Contact ?? await context.Set<Contact>().FindAsync([contactId], ct))?.FullName : null;
        var link = $"/requests/{request.Id}";
        var data = new RequestEventData(request.Id, activity, advocate, step.From?.ToString(), step.To.ToString(), step.ByName, step.Note, Absolute(link));
        if (step.From is null)
        {
            return Event(WebhookEventTypes.RequestCreated, data, $"{step.ByName} asked for a {activity.ToLowerInvariant()}: the request waits on the reference team.", link);
        }
        var with = advocate is null ? "" : $" with {advocate}";
        var what = step.From == step.To ? $"changed: {step.Note}" : $"moved from {Words(step.From.Value)} to {Words(step.To)}";
        return Event(WebhookEventTypes.RequestChanged, data, $"The {activity.ToLowerInvariant()} request{with} {what} ({step.ByName}).", link);
    }

    private async Task<WebhookEvent> AskEventAsync(DbContext context, Engagement ask, CancellationToken ct)
    {
        var advocate = (ask.Contact ?? await context.Set<Contact>().FindAsync([ask.ContactId], ct))?.FullName ?? "An advocate";
        var what = ask.Title ?? (ask.ActivityTypeId is { } type ? (ask.ActivityType ?? await context.Set<ActivityType>().FindAsync([type], ct))?.Name : null) ?? "an ask";
        var link = $"/contacts/{ask.ContactId}";
        return Event(WebhookEventTypes.AskCompleted, new AskEventData(ask.Id, ask.ContactId, advocate, what, ask.RequestId, Absolute(link)),
            $"{advocate} gave their time: {what}.", link);
    }

    private async Task<WebhookEvent> ReferralEventAsync(DbContext context, Guid referralId, CancellationToken ct)
    {
        var referral = (await context.Set<Referral>().FindAsync([referralId], ct))!;
        var referredBy = (referral.ReferredBy ?? await context.Set<Contact>().FindAsync([referral.ReferredById], ct))?.FullName ?? "an advocate";
        var link = $"/referrals/{referral.Id}";
        return Event(WebhookEventTypes.ReferralWon,
            new ReferralEventData(referral.Id, referral.Company, referral.PersonName, referral.ReferredById, referredBy, Absolute(link)),
            $"{referral.Company}, referred by {referredBy}, is now a customer.", link);
    }

    private string Absolute(string link) => email.PublicUrl is { } root ? new Uri(root, link).ToString() : link;

    private static string Words(RequestStatus status) => status switch
    {
        RequestStatus.CandidateProposed => "advocate proposed",
        RequestStatus.OwnerApproved => "owner consented",
        RequestStatus.FeedbackRecorded => "feedback recorded",
        _ => status.ToString().ToLowerInvariant(),
    };
}
