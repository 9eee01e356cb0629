using Vouch.Features.Contacts;

namespace Vouch.Features.Reviews;

/// <summary>The campaign as the eligibility rules read it.</summary>
/// <remarks>Site: as people name it ("G2"). Today: the day the invitation would be sent.</remarks>
public sealed record ReviewCampaignFacts(string Site, CampaignKind Kind, int? RefreshAfterMonths, DateOnly Today);

/// <summary>A possible invitee as the eligibility rules read them.</summary>
/// <remarks>
/// EmployeeRelation: how they are family of an employee, when they are. LastReviewedOn: their last review on the
/// campaign's site, in any campaign. InvitedOn, InvitedState: their invitation to this campaign, if any.
/// </remarks>
public sealed record ReviewerFacts(
    string Name,
    string? Email,
    string? EmployeeRelation,
    ConsentLevel Consent,
    DateOnly? ConsentExpiresOn,
    bool AgreedToReviews,
    DateOnly? LastReviewedOn,
    DateOnly? InvitedOn = null,
    InvitationState? InvitedState = null);

/// <summary>
/// Who a review campaign may invite, by the review sites' rules and the advocate's consent: never an employee or an
/// employee's family, only someone who agreed to review-site reviews, once per campaign, a first-time reviewer for a
/// new campaign and a reviewer whose last review is older than the campaign's months for a refresh. Each rule that
/// keeps someone out is a sentence naming them. The advocate's limits (rest periods, quarterly caps, blackouts) are the
/// ledger's, checked when the ask is written.
/// </summary>
public static class ReviewEligibility
{
    public const string SiteRules = "employees and their families are never invited (site rules)";

    /// <summary>Every rule that keeps <paramref name="reviewer"/> out of the campaign; empty when they may be invited.</summary>
    public static IReadOnlyList<string> Check(ReviewCampaignFacts campaign, ReviewerFacts reviewer, IReadOnlySet<string> companyDomains)
    {
        var reasons = new List<string>();
        var name = reviewer.Name;
        if (DomainOf(reviewer.Email) is { } domain && companyDomains.Contains(domain))
        {
            reasons.Add($"{name} works for us (an email at {domain}): {SiteRules}.");
        }
        if (reviewer.EmployeeRelation is { } relation)
        {
            reasons.Add($"{name} is family of an employee ({relation}): {SiteRules}.");
        }
        if (reviewer.Consent == ConsentLevel.None || !reviewer.AgreedToReviews)
        {
            reasons.Add($"{name} has no consent for review-site reviews.");
        }
        else if (reviewer.ConsentExpiresOn is { } expires && expires < campaign.Today)
        {
            reasons.Add($"{name}'s consent expired on {expires:yyyy-MM-dd}.");
        }
        if (reviewer.InvitedState is { } state and not InvitationState.Withdrawn)
        {
            reasons.Add($"{name} was invited to this campaign already, on {reviewer.InvitedOn:yyyy-MM-dd} ({state.ToString().ToLowerInvariant()}).");
        }
        if (campaign.Kind == CampaignKind.Refresh)
        {
            var months = campaign.RefreshAfterMonths ?? 0;
            if (reviewer.LastReviewedOn is not { } last)
            {
                reasons.Add($"{name} has not reviewed us on {campaign.Site} yet: a refresh campaign invites past reviewers.");
            }
            else if (!IsDueForRefresh(last, months, campaign.Today))
            {
                reasons.Add($"{name} last reviewed us on {campaign.Site} on {last:yyyy-MM-dd}, not more than {Months(months)} ago.");
            }
        }
        else if (reviewer.LastReviewedOn is { } last)
        {
            reasons.Add($"{name} reviewed us on {campaign.Site} already, on {last:yyyy-MM-dd}: invite them to a refresh campaign.");
        }
        return reasons;
    }

    /// <summary>Whether a review written on <paramref name="lastReviewedOn"/> is older than <paramref name="months"/> months.</summary>
    public static bool IsDueForRefresh(DateOnly lastReviewedOn, int months, DateOnly today) => lastReviewedOn < today.AddMonths(-months);

    /// <summary>The domain of an email, lower case ("acme.com"); none for no email or one without a domain.</summary>
    public static string? DomainOf(string? email)
    {
        var at = email?.LastIndexOf('@') ?? -1;
        return at < 0 || at == email!.Length - 1 ? null : email[(at + 1)..].Trim().ToLowerInvariant();
    }

    private static string Months(int months) => months == 1 ? "1 month" : $"{months} months";
}
