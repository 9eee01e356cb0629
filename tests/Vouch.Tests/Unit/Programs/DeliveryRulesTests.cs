using Vouch.Features.AccountReviews;
using Vouch.Features.Matching;

namespace Vouch.Tests.Unit.Programs;

public sealed class DeliveryRulesTests
{
    private static readonly DateOnly s_today = new(2026, 6, 10);

    private static DeliveryFacts Facts(DeliveryHealth? health, DateOnly? heldOn = null, DateOnly? next = null, params OpenEscalation[] open) =>
        new(health is null ? null : heldOn ?? new DateOnly(2026, 3, 2), health, next, open);

    [Fact]
    public void Red_at_the_latest_review_holds_asks_until_delivery_is_fixed()
    {
        var verdict = DeliveryRules.Judge(Facts(DeliveryHealth.Red, next: new DateOnly(2026, 7, 1)), s_today);

        Assert.Equal(["account health is red at the review on 2 March: fix delivery first"], verdict.Holds);
        Assert.True(verdict.Held);
        Assert.Null(verdict.Note);
    }

    [Fact]
    public void An_open_escalation_holds_even_when_the_health_is_green()
    {
        var verdict = DeliveryRules.Judge(
            Facts(DeliveryHealth.Green, next: new DateOnly(2026, 7, 1), open: new OpenEscalation("Data migration stalled", new DateOnly(2026, 5, 20))), s_today);

        Assert.Equal(["open escalation: Data migration stalled (since 20 May): fix delivery first"], verdict.Holds);
        Assert.Null(verdict.Note);
    }

    [Fact]
    public void Red_with_escalations_names_every_reason_the_oldest_escalation_first()
    {
        var verdict = DeliveryRules.Judge(Facts(DeliveryHealth.Red, open:
            [new OpenEscalation("Invoices wrong", new DateOnly(2026, 5, 1)), new OpenEscalation("Outage", new DateOnly(2025, 12, 24))]), s_today);

        Assert.Equal(
            ["account health is red at the review on 2 March: fix delivery first",
                "open escalation: Outage (since 24 December 2025): fix delivery first",
                "open escalation: Invoices wrong (since 1 May): fix delivery first"],
            verdict.Holds);
    }

    [Fact]
    public void Amber_does_not_hold_but_asks_with_care()
    {
        var verdict = DeliveryRules.Judge(Facts(DeliveryHealth.Amber, next: new DateOnly(2026, 7, 1)), s_today);

        Assert.False(verdict.Held);
        Assert.Equal("delivery is amber at the review on 2 March: ask with care", verdict.Note);
    }

    [Fact]
    public void Green_with_a_review_to_come_proposes_a_case_study_at_it()
    {
        var verdict = DeliveryRules.Judge(Facts(DeliveryHealth.Green, next: new DateOnly(2027, 3, 14)), s_today);

        Assert.False(verdict.Held);
        Assert.Equal("delivery excels: propose a case study at the review on 14 March 2027", verdict.Note);
    }

    [Fact]
    public void Green_with_no_review_to_come_or_no_review_at_all_says_nothing()
    {
        Assert.Equal(DeliveryVerdict.Clear, DeliveryRules.Judge(Facts(DeliveryHealth.Green), s_today));
        Assert.Equal(DeliveryVerdict.Clear, DeliveryRules.Judge(DeliveryFacts.None, s_today));
        Assert.Equal(DeliveryVerdict.Clear, DeliveryRules.Judge(Facts(null, next: new DateOnly(2026, 7, 1)), s_today));
    }

    [Fact]
    public void The_latest_held_review_decides_and_the_next_is_the_earliest_to_come()
    {
        var facts = DeliveryRules.FactsOf(
            [
                (new DateOnly(2026, 1, 10), new DateOnly(2026, 1, 12), DeliveryHealth.Red),
                (new DateOnly(2026, 4, 10), new DateOnly(2026, 4, 11), DeliveryHealth.Green),
                (new DateOnly(2026, 6, 1), null, null),
                (new DateOnly(2026, 9, 1), null, null),
                (new DateOnly(2026, 7, 1), null, null),
            ],
            [], s_today);

        Assert.Equal((new DateOnly(2026, 4, 11), DeliveryHealth.Green, new DateOnly(2026, 7, 1)), (facts.LastHeldOn, facts.LastHealth, facts.NextReviewOn));
    }

    [Fact]
    public void Matching_moves_a_held_accounts_candidates_to_the_excluded_and_notes_the_others()
    {
        var (held, excels, plain) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var (a, b, c, d) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var accountOf = new Dictionary<Guid, Guid> { [a] = held, [b] = excels, [c] = plain, [d] = held };
        var result = new MatchResult(
            [new RankedCandidate(a, 90, ["same industry"]), new RankedCandidate(b, 80, ["uses the product"]), new RankedCandidate(c, 70, [])],
            [new ExcludedCandidate(d, ["in a rest period until 3 July"])]);
        var verdicts = new Dictionary<Guid, DeliveryVerdict>
        {
            [held] = new(["account health is red at the review on 2 March: fix delivery first"], null),
            [excels] = new([], "delivery excels: propose a case study at the review on 14 March"),
        };

        var applied = DeliveryRules.Apply(result, id => accountOf[id], verdicts);

        Assert.Equal([b, c], applied.Candidates.Select(x => x.ContactId));
        Assert.Equal(["uses the product", "delivery excels: propose a case study at the review on 14 March"], applied.Candidates[0].Reasons);
        Assert.Equal(80, applied.Candidates[0].Score);
        Assert.Equal([a, d], applied.Excluded.Select(x => x.ContactId));
        Assert.Equal(["account health is red at the review on 2 March: fix delivery first"], applied.Excluded[0].Reasons);
        Assert.Equal(["in a rest period until 3 July", "account health is red at the review on 2 March: fix delivery first"], applied.Excluded[1].Reasons);
    }
}
