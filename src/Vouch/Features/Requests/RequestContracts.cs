using Vouch.Features.Matching;

namespace Vouch.Features.Requests;

/// <summary>A new request. Only the activity and the day it is needed by are required.</summary>
/// <remarks>
/// Criteria left out are taken from the opportunity's account, products and competitor; marketing asks without an
/// opportunity and gives the criteria it cares about, or none.
/// </remarks>
public sealed record CreateRequestBody(
    string? ActivityType,
    DateOnly? NeededBy,
    Guid? OpportunityId = null,
    CriteriaBody? Criteria = null,
    string? UseCase = null);

public sealed record CriteriaBody(
    Guid? IndustryId = null,
    IReadOnlyList<Guid>? ProductIds = null,
    string? Region = null,
    string? CountryCode = null,
    int? Employees = null,
    string? Competitor = null)
{
    /// <summary>
    /// The criteria a deal implies: the advocate should look like the prospect (its industry, region, country and size),
    /// use what the deal sells (the deal's products, else the account's) and have replaced the competitor in the deal.
    /// </summary>
    public static CriteriaBody FromDeal(Opportunities.Opportunity deal)
    {
        var account = deal.Account!;
        var products = deal.Products.Count > 0 ? deal.Products : account.Products;
        return new(account.IndustryId, [.. products.Select(p => p.Id)], account.Region?.ToString(), account.CountryCode, account.Employees, deal.Competitor);
    }
}

public sealed record AssignBody(Guid? ContactId);

public sealed record OwnerConsentBody(string? Decision, string? Reason);

public sealed record ReasonBody(string? Reason);

public sealed record ScheduleBody(DateTimeOffset? At);

/// <summary>An acceptance, with up to three times that suit the advocate.</summary>
public sealed record AcceptBody(IReadOnlyList<DateTimeOffset>? ProposedTimes)
{
    public const int MaxProposedTimes = 3;
}

public sealed record FeedbackBody(bool? Happened, int? Rating, bool? Helped, string? Notes);

public sealed record CriteriaResponse(
    Guid? IndustryId, string? Industry, IReadOnlyList<Guid> ProductIds, IReadOnlyList<string> Products, string? Region, string? CountryCode,
    int? Employees, string? Competitor);

public sealed record TransitionResponse(string? From, string To, DateTimeOffset At, string By, string? Note);

public sealed record RequestSummary(
    Guid Id, string Status, string ActivityType, string ActivityName, DateOnly NeededBy, Guid? OpportunityId, string? Opportunity,
    string Requester, Guid? ContactId, string? Contact, string? Account, DateTimeOffset CreatedAt, DateTimeOffset? StepDueAt, bool Overdue,
    string WaitingOn);

public sealed record RequestResponse(
    Guid Id,
    string Status,
    string ActivityType,
    string ActivityName,
    string Fulfilment,
    DateOnly NeededBy,
    Guid? OpportunityId,
    string? Opportunity,
    Guid RequesterId,
    string Requester,
    CriteriaResponse Criteria,
    string? UseCase,
    Guid? ContactId,
    string? Contact,
    string? Account,
    Guid? AccountOwnerId,
    string? AccountOwner,
    DateTimeOffset CreatedAt,
    DateTimeOffset? StepDueAt,
    DateTimeOffset? SlaWarnedAt,
    DateTimeOffset? EscalatedAt,
    DateTimeOffset? ScheduledFor,
    IReadOnlyList<DateTimeOffset> ProposedTimes,
    string? DeclineReason,
    bool? Happened,
    int? Rating,
    bool? Helped,
    string? FeedbackNotes,
    string WaitingOn,
    IReadOnlyList<string> Actions,
    IReadOnlyList<TransitionResponse> Timeline,
    Guid Version);

public sealed record CandidateResponse(Guid ContactId, string Name, string? Title, string Account, int Score, IReadOnlyList<string> Reasons)
{
    /// <summary>Where the product fits, in the advocate's story, so the seller knows what this reference can speak to.</summary>
    public string? FitsWhere { get; init; }

    /// <summary>Where the product does not fit, in the advocate's own story.</summary>
    public string? NotAFitFor { get; init; }
}

public sealed record ExcludedResponse(Guid ContactId, string Name, string Account, IReadOnlyList<string> Reasons);

/// <summary>Something to offer instead of a call when few advocates fit: approved content, an upcoming event.</summary>
public sealed record AlternativeResponse(string Kind, Guid Id, string Title, string? Link);

public sealed record MatchesResponse(
    IReadOnlyList<CandidateResponse> Candidates, IReadOnlyList<ExcludedResponse> Excluded, IReadOnlyList<AlternativeResponse> Alternatives);

/// <summary>The engine's input for one request, shared by the matches and by assigning.</summary>
internal sealed record MatchInput(MatchCriteria Criteria, MatchPolicy Policy);
