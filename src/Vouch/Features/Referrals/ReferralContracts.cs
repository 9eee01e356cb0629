namespace Vouch.Features.Referrals;

/// <summary>A referral the team records for an advocate; the smallest is the advocate, the prospect company and person.</summary>
public sealed record ReferralBody(
    Guid? ReferrerContactId, string? ProspectCompany, string? ProspectName, string? ProspectEmail = null, string? ProspectTitle = null,
    string? CompanyDomain = null, string? Note = null);

/// <summary>A referral in a list: who brought which prospect, where it stands and what it won.</summary>
public sealed record ReferralSummary(
    Guid Id, Guid ReferredById, string ReferredBy, Guid AccountId, string Account, string Company, string? CompanyDomain, string PersonName,
    string? PersonEmail, string Status, DateTimeOffset CreatedAt, Guid? OpportunityId, decimal? WonAmount);

/// <summary>Another advocate (or the same one again) who referred the prospect after the credited referral.</summary>
public sealed record AlsoReferredBy(Guid ContactId, string Name, DateTimeOffset At, string? Note);

/// <summary>A move from one stage to another, and when it was made.</summary>
public sealed record ReferralMoveResponse(string From, string To, DateTimeOffset At);

/// <summary>One referral with its deal, its moves and who else referred the prospect; <c>version</c> to send back with a change.</summary>
public sealed record ReferralDetails(
    Guid Id, Guid ReferredById, string ReferredBy, Guid AccountId, string Account, string Company, string? CompanyDomain, string PersonName,
    string? PersonTitle, string? PersonEmail, string? Note, string Status, IReadOnlyList<string> MayMoveTo, DateTimeOffset CreatedAt,
    DateTimeOffset StatusChangedAt, Guid? OpportunityId, string? Opportunity, decimal? OpportunityAmount, decimal? WonAmount,
    IReadOnlyList<AlsoReferredBy> AlsoReferredBy, IReadOnlyList<ReferralMoveResponse> History, Guid Version);

/// <summary>Move a referral to a stage; <c>version</c> is the one the caller read.</summary>
public sealed record ReferralStatusBody(string? Status, Guid? Version);

/// <summary>A deal to create from a referral at the prospect's account (made as a prospect account when there is none).</summary>
public sealed record NewDealBody(string? Name, decimal? Amount, DateOnly? CloseDate, string? Stage);

/// <summary>Link a referral to its deal: an existing opportunity's id, or <c>create</c> to make one; <c>version</c> is the referral's.</summary>
public sealed record ReferralOpportunityBody(Guid? OpportunityId, NewDealBody? Create, Guid? Version);

/// <summary>The filters of <c>GET /api/v1/referrals</c>.</summary>
public sealed record ReferralFilter
{
    /// <summary>New, Contacted, Qualified, Opportunity, Won or Lost.</summary>
    public string? Status { get; init; }

    /// <summary>The advocate credited.</summary>
    public Guid? ReferrerContactId { get; init; }

    /// <summary>The advocate's account.</summary>
    public Guid? AccountId { get; init; }
}

/// <summary>
/// What an advocate's or an account's referrals came to: how many, how many won, the conversion rate (won over all, 0 to
/// 1; null when there are none) and the revenue of the won deals.
/// </summary>
public sealed record ReferralStats(int Referrals, int Won, double? ConversionRate, decimal WonRevenue);

public sealed record ReferralStatusCount(string Status, int Count);

public sealed record TopReferrer(Guid ContactId, string Name, Guid AccountId, string Account, int Referrals, int Won, decimal WonRevenue);

/// <summary>The program's referrals: totals, how many at each stage, and the advocates whose referrals won the most.</summary>
public sealed record ReferralReport(ReferralStats Totals, IReadOnlyList<ReferralStatusCount> ByStatus, IReadOnlyList<TopReferrer> TopReferrers);
