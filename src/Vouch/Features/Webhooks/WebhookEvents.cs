using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Vouch.Data;
using Vouch.Features.ActivityTypes;
using Vouch.Features.Contacts;
using Vouch.Features.Email;
using Vouch.Features.Engagements;
using Vouch.Features.Ideas;
using Vouch.Features.Import;
using Vouch.Features.Referrals;
using Vouch.Features.Requests;

namespace Vouch.Features.Webhooks;

/// <summary>
/// Turns the changes of a save into <see cref="WebhookEvent"/>s, with a <see cref="WebhookDelivery"/> for each enabled
/// subscription that wants them, in the same save: an event is sent for every change that was committed and for none
/// that was rolled back, and whatever changes a request, an ask, a referral, an idea or an import needs no code of its
/// own to be heard. A save with none of those changes costs a look at its tracked entries and no query.
/// </summary>
public sealed class WebhookEvents(EmailSettings email, TimeProvider clock) : SynchronousSaveInterceptor
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    protected override void Saving(DbContext context)
    {
        var events = Collect(context);
        if (events.Count == 0)
        {
            return;
        }
        var subscriptions = context.Set<WebhookSubscription>().AsNoTracking().Where(s => s.IsEnabled).Select(s => new { s.Id, s.Events }).ToList();
        var now = clock.GetUtcNow();
        foreach (var (type, describe) in events)
        {
            var wanting = subscriptions.Where(s => s.Events.Split(' ').Contains(type)).ToList();
            if (wanting.Count == 0)
            {
                continue;
            }
            // Described only now: naming the advocate or the activity may read the database, which an event nobody wants must not cost.
            var happened = describe();
            context.Add(happened);
            foreach (var subscription in wanting)
            {
                context.Add(Delivery(subscription.Id, happened, now));
            }
        }
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
    public WebhookEvent Event<TData>(string type, TData data, string summary, string? link)
    {
        var now = clock.GetUtcNow();
        return new WebhookEvent
        {
            Type = type,
            OccurredAt = now,
            Payload = JsonSerializer.Serialize(new WebhookPayload<TData>(type, now, data), Json),
            Summary = summary.Length > 1_000 ? summary[..1_000] : summary,
            Link = link,
        };
    }

    /// <summary>The events of the tracked changes, each with its type and how to describe it.</summary>
    private List<(string Type, Func<WebhookEvent> Describe)> Collect(DbContext context)
    {
        var tracker = context.ChangeTracker;
        var events = new List<(string, Func<WebhookEvent>)>();
        foreach (var step in tracker.Entries<RequestTransition>().Where(e => e.State == EntityState.Added).Select(e => e.Entity))
        {
            events.Add((step.From is null ? WebhookEventTypes.RequestCreated : WebhookEventTypes.RequestChanged, () => RequestEvent(context, step)));
        }
        foreach (var entry in tracker.Entries<Engagement>().Where(e => e.Entity is { Kind: EngagementKind.Ask, Status: EngagementStatus.Completed }
            && (e.State == EntityState.Added || (e.State == EntityState.Modified && e.Property(p => p.Status).IsModified
                && (EngagementStatus)e.Property(p => p.Status).OriginalValue! != EngagementStatus.Completed))))
        {
            var ask = entry.Entity;
            events.Add((WebhookEventTypes.AskCompleted, () => AskEvent(context, ask)));
        }
        foreach (var move in tracker.Entries<ReferralMove>().Where(e => e.State == EntityState.Added && e.Entity.To == ReferralStatus.Won).Select(e => e.Entity))
        {
            events.Add((WebhookEventTypes.ReferralWon, () => ReferralEvent(context, move.ReferralId)));
        }
        foreach (var entry in tracker.Entries<Idea>().Where(e => e.State == EntityState.Modified && e.Property(p => p.Status).IsModified
            && (IdeaStatus)e.Property(p => p.Status).OriginalValue! != e.Entity.Status))
        {
            var (idea, from, to) = (entry.Entity, IdeaStatuses.Label((IdeaStatus)entry.Property(p => p.Status).OriginalValue!), IdeaStatuses.Label(entry.Entity.Status));
            var link = $"/ideas/{idea.Id}";
            events.Add((WebhookEventTypes.IdeaStatusChanged, () => Event(WebhookEventTypes.IdeaStatusChanged,
                new IdeaEventData(idea.Id, idea.Title, from, to, Absolute(link)), $"The idea \"{idea.Title}\" moved from {from} to {to}.", link)));
        }
        foreach (var entry in tracker.Entries<ImportJob>().Where(e => e.State == EntityState.Modified && e.Property(p => p.Status).IsModified
            && e.Entity.Status is ImportStatus.Completed or ImportStatus.Failed))
        {
            var job = entry.Entity;
            var link = $"/import/{job.Id}";
            var summary = job.Status == ImportStatus.Completed
                ? $"The {job.Kind} import finished: {job.Created} created, {job.Updated} updated, {job.Unchanged} unchanged, {job.Rejected} rejected."
                : $"The {job.Kind} import failed: {job.Error}";
            events.Add((WebhookEventTypes.ImportFinished, () => Event(WebhookEventTypes.ImportFinished, new ImportEventData(job.Id, job.Kind.ToString(),
                job.Status.ToString(), job.Created, job.Updated, job.Unchanged, job.Rejected, job.Error, Absolute(link)), summary, link)));
        }
        return events;
    }

    private WebhookEvent RequestEvent(DbContext context, RequestTransition step)
    {
        var request = context.Set<ReferenceRequest>().Find(step.RequestId)!;
        var activity = (request.ActivityType ?? context.Set<ActivityType>().Find(request.ActivityTypeId))?.Name ?? "reference";
        var advocate = request.ContactId is { } contactId ? (request.Contact ?? context.Set<Contact>().Find(contactId))?.FullName : null;
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

    private WebhookEvent AskEvent(DbContext context, Engagement ask)
    {
        var advocate = (ask.Contact ?? context.Set<Contact>().Find(ask.ContactId))?.FullName ?? "An advocate";
        var what = ask.Title ?? (ask.ActivityTypeId is { } type ? (ask.ActivityType ?? context.Set<ActivityType>().Find(type))?.Name : null) ?? "an ask";
        var link = $"/contacts/{ask.ContactId}";
        return Event(WebhookEventTypes.AskCompleted, new AskEventData(ask.Id, ask.ContactId, advocate, what, ask.RequestId, Absolute(link)),
            $"{advocate} gave their time: {what}.", link);
    }

    private WebhookEvent ReferralEvent(DbContext context, Guid referralId)
    {
        var referral = context.Set<Referral>().Find(referralId)!;
        var referredBy = (referral.ReferredBy ?? context.Set<Contact>().Find(referral.ReferredById))?.FullName ?? "an advocate";
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
