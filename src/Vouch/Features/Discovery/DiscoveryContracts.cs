using Microsoft.AspNetCore.Mvc;

namespace Vouch.Features.Discovery;

/// <summary>The candidate lists: the best-scoring candidates, promoters nobody asked yet, and advocates who went quiet.</summary>
public enum CandidateList { Top, PromotersNeverAsked, WentQuiet }

/// <summary>Which candidate list to read, narrowed to a segment or an industry.</summary>
public sealed record CandidateFilter
{
    /// <summary>top (the default), promotersNeverAsked or wentQuiet.</summary>
    [FromQuery(Name = "list")]
    public string? List { get; init; }

    /// <summary>SmallBusiness, MidMarket or Enterprise.</summary>
    [FromQuery(Name = "segment")]
    public string? Segment { get; init; }

    /// <summary>An industry's key or name.</summary>
    [FromQuery(Name = "industry")]
    public string? Industry { get; init; }
}

/// <summary>One reason a candidate scores: a factor, its points and the words that say why.</summary>
public sealed record ScorePartResponse(string Factor, int Points, string Words);

/// <summary>
/// A contact on a candidate list: who, at which account, their discovery score and its parts (strongest first), their
/// latest NPS answer, the day they were last engaged (completed ask or give), and any open or accepted nomination.
/// </summary>
public sealed record CandidateResponse(
    Guid ContactId,
    string Name,
    string? Title,
    Guid AccountId,
    string Account,
    string? Segment,
    string? Industry,
    string Stage,
    int Score,
    IReadOnlyList<ScorePartResponse> Parts,
    int? LatestNps,
    DateOnly? LastEngagedOn,
    string? Nomination);

public sealed record NominationInput(Guid? ContactId, string? Reason);

/// <summary>A decision on a nomination: a note (required to decline) and the version read.</summary>
public sealed record NominationDecision(string? Note, Guid? Version);

public sealed record NominationFilter
{
    /// <summary>Proposed, Accepted or Declined; every state when not given.</summary>
    [FromQuery(Name = "state")]
    public string? State { get; init; }
}

public sealed record NominationResponse(
    Guid Id,
    Guid ContactId,
    string Contact,
    Guid AccountId,
    string Account,
    string Source,
    string? NominatedBy,
    Guid? OpportunityId,
    string Reason,
    DateTimeOffset ProposedAt,
    string State,
    string? DecidedBy,
    DateTimeOffset? DecidedAt,
    string? DecisionNote,
    Guid Version);
