namespace Vouch.Features.Reviews;

/// <summary>A review campaign as scripts write it; <c>siteName</c> only for the site <c>Other</c>.</summary>
public sealed record ReviewCampaignInput(
    string? Name,
    string? Site,
    string? SiteName,
    DateOnly? StartsOn,
    DateOnly? EndsOn,
    int? TargetCount,
    string? Kind,
    int? RefreshAfterMonths,
    string? Incentive,
    string? IncentiveDisclosure,
    Guid? Version);

/// <summary>How far a campaign has come: invitations not withdrawn, reviews written, reviews verified, against the target.</summary>
public sealed record CampaignProgress(int Invited, int Reviewed, int Verified, int Target);

public sealed record ReviewCampaignResponse(
    Guid Id,
    string Name,
    string Site,
    string? SiteName,
    string SiteLabel,
    DateOnly StartsOn,
    DateOnly EndsOn,
    int TargetCount,
    string Kind,
    int? RefreshAfterMonths,
    string? Incentive,
    string? IncentiveDisclosure,
    string State,
    CampaignProgress Progress,
    Guid Version);

/// <summary>The advocates to invite, all or none.</summary>
public sealed record InviteInput(IReadOnlyList<Guid>? ContactIds);

/// <summary>The review's link on the site; <c>reviewedOn</c> defaults to today.</summary>
public sealed record ReviewInput(string? ReviewUrl, DateOnly? ReviewedOn);

public sealed record InvitationResponse(
    Guid Id,
    Guid CampaignId,
    string Campaign,
    Guid ContactId,
    string Contact,
    string Account,
    string State,
    DateTimeOffset InvitedAt,
    DateTimeOffset? RemindedAt,
    DateTimeOffset? ReviewedAt,
    string? ReviewUrl,
    DateTimeOffset? VerifiedAt,
    string? VerifiedBy,
    Guid? EngagementId);

/// <summary>An advocate a campaign may invite now.</summary>
public sealed record EligibleReviewer(Guid ContactId, string Name, string Account, string Stage, DateOnly? LastReviewedOn);

/// <summary>Family of an employee: never invited to review.</summary>
public sealed record EmployeeRelationInput(string? Relation);

public sealed record EmployeeRelationResponse(Guid ContactId, string Relation, DateTimeOffset RecordedAt);
