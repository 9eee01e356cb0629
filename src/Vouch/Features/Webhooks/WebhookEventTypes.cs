using Vouch.Features.Requests;

namespace Vouch.Features.Webhooks;

/// <summary>An event type subscribers can choose: its name, what it tells, and the shape of its <c>data</c>.</summary>
public sealed record WebhookEventType(string Name, string Description, Type Data);

/// <summary>Every event Vouch sends, by name. The OpenAPI document lists them as webhooks with their payloads.</summary>
public static class WebhookEventTypes
{
    public const string RequestCreated = "request.created";
    public const string RequestChanged = "request.changed";
    public const string RequestAccepted = "request.accepted";
    public const string RequestSlaAtRisk = "request.sla-at-risk";
    public const string AskCompleted = "ask.completed";
    public const string ReferralWon = "referral.won";
    public const string OpportunityWon = "opportunity.won";
    public const string IdeaStatusChanged = "idea.status-changed";
    public const string ImportFinished = "import.finished";
    public const string Ping = "webhook.ping";

    public static IReadOnlyList<WebhookEventType> All { get; } =
    [
        new(RequestCreated, "A seller asked for a reference: a request waits on the reference team.", typeof(RequestEventData)),
        new(RequestChanged, "A reference request moved a step: proposed, consented, accepted, scheduled, completed, declined, cancelled or expired.", typeof(RequestEventData)),
        new(RequestAccepted, "An advocate accepted a reference request, with the times they offered; it is also sent as request.changed.", typeof(RequestAcceptedEventData)),
        new(RequestSlaAtRisk, "A request's current step is about to miss its service level: once per step, a few hours before it is due (Requests:SlaWarningHours).", typeof(RequestSlaAtRiskEventData)),
        new(AskCompleted, "An advocate gave their time: an ask in the ledger is completed.", typeof(AskEventData)),
        new(ReferralWon, "A prospect an advocate referred became a customer.", typeof(ReferralEventData)),
        new(OpportunityWon, "A deal closed won that references helped win, with the references and the share of its amount each is credited.", typeof(OpportunityWonEventData)),
        new(IdeaStatusChanged, "An idea's status changed, e.g. to planned or delivered.", typeof(IdeaEventData)),
        new(ImportFinished, "An import of CRM files finished, completed or failed, with its counts.", typeof(ImportEventData)),
        new(Ping, "Sent on request from the subscription's page or API, to try the endpoint; every subscription gets it.", typeof(PingEventData)),
    ];

    /// <summary>The types a subscription may choose; the ping is sent on request, not subscribed to.</summary>
    public static IReadOnlyList<string> Subscribable { get; } = [.. All.Where(t => t.Name != Ping).Select(t => t.Name)];
}

/// <summary>The body of every delivery: what happened, when, and its data.</summary>
public sealed record WebhookPayload<TData>(string Type, DateTimeOffset Timestamp, TData Data);

/// <summary>A request created or moved; <c>from</c> is null for a new one.</summary>
public sealed record RequestEventData(Guid RequestId, string Activity, string? Advocate, string? From, string To, string By, string? Note, string Link);

/// <summary>An advocate said yes: to what, for which seller, and the times they offered for the seller to pick from.</summary>
public sealed record RequestAcceptedEventData(
    Guid RequestId, string Activity, string Advocate, string? Account, string Requester, IReadOnlyList<DateTimeOffset> ProposedTimes, string By, string Link);

/// <summary>A request's current step, what it waits on in words ("the account owner's consent"), and when it is due.</summary>
public sealed record RequestSlaAtRiskEventData(Guid RequestId, string Activity, string? Advocate, string Step, string WaitingOn, DateTimeOffset DueAt, string Link);

/// <summary>A deal won with references: what it was worth and each reference that helped, credited as the influence report credits it.</summary>
public sealed record OpportunityWonEventData(
    Guid OpportunityId, string Name, string Account, decimal Amount, DateOnly CloseDate, IReadOnlyList<HelpingReference> References, string Link);

public sealed record AskEventData(Guid AskId, Guid ContactId, string Advocate, string What, Guid? RequestId, string Link);

public sealed record ReferralEventData(Guid ReferralId, string Company, string Person, Guid ReferredById, string ReferredBy, string Link);

public sealed record IdeaEventData(Guid IdeaId, string Title, string From, string To, string Link);

public sealed record ImportEventData(Guid ImportId, string Kind, string Status, int Created, int Updated, int Unchanged, int Rejected, string? Error, string Link);

public sealed record PingEventData(Guid SubscriptionId, string Message);
