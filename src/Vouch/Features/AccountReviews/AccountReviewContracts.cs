namespace Vouch.Features.AccountReviews;

/// <summary>
/// A review to schedule, or one already held to record at once. The smallest is an account and the day it is
/// scheduled on; a held review names the day it was held and the health it found (Green, Amber or Red).
/// </summary>
public sealed record AccountReviewInput(
    Guid? AccountId, DateOnly? ScheduledOn, DateOnly? HeldOn = null, string? Health = null, string? Notes = null,
    IReadOnlyList<string>? OpenEscalations = null);

/// <summary>
/// A review's fields replaced (send the version you read): recording it is giving the day it was held and its health.
/// Escalations raised at it are opened by title; open ones of the account are closed by id, on the day it was held.
/// </summary>
public sealed record AccountReviewUpdate(
    DateOnly? ScheduledOn, DateOnly? HeldOn, string? Health, string? Notes, Guid? Version,
    IReadOnlyList<string>? OpenEscalations = null, IReadOnlyList<Guid>? CloseEscalations = null);

public sealed record EscalationResponse(Guid Id, Guid ReviewId, string Title, DateOnly OpenedOn, DateOnly? ClosedOn);

/// <summary>A review, with the escalations raised at it and those of its account still open.</summary>
public sealed record AccountReviewResponse(
    Guid Id, Guid AccountId, string Account, DateOnly ScheduledOn, DateOnly? HeldOn, string? Health, string? Notes,
    IReadOnlyList<EscalationResponse> Escalations, IReadOnlyList<EscalationResponse> OpenEscalations, Guid Version);

/// <summary>A review as lists show it.</summary>
public sealed record AccountReviewSummary(Guid Id, Guid AccountId, string Account, DateOnly ScheduledOn, DateOnly? HeldOn, string? Health, int EscalationsRaised);

/// <summary>The filters of <c>GET /api/v1/account-reviews</c>.</summary>
public sealed record AccountReviewFilter
{
    public Guid? AccountId { get; init; }

    /// <summary>Green, Amber or Red: held reviews that found it.</summary>
    public string? Health { get; init; }

    /// <summary>Scheduled on or after this day.</summary>
    public DateOnly? From { get; init; }

    /// <summary>Scheduled on or before this day.</summary>
    public DateOnly? To { get; init; }

    /// <summary>true: held reviews only; false: those still to hold.</summary>
    public bool? Held { get; init; }
}

/// <summary>An account's delivery as its page shows it: current health (from the latest held review), open escalations and the next review.</summary>
public sealed record AccountDelivery(
    Guid AccountId, DateOnly? LastHeldOn, string? Health, DateOnly? NextReviewOn, Guid? NextReviewId,
    IReadOnlyList<EscalationResponse> OpenEscalations, DeliveryVerdict Verdict);
