using Vouch.Features.Contacts;
using Vouch.Features.Reviews;

namespace Vouch.Tests.Unit.Programs;

public sealed class ReviewEligibilityTests
{
    private static readonly DateOnly s_today = new(2026, 12, 3);
    private static readonly IReadOnlySet<string> s_ours = new HashSet<string> { "vouch.com" };
    private static readonly ReviewCampaignFacts s_new = new("G2", CampaignKind.New, null, s_today);
    private static readonly ReviewCampaignFacts s_refresh = new("G2", CampaignKind.Refresh, 12, s_today);

    private static ReviewerFacts Ann(
        string? email = "ann@customer.test", string? relation = null, ConsentLevel consent = ConsentLevel.Written, DateOnly? expires = null,
        bool agreed = true, DateOnly? lastReviewed = null, InvitationState? invited = null) =>
        new("Ann Lee", email, relation, consent, expires, agreed, lastReviewed, invited is null ? null : s_today.AddDays(-3), invited);

    [Fact]
    public void An_advocate_who_agreed_to_reviews_may_be_invited_to_a_new_campaign()
    {
        Assert.Empty(ReviewEligibility.Check(s_new, Ann(), s_ours));
    }

    [Fact]
    public void An_employee_is_known_by_the_company_email_domain_in_any_casing()
    {
        Assert.Equal(["Ann Lee works for us (an email at vouch.com): employees and their families are never invited (site rules)."],
            ReviewEligibility.Check(s_new, Ann(email: "Ann.Lee@Vouch.COM"), s_ours));
        Assert.Empty(ReviewEligibility.Check(s_new, Ann(email: "ann@notvouch.com"), s_ours));
        Assert.Empty(ReviewEligibility.Check(s_new, Ann(email: null), s_ours));
    }

    [Fact]
    public void Family_of_an_employee_is_never_invited()
    {
        Assert.Equal(["Ann Lee is family of an employee (sister of Jo Park, sales): employees and their families are never invited (site rules)."],
            ReviewEligibility.Check(s_new, Ann(relation: "sister of Jo Park, sales"), s_ours));
    }

    [Theory]
    [InlineData(ConsentLevel.None, true)]
    [InlineData(ConsentLevel.Written, false)]
    [InlineData(ConsentLevel.Verbal, false)]
    public void Without_consent_for_review_site_reviews_nobody_is_invited(ConsentLevel consent, bool agreed)
    {
        Assert.Equal(["Ann Lee has no consent for review-site reviews."], ReviewEligibility.Check(s_new, Ann(consent: consent, agreed: agreed), s_ours));
    }

    [Fact]
    public void Expired_consent_names_its_day()
    {
        Assert.Equal(["Ann Lee's consent expired on 2026-12-02."], ReviewEligibility.Check(s_new, Ann(expires: s_today.AddDays(-1)), s_ours));
        Assert.Empty(ReviewEligibility.Check(s_new, Ann(expires: s_today), s_ours));
    }

    [Theory]
    [InlineData(InvitationState.Invited, "invited")]
    [InlineData(InvitationState.Reminded, "reminded")]
    [InlineData(InvitationState.Verified, "verified")]
    public void An_invitee_is_invited_to_a_campaign_once(InvitationState state, string words)
    {
        Assert.Equal([$"Ann Lee was invited to this campaign already, on 2026-11-30 ({words})."],
            ReviewEligibility.Check(s_new, Ann(invited: state), s_ours));
    }

    [Fact]
    public void A_withdrawn_invitation_may_be_made_again()
    {
        Assert.Empty(ReviewEligibility.Check(s_new, Ann(invited: InvitationState.Withdrawn), s_ours));
    }

    [Fact]
    public void A_new_campaign_leaves_out_who_reviewed_on_the_site_already()
    {
        Assert.Equal(["Ann Lee reviewed us on G2 already, on 2025-01-10: invite them to a refresh campaign."],
            ReviewEligibility.Check(s_new, Ann(lastReviewed: new(2025, 1, 10)), s_ours));
    }

    [Fact]
    public void A_refresh_campaign_invites_reviewers_whose_last_review_is_older_than_its_months()
    {
        Assert.Empty(ReviewEligibility.Check(s_refresh, Ann(lastReviewed: new(2025, 12, 2)), s_ours));
        Assert.Equal(["Ann Lee last reviewed us on G2 on 2025-12-03, not more than 12 months ago."],
            ReviewEligibility.Check(s_refresh, Ann(lastReviewed: new(2025, 12, 3)), s_ours));
        Assert.Equal(["Ann Lee has not reviewed us on G2 yet: a refresh campaign invites past reviewers."],
            ReviewEligibility.Check(s_refresh, Ann(), s_ours));
    }

    [Theory]
    [InlineData("2026-06-02", 6, true)]
    [InlineData("2026-06-03", 6, false)]
    [InlineData("2026-11-02", 1, true)]
    [InlineData("2026-11-03", 1, false)]
    [InlineData("2024-02-29", 24, true)]
    public void The_refresh_rule_counts_calendar_months(string lastReviewed, int months, bool due)
    {
        Assert.Equal(due, ReviewEligibility.IsDueForRefresh(DateOnly.Parse(lastReviewed, System.Globalization.CultureInfo.InvariantCulture), months, s_today));
    }

    [Fact]
    public void Every_rule_that_keeps_someone_out_is_named()
    {
        var reasons = ReviewEligibility.Check(s_refresh, Ann(email: "ann@vouch.com", consent: ConsentLevel.None, invited: InvitationState.Invited), s_ours);

        Assert.Equal(4, reasons.Count);
        Assert.StartsWith("Ann Lee works for us", reasons[0], StringComparison.Ordinal);
        Assert.Equal("Ann Lee has no consent for review-site reviews.", reasons[1]);
        Assert.StartsWith("Ann Lee was invited to this campaign already", reasons[2], StringComparison.Ordinal);
        Assert.StartsWith("Ann Lee has not reviewed us on G2 yet", reasons[3], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ann@Acme.COM ", "acme.com")]
    [InlineData("ann", null)]
    [InlineData("ann@", null)]
    [InlineData(null, null)]
    public void The_domain_is_what_follows_the_last_at(string? email, string? domain)
    {
        Assert.Equal(domain, ReviewEligibility.DomainOf(email));
    }
}
