using System.Globalization;
using Vouch.Features.Content;

namespace Vouch.Features.ProgramPolicies;

/// <summary>One rule of the program's policy that a request or a use of content breaks: its key and why, in words.</summary>
public sealed record BrokenRule(string Rule, string Reason);

/// <summary>When in the sales cycle one activity may be asked for: from which stage of the deal and from which amount up.</summary>
public sealed record ActivityRule(string ActivityType, string? MinimumStage, decimal? MinimumDealSize);

/// <summary>The program's policy as the engine reads it; see <see cref="ProgramPolicy"/> for its defaults.</summary>
public sealed record ProgramRules(IReadOnlyList<ActivityRule> Activities, bool LogoNeedsWrittenConsent, int? CaseStudyReapprovalMonths)
{
    public static ProgramRules None { get; } = new([], false, null);
}

/// <summary>What a request is for: the activity and, when it is for a deal, the deal's stage and amount.</summary>
public sealed record RequestFacts(string ActivityType, string? DealStage, decimal? DealAmount);

/// <summary>What using a content asset depends on: its kind, when it was approved, and the written consent behind it.</summary>
public sealed record ContentFacts(ContentKind Kind, DateOnly? ApprovedOn, bool HasWrittenConsent, DateOnly Today);

/// <summary>
/// The program's policies, with no database: which rules a request or a use of content breaks, each named, and whether
/// a policy contradicts itself. A request without a deal (a campaign) is outside the sales cycle, so the stage and size
/// rules do not apply to it.
/// </summary>
public static class PolicyEngine
{
    public const string MinimumStage = "minimum-stage";
    public const string MinimumDealSize = "minimum-deal-size";
    public const string LogoConsent = "logo-written-consent";
    public const string CaseStudyReapproval = "case-study-reapproval";

    /// <summary>The rules a policy has, for counting exceptions by rule.</summary>
    public static IReadOnlyList<string> Rules { get; } = [MinimumStage, MinimumDealSize, LogoConsent, CaseStudyReapproval];

    /// <summary>The most months a case study may go before re-approval that a policy may set: ten years.</summary>
    public const int MaxReapprovalMonths = 120;

    /// <summary>The largest minimum deal size a policy may set (the amount column's limit).</summary>
    public const decimal MaxDealSize = 9_999_999_999_999_999.99m;

    public static IReadOnlyList<BrokenRule> Check(ProgramRules rules, RequestFacts request)
    {
        var rule = rules.Activities.FirstOrDefault(a => a.ActivityType == request.ActivityType);
        if (rule is null || request.DealStage is null)
        {
            return [];
        }
        var broken = new List<BrokenRule>();
        if (rule.MinimumStage is { } minimum && !SalesStages.IsAtOrAfter(request.DealStage, minimum))
        {
            broken.Add(new(MinimumStage, SalesStages.IndexOf(request.DealStage) < 0
                ? $"The deal's stage '{request.DealStage}' is not one of the sales cycle's stages ({string.Join(", ", SalesStages.Open)}); the policy asks for '{minimum}' or later."
                : $"The deal is at '{request.DealStage}'; the policy allows this activity from '{minimum}' on."));
        }
        if (rule.MinimumDealSize is { } size && request.DealAmount < size)
        {
            broken.Add(new(MinimumDealSize, $"The deal is {Amount(request.DealAmount.Value)}; the policy allows this activity from {Amount(size)} up."));
        }
        return broken;
    }

    private static string Amount(decimal amount) => amount.ToString("#,0.##", CultureInfo.InvariantCulture);

    public static IReadOnlyList<BrokenRule> Check(ProgramRules rules, ContentFacts content)
    {
        var broken = new List<BrokenRule>();
        if (rules.LogoNeedsWrittenConsent && content.Kind == ContentKind.Logo && !content.HasWrittenConsent)
        {
            broken.Add(new(LogoConsent, "A logo is used only with the written consent of its contact; none is on record."));
        }
        if (rules.CaseStudyReapprovalMonths is { } months && content.Kind == ContentKind.CaseStudy
            && content.ApprovedOn is { } approvedOn && approvedOn.AddMonths(months) < content.Today)
        {
            broken.Add(new(CaseStudyReapproval,
                $"The case study was approved on {approvedOn:yyyy-MM-dd}, more than {months} months ago: it needs the customer's approval again before it is used."));
        }
        return broken;
    }
}

