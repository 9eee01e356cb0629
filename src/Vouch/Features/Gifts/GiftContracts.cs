namespace Vouch.Features.Gifts;

/// <summary>
/// A gift to record. The smallest is a contact, a description, a value, a currency and the day it was given. Naming a
/// reference request or a deal it would be tied to is refused by the policy; an exception reason asks for a gift over a
/// limit to wait for approval rather than be refused.
/// </summary>
public sealed record GiftInput(
    Guid? ContactId, string? Description, decimal? Value, string? Currency, DateOnly? GivenOn, string? Occasion = null,
    Guid? RequestId = null, Guid? OpportunityId = null, string? ExceptionReason = null);

/// <summary>Approving or refusing a gift that waits: why (required to approve an exception and to refuse), and the version read.</summary>
public sealed record GiftDecision(string? Note, Guid? Version);

/// <summary>A gift as the API shows it, with who recorded it and who decided it, when and why.</summary>
public sealed record GiftResponse(
    Guid Id, Guid ContactId, string Contact, string Description, decimal Value, string Currency, DateOnly GivenOn, string? Occasion,
    string State, string? WaitsBecause, string? Exception, string? ExceptionReason, decimal? CreditHours,
    string RecordedBy, DateTimeOffset RecordedAt, string? DecidedBy, DateTimeOffset? DecidedAt, string? DecisionNote, Guid Version);

/// <summary>The gift policy as admins read and set it; industries by name.</summary>
public sealed record GiftPolicyResponse(
    string Currency, decimal YearlyLimit, decimal OccasionLimit, decimal PublicSectorYearlyLimit, decimal PublicSectorOccasionLimit,
    decimal ApprovalAbove, decimal HoursPerGift, IReadOnlyList<string> PublicSectorIndustries, Guid Version);

/// <summary>The whole policy, replaced at once; send the version you read.</summary>
public sealed record GiftPolicyInput(
    string? Currency, decimal? YearlyLimit, decimal? OccasionLimit, decimal? PublicSectorYearlyLimit, decimal? PublicSectorOccasionLimit,
    decimal? ApprovalAbove, decimal? HoursPerGift, IReadOnlyList<string>? PublicSectorIndustries, Guid? Version);
