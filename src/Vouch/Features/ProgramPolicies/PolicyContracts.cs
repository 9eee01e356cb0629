namespace Vouch.Features.ProgramPolicies;

/// <summary>When one activity may be asked for: an open stage of the sales cycle and an amount, each optional.</summary>
public sealed record ActivityRuleInput(string? ActivityType, string? MinimumStage, decimal? MinimumDealSize);

/// <summary>The whole policy, replacing the one in force; <c>version</c> is the one you read.</summary>
public sealed record PolicyInput(
    IReadOnlyList<ActivityRuleInput>? Activities, bool? LogoNeedsWrittenConsent, int? CaseStudyReapprovalMonths, Guid? Version);

public sealed record ActivityRuleResponse(string ActivityType, string Name, string? MinimumStage, decimal? MinimumDealSize);

/// <summary>The policy in force: a rule for each activity that has one, the sales cycle's open stages in order, the content rules.</summary>
public sealed record PolicyResponse(
    IReadOnlyList<ActivityRuleResponse> Activities, IReadOnlyList<string> Stages, bool LogoNeedsWrittenConsent, int? CaseStudyReapprovalMonths, Guid Version);

/// <summary>A reference manager's decision on a request outside policy: approve or decline, and why (required).</summary>
public sealed record ExceptionDecisionBody(string? Decision, string? Reason);

public sealed record PolicyExceptionResponse(
    Guid RequestId, string State, IReadOnlyList<string> Rules, IReadOnlyList<string> Reasons, DateTimeOffset RequestedAt,
    string? DecidedBy, DateTimeOffset? DecidedAt, string? Reason);

public sealed record RuleExceptionCount(string Rule, int Requested, int Waiting, int Approved, int Declined);

/// <summary>Exceptions asked for in all, still waiting, approved and declined; and the same per rule (a request breaking two rules counts in both).</summary>
public sealed record ExceptionCounts(int Requested, int Waiting, int Approved, int Declined, IReadOnlyList<RuleExceptionCount> ByRule);
