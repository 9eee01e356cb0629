using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Vouch.Features.Accounts;
using Vouch.Features.ActivityTypes;
using Vouch.Features.Contacts;
using Vouch.Features.Email;
using Vouch.Features.Engagements;
using Vouch.Features.Ideas;
using Vouch.Features.Import;
using Vouch.Features.Opportunities;
using Vouch.Features.Referrals;
using Vouch.Features.Requests;
using Vouch.Features.Users;
using Vouch.Hosting;

namespace Vouch.Features.Webhooks;

/// <summary>
/// Turns the changes of a save into <see cref="WebhookEvent"/>s, with a <see cref="WebhookDelivery"/> for each enabled
/// subscription that wants them, in the same save: an event is sent for every change that was committed and for none
/// that was rolled back, and whatever changes a request, an ask, a referral, an idea or an import needs no code of its
/// own to be heard. A save with none of those changes costs a look at its tracked entries and no query. Once a save
/// with deliveries is committed, this instance's sender is woken rather than left to its next round. Some changes are
/// events only on a condition the database answers (a deal won is one only when references helped it): their
/// description is then null, and nothing is stored.
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
            if (await describe(ct) is not { } happened)
            {
                continue;
            }
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

    /// <summary>
    /// The deal <paramref name="opportunity"/> won <paramref name="at"/>, with the references that helped it, credited as
    /// the influence report credits them; null when no reference helped it.
    /// </summary>
    public async Task<WebhookEvent?> OpportunityWonAsync(DbContext context, Opportunity opportunity, DateTimeOffset at, CancellationToken ct)
    {
        var helped = await ReportQueries.HelpingReferences(context.Set<ReferenceRequest>().AsNoTracking().Where(r => r.OpportunityId == opportunity.Id))
            .OrderBy(r => r.Id).ToListAsync(ct);
        if (helped.Count == 0)
        {
            return null;
        }
        var credits = RevenueAttribution.Attribute([new ClosedDeal(opportunity.Id, opportunity.Amount, Won: true)],
            [.. helped.Select(r => new GivenReference(r.Id, opportunity.Id, Happened: true, r.Rating, r.Helped))]).Attributed.ToDictionary(a => a.RequestId, a => a.Amount);
        var references = helped.Select(r => new HelpingReference(r.Id, r.Contact ?? "A removed contact", r.Account ?? "", r.Activity, r.Rating, credits[r.Id]))
            .OrderByDescending(r => r.Credit).ThenBy(r => r.Contact, StringComparer.Ordinal).ToList();
        var account = (opportunity.Account ?? await context.Set<Account>().FindAsync([opportunity.AccountId], ct))?.Name ?? "";
        var link = $"/opportunities/{opportunity.Id}";
        var names = references.Select(r => r.Contact).Distinct().ToList();
        var by = names.Count == 1 ? names[0] : $"{string.Join(", ", names.Take(names.Count - 1))} and {names[^1]}";
        return Event(WebhookEventTypes.OpportunityWon,
            new OpportunityWonEventData(opportunity.Id, opportunity.Name, account, opportunity.Amount, opportunity.CloseDate, references, Absolute(link)),
            // A CRM's deal names often hold the account's already.
            $"{(opportunity.Name.Contains(account, StringComparison.OrdinalIgnoreCase) ? opportunity.Name : $"{opportunity.Name} ({account})")} was won for "
            + $"{opportunity.Amount.ToString("#,0.##", CultureInfo.InvariantCulture)}, with references from {by}.", link, at);
    }

    /// <summary>The events of the tracked changes, each with its type and how to describe it (null when it turns out not to be one).</summary>
    private List<(string Type, Func<CancellationToken, Task<WebhookEvent?>> Describe)> Collect(DbContext context)
    {
        var tracker = context.ChangeTracker;
        var events = new List<(string, Func<CancellationToken, Task<WebhookEvent?>>)>();
        foreach (var step in tracker.Entries<RequestTransition>().Where(e => e.State == EntityState.Added).Select(e => e.Entity))
        {
            events.Add((step.From is null ? WebhookEventTypes.RequestCreated : WebhookEventTypes.RequestChanged, async ct => await RequestEventAsync(context, step, ct)));
            if (step is { To: RequestStatus.Accepted, From: not RequestStatus.Accepted })
            {
                // Also a step like any other above, so subscribers to every step still hear of it.
                events.Add((WebhookEventTypes.RequestAccepted, async ct => await RequestAcceptedEventAsync(context, step, ct)));
            }
        }
        foreach (var entry in tracker.Entries<ReferenceRequest>().Where(e => e.State == EntityState.Modified && e.Entity.SlaWarnedAt is not null
            && e.Property(p => p.SlaWarnedAt).IsModified && e.Property(p => p.SlaWarnedAt).OriginalValue is null))
        {
            var request = entry.Entity;
            events.Add((WebhookEventTypes.RequestSlaAtRisk, async ct => await SlaAtRiskEventAsync(context, request, ct)));
        }
        foreach (var entry in tracker.Entries<Opportunity>().Where(e => e.State == EntityState.Modified && e.Entity is { IsClosed: true, IsWon: true }
            && !(e.Property(p => p.IsClosed).OriginalValue && e.Property(p => p.IsWon).OriginalValue)))
        {
            var opportunity = entry.Entity;
            events.Add((WebhookEventTypes.OpportunityWon, ct => OpportunityWonAsync(context, opportunity, clock.GetUtcNow(), ct)));
        }
        foreach (var entry in tracker.Entries<Engagement>().Where(e => e.Entity is { Kind: EngagementKind.Ask, Status: EngagementStatus.Completed }
            && (e.State == EntityState.Added || (e.State == EntityState.Modified && e.Property(p => p.Status).IsModified
                && (EngagementStatus)e.Property(p => p.Status).OriginalValue! != EngagementStatus.Completed))))
        {
            var ask = entry.Entity;
            events.Add((WebhookEventTypes.AskCompleted, async ct => await AskEventAsync(context, ask, ct)));
        }
        foreach (var move in tracker.Entries<ReferralMove>().Where(e => e.State == EntityState.Added && e.Entity.To == ReferralStatus.Won).Select(e => e.Entity))
        {
            events.Add((WebhookEventTypes.ReferralWon, async ct => await ReferralEventAsync(context, move.ReferralId, ct)));
        }
        foreach (var entry in tracker.Entries<Idea>().Where(e => e.State == EntityState.Modified && e.Property(p => p.Status).IsModified
            && (IdeaStatus)e.Property(p => p.Status).OriginalValue! != e.Entity.Status))
        {
            var (idea, from) = (entry.Entity, (IdeaStatus)entry.Property(p => p.Status).OriginalValue!);
            events.Add((WebhookEventTypes.IdeaStatusChanged, _ => Task.FromResult<WebhookEvent?>(IdeaStatusChanged(idea, from, clock.GetUtcNow()))));
        }
        foreach (var entry in tracker.Entries<ImportJob>().Where(e => e.State == EntityState.Modified && e.Property(p => p.Status).IsModified
            && e.Entity.Status is ImportStatus.Completed or ImportStatus.Failed))
        {
            var job = entry.Entity;
            var link = $"/import/{job.Id}";
            var summary = job.Status == ImportStatus.Completed
                ? $"The {job.Kind} import finished: {job.Created} created, {job.Updated} updated, {job.Unchanged} unchanged, {job.Rejected} rejected."
                : $"The {job.Kind} import failed: {job.Error}";
            events.Add((WebhookEventTypes.ImportFinished, _ => Task.FromResult<WebhookEvent?>(Event(WebhookEventTypes.ImportFinished, new ImportEventData(job.Id, job.Kind.ToString(),
                job.Status.ToString(), job.Created, job.Updated, job.Unchanged, job.Rejected, job.Error, Absolute(link)), summary, link))));
        }
        return events;
    }

    private async Task<WebhookEvent> RequestEventAsync(DbContext context, RequestTransition step, CancellationToken ct)
    {
        var (request, activity, advocate) = await RequestAsync(context, step.RequestId, ct);
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

    private async Task<WebhookEvent> RequestAcceptedEventAsync(DbContext context, RequestTransition step, CancellationToken ct)
    {
        var (request, activity, advocate) = await RequestAsync(context, step.RequestId, ct);
        var contact = request.ContactId is { } contactId ? request.Contact ?? await context.Set<Contact>().FindAsync([contactId], ct) : null;
        var account = contact is null ? null : (contact.Account ?? await context.Set<Account>().FindAsync([contact.AccountId], ct))?.Name;
        var requester = (request.Requester ?? await context.Set<User>().FindAsync([request.RequesterId], ct))?.DisplayName ?? "the seller";
        var link = $"/requests/{request.Id}";
        var of = account is null ? "" : $" of {account}";
        var times = request.ProposedTimes.Count == 0 ? "" : $" They offered {string.Join(", ", request.ProposedTimes.Select(t => $"{t.UtcDateTime:d MMM HH:mm}"))} UTC.";
        return Event(WebhookEventTypes.RequestAccepted,
            new RequestAcceptedEventData(request.Id, activity, advocate ?? "The advocate", account, requester, request.ProposedTimes, step.ByName, Absolute(link)),
            $"{advocate ?? "The advocate"}{of} accepted the {activity.ToLowerInvariant()} for {requester}: it waits to be scheduled.{times}", link);
    }

    private async Task<WebhookEvent> SlaAtRiskEventAsync(DbContext context, ReferenceRequest request, CancellationToken ct)
    {
        var (_, activity, advocate) = await RequestAsync(context, request.Id, ct);
        var link = $"/requests/{request.Id}";
        var due = request.StepDueAt!.Value;
        var waiting = WaitingOn.Describe(request);
        var with = advocate is null ? "" : $" with {advocate}";
        return Event(WebhookEventTypes.RequestSlaAtRisk,
            new RequestSlaAtRiskEventData(request.Id, activity, advocate, request.Status.ToString(), waiting, due, Absolute(link)),
            $"About to miss its service level: the {activity.ToLowerInvariant()} request{with} waits on {waiting}, due by {due.UtcDateTime:d MMM HH:mm} UTC.", link);
    }

    /// <summary>The request, its activity's name and its advocate's, from what the context holds or the database.</summary>
    private static async Task<(ReferenceRequest Request, string Activity, string? Advocate)> RequestAsync(DbContext context, Guid id, CancellationToken ct)
    {
        var request = (await context.Set<ReferenceRequest>().FindAsync([id], ct))!;
        var activity = (request.ActivityType ?? await context.Set<ActivityType>().FindAsync([request.ActivityTypeId], ct))?.Name ?? "reference";
        var advocate = request.ContactId is { } contactId ? (request.Contact ?? await context.Set<Contact>().FindAsync([contactId], ct))?.FullName : null;
        return (request, activity, advocate);
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