/// <summary>
/// The stages of the sales cycle in order, as Vouch and its CRM import name them; a deal ends in one of the closed
/// stages. A minimum stage must be an open stage: after the last one there is no deal left to help.
/// </summary>
public static class SalesStages
{
    public static IReadOnlyList<string> Open { get; } = ["Prospecting", "Qualification", "Proposal", "Negotiation"];

    public static IReadOnlyList<string> Closed { get; } = [Opportunities.OpportunityClosing.WonStage, Opportunities.OpportunityClosing.LostStage, "Closed"];

    /// <summary>The place of an open stage in the cycle (any casing); -1 for a closed or unknown stage.</summary>
    public static int IndexOf(string stage)
    {
        for (var i = 0; i < Open.Count; i++)
        {
            if (string.Equals(Open[i], stage.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }
        return -1;
    }

    /// <summary>Whether a deal at <paramref name="stage"/> has reached <paramref name="minimum"/>; an unknown stage has not.</summary>
    public static bool IsAtOrAfter(string stage, string minimum) => IndexOf(stage) is var at and >= 0 && at >= IndexOf(minimum);

    public static bool IsClosed(string stage) => Closed.Contains(stage.Trim(), StringComparer.OrdinalIgnoreCase);
}

/// <summary>Whether a policy contradicts itself, field by field; the activities it may name are given.</summary>
public static class PolicyValidation
{
    public static ValidationErrors Validate(PolicyInput input, IReadOnlySet<string> activityTypes)
    {
        var errors = new ValidationErrors();
        var named = new HashSet<string>(StringComparer.Ordinal);
        var rules = input.Activities ?? [];
        for (var i = 0; i < rules.Count; i++)
        {
            var (rule, field) = (rules[i], $"activities[{i}]");
            if (string.IsNullOrWhiteSpace(rule.ActivityType))
            {
                errors.Add($"{field}.activityType", $"{field}.activityType is required.");
            }
            else if (!activityTypes.Contains(rule.ActivityType))
            {
                errors.Add($"{field}.activityType", $"{field}.activityType '{rule.ActivityType}' is not an activity type in use; GET /api/v1/activity-types lists them.");
            }
            else if (!named.Add(rule.ActivityType))
            {
                errors.Add($"{field}.activityType", $"{field}.activityType '{rule.ActivityType}' has a rule already: one rule per activity.");
            }
            if (rule.MinimumStage is { } stage && !string.IsNullOrWhiteSpace(stage) && SalesStages.IndexOf(stage) < 0)
            {
                errors.Add($"{field}.minimumStage", SalesStages.IsClosed(stage)
                    ? $"{field}.minimumStage '{stage}' is a closed deal's stage: a reference helps a deal before it closes; choose one of {string.Join(", ", SalesStages.Open)}."
                    : $"{field}.minimumStage '{stage}' is not a stage of the sales cycle; choose one of {string.Join(", ", SalesStages.Open)}.");
            }
            if (rule.MinimumDealSize is < 0)
            {
                errors.Add($"{field}.minimumDealSize", $"{field}.minimumDealSize must be 0 or more.");
            }
            else if (rule.MinimumDealSize > PolicyEngine.MaxDealSize || rule.MinimumDealSize is { } size && decimal.Round(size, 2) != size)
            {
                errors.Add($"{field}.minimumDealSize", $"{field}.minimumDealSize must be at most {PolicyEngine.MaxDealSize:0.00}, with at most two decimals.");
            }
        }
        if (input.LogoNeedsWrittenConsent is null)
        {
            errors.Add("logoNeedsWrittenConsent", "logoNeedsWrittenConsent is required: true when a logo is used only with written consent.");
        }
        if (input.CaseStudyReapprovalMonths is < 1 or > PolicyEngine.MaxReapprovalMonths)
        {
            errors.Add("caseStudyReapprovalMonths", $"caseStudyReapprovalMonths must be from 1 to {PolicyEngine.MaxReapprovalMonths}, or left out when case studies need no re-approval.");
        }
        return errors;
    }
}
