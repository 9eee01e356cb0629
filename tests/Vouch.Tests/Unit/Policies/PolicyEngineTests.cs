using Vouch.Features.Content;
using Vouch.Features.ProgramPolicies;

namespace Vouch.Tests.Unit.Policies;

public sealed class PolicyEngineTests
{
    private static readonly DateOnly s_today = new(2026, 6, 15);

    private static ProgramRules CallFromProposal(decimal? size = 25_000m) =>
        new([new ActivityRule("reference-call", "Proposal", size)], true, 24);

    private static string[] Broken(ProgramRules rules, RequestFacts request) => [.. PolicyEngine.Check(rules, request).Select(b => b.Rule)];

    [Theory]
    [InlineData("Proposal", 25_000)]
    [InlineData("Negotiation", 1_000_000)]
    [InlineData("proposal", 25_000)]
    public void A_deal_at_or_after_the_stage_and_at_or_above_the_size_breaks_nothing(string stage, int amount) =>
        Assert.Empty(Broken(CallFromProposal(), new("reference-call", stage, amount)));

    [Fact]
    public void A_deal_before_the_stage_breaks_the_stage_rule_and_says_where_it_is()
    {
        var broken = Assert.Single(PolicyEngine.Check(CallFromProposal(), new RequestFacts("reference-call", "Qualification", 30_000)));

        Assert.Equal(PolicyEngine.MinimumStage, broken.Rule);
        Assert.Equal("The deal is at 'Qualification'; the policy allows this activity from 'Proposal' on.", broken.Reason);
    }

    [Fact]
    public void A_small_deal_breaks_the_size_rule()
    {
        var broken = Assert.Single(PolicyEngine.Check(CallFromProposal(), new RequestFacts("reference-call", "Proposal", 24_999.99m)));

        Assert.Equal(PolicyEngine.MinimumDealSize, broken.Rule);
        Assert.Equal("The deal is 24,999.99; the policy allows this activity from 25,000 up.", broken.Reason);
    }

    [Fact]
    public void A_small_early_deal_breaks_both_rules() =>
        Assert.Equal([PolicyEngine.MinimumStage, PolicyEngine.MinimumDealSize], Broken(CallFromProposal(), new("reference-call", "Prospecting", 10)));

    [Fact]
    public void A_stage_the_cycle_does_not_know_has_not_reached_any_minimum()
    {
        var broken = Assert.Single(PolicyEngine.Check(CallFromProposal(null), new RequestFacts("reference-call", "Discovery", 50_000)));

        Assert.StartsWith("The deal's stage 'Discovery' is not one of the sales cycle's stages", broken.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_request_without_a_deal_or_for_an_activity_without_a_rule_breaks_nothing()
    {
        Assert.Empty(Broken(CallFromProposal(), new("reference-call", null, null)));
        Assert.Empty(Broken(CallFromProposal(), new("site-visit", "Prospecting", 1)));
        Assert.Empty(Broken(ProgramRules.None, new("reference-call", "Prospecting", 1)));
    }

    [Fact]
    public void A_rule_with_only_a_size_applies_at_every_stage() =>
        Assert.Equal([PolicyEngine.MinimumDealSize], Broken(new([new ActivityRule("site-visit", null, 100_000)], false, null), new("site-visit", "Negotiation", 99_000)));

    [Fact]
    public void A_logo_without_written_consent_breaks_the_logo_rule_and_with_it_does_not()
    {
        var without = Assert.Single(PolicyEngine.Check(CallFromProposal(), new ContentFacts(ContentKind.Logo, s_today.AddYears(-5), false, s_today)));

        Assert.Equal(PolicyEngine.LogoConsent, without.Rule);
        Assert.Empty(PolicyEngine.Check(CallFromProposal(), new ContentFacts(ContentKind.Logo, s_today.AddYears(-5), true, s_today)));
        Assert.Empty(PolicyEngine.Check(new([], false, null), new ContentFacts(ContentKind.Logo, null, false, s_today)));
    }

    [Fact]
    public void A_case_study_needs_re_approval_only_once_more_than_the_months_have_passed()
    {
        var rules = CallFromProposal();

        Assert.Empty(PolicyEngine.Check(rules, new ContentFacts(ContentKind.CaseStudy, s_today.AddMonths(-24), false, s_today)));
        var old = Assert.Single(PolicyEngine.Check(rules, new ContentFacts(ContentKind.CaseStudy, s_today.AddMonths(-24).AddDays(-1), false, s_today)));
        Assert.Equal(PolicyEngine.CaseStudyReapproval, old.Rule);
        Assert.Equal("The case study was approved on 2024-06-14, more than 24 months ago: it needs the customer's approval again before it is used.", old.Reason);
        Assert.Empty(PolicyEngine.Check(rules with { CaseStudyReapprovalMonths = null }, new ContentFacts(ContentKind.CaseStudy, s_today.AddYears(-9), false, s_today)));
        Assert.Empty(PolicyEngine.Check(rules, new ContentFacts(ContentKind.Quote, s_today.AddYears(-9), false, s_today)));
    }

    private static readonly IReadOnlySet<string> s_activities = new HashSet<string> { "reference-call", "site-visit" };

    private static IDictionary<string, string[]> Errors(PolicyInput input) => PolicyValidation.Validate(input, s_activities).ToDictionary();

    [Fact]
    public void A_sound_policy_is_valid() =>
        Assert.Empty(Errors(new([new("reference-call", "Proposal", 25_000), new("site-visit", null, 0)], true, 18, null)));

    [Theory]
    [InlineData("Closed Won", "activities[0].minimumStage 'Closed Won' is a closed deal's stage: a reference helps a deal before it closes; choose one of Prospecting, Qualification, Proposal, Negotiation.")]
    [InlineData("Closed Lost", "activities[0].minimumStage 'Closed Lost' is a closed deal's stage: a reference helps a deal before it closes; choose one of Prospecting, Qualification, Proposal, Negotiation.")]
    [InlineData("After signing", "activities[0].minimumStage 'After signing' is not a stage of the sales cycle; choose one of Prospecting, Qualification, Proposal, Negotiation.")]
    public void A_minimum_stage_after_the_last_open_stage_contradicts_the_policy(string stage, string reason) =>
        Assert.Equal([reason], Errors(new([new("reference-call", stage, null)], true, null, null))["activities[0].minimumStage"]);

    [Fact]
    public void A_negative_size_an_unknown_or_repeated_activity_and_months_out_of_range_are_each_named()
    {
        var errors = Errors(new([new("reference-call", null, -1), new("webinar", null, null), new("reference-call", null, 5)], null, 0, null));

        Assert.Equal(["activities[0].minimumDealSize must be 0 or more."], errors["activities[0].minimumDealSize"]);
        Assert.StartsWith("activities[1].activityType 'webinar' is not an activity type in use", errors["activities[1].activityType"][0], StringComparison.Ordinal);
        Assert.Equal(["activities[2].activityType 'reference-call' has a rule already: one rule per activity."], errors["activities[2].activityType"]);
        Assert.Equal(["logoNeedsWrittenConsent is required: true when a logo is used only with written consent."], errors["logoNeedsWrittenConsent"]);
        Assert.StartsWith("caseStudyReapprovalMonths must be from 1 to 120", errors["caseStudyReapprovalMonths"][0], StringComparison.Ordinal);
    }
}
