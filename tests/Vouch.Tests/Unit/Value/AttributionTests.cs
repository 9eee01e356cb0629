using Vouch.Features.BuyerJourney;
using Vouch.Features.Value;

namespace Vouch.Tests.Unit.Value;

public sealed class AttributionTests
{
    private static Touch T(string key, Influence influence, int day) =>
        new(Guid.NewGuid(), $"{key} {day}", key, influence, new DateOnly(2026, 1, day), key, Ours: false);

    private static readonly Touch s_call = T("reference-call", Influence.References, 10);
    private static readonly Touch s_talk = T("speaking", Influence.Events, 5);
    private static readonly Touch s_review = T("review-site-review", Influence.ReviewSites, 20);

    private static InfluencedDeal Deal(Influence? mattered = null) =>
        new(Guid.NewGuid(), "Deal", "Account", 1_000m, 0.4m, new DateOnly(2026, 2, 1), mattered, [s_call, s_talk, s_review]);

    private static decimal[] Shares(InfluencedDeal deal, ValueModelSettings settings) =>
        [.. Attribution.Shares(deal, settings).Select(s => Math.Round(s.Share, 4))];

    private static ValueModelSettings Rule(AttributionRule rule) => ValueModelSettings.Defaults with { Attribution = rule };

    [Fact]
    public void An_equal_split_gives_each_touch_the_same_share()
    {
        Assert.Equal([0.3333m, 0.3333m, 0.3333m], Shares(Deal(), Rule(AttributionRule.EqualSplit)));
    }

    [Fact]
    public void Under_an_equal_split_the_kind_the_buyer_said_mattered_most_weighs_double()
    {
        // References weigh 2 of 4.
        Assert.Equal([0.5m, 0.25m, 0.25m], Shares(Deal(Influence.References), Rule(AttributionRule.EqualSplit)));
    }

    [Fact]
    public void A_buyer_answer_that_names_no_kind_of_touch_changes_nothing()
    {
        Assert.Equal([0.3333m, 0.3333m, 0.3333m], Shares(Deal(Influence.Peers), Rule(AttributionRule.EqualSplit)));
    }

    [Fact]
    public void First_touch_gives_the_deal_to_the_earliest_and_last_touch_to_the_latest()
    {
        Assert.Equal([0m, 1m, 0m], Shares(Deal(), Rule(AttributionRule.FirstTouch)));
        Assert.Equal([0m, 0m, 1m], Shares(Deal(), Rule(AttributionRule.LastTouch)));
    }

    [Fact]
    public void First_and_last_touch_look_among_the_kind_that_mattered_most_when_there_is_one()
    {
        Assert.Equal([1m, 0m, 0m], Shares(Deal(Influence.References), Rule(AttributionRule.FirstTouch)));
        Assert.Equal([0m, 1m, 0m], Shares(Deal(Influence.Events), Rule(AttributionRule.LastTouch)));
        Assert.StartsWith("Last touch; the buyer said events mattered most", Attribution.Shares(Deal(Influence.Events), Rule(AttributionRule.LastTouch))[0].Rule, StringComparison.Ordinal);
    }

    [Fact]
    public void Weighted_by_activity_shares_by_the_weights_of_the_touches_present()
    {
        var settings = Rule(AttributionRule.WeightedByActivity) with
        {
            ActivityWeights = new Dictionary<string, decimal> { ["reference-call"] = 0.6m, ["speaking"] = 0.3m, ["review-site-review"] = 0.1m },
        };

        Assert.Equal([0.6m, 0.3m, 0.1m], Shares(Deal(), settings));
        // The buyer's answer doubles the reviews' weight: 0.2 of 1.1.
        Assert.Equal([0.5455m, 0.2727m, 0.1818m], Shares(Deal(Influence.ReviewSites), settings));
    }

    [Fact]
    public void Weighted_by_activity_with_no_touch_weighted_splits_equally_rather_than_losing_the_deal()
    {
        var settings = Rule(AttributionRule.WeightedByActivity) with { ActivityWeights = new Dictionary<string, decimal> { ["case-study"] = 1m } };

        Assert.Equal([0.3333m, 0.3333m, 0.3333m], Shares(Deal(), settings));
    }

    [Theory]
    [InlineData(AttributionRule.EqualSplit)]
    [InlineData(AttributionRule.FirstTouch)]
    [InlineData(AttributionRule.LastTouch)]
    [InlineData(AttributionRule.WeightedByActivity)]
    public void The_shares_of_a_deal_add_up_to_one_under_every_rule(AttributionRule rule)
    {
        Assert.Equal(1m, Math.Round(Attribution.Shares(Deal(Influence.Events), Rule(rule)).Sum(s => s.Share), 10));
    }

    [Fact]
    public void A_deal_without_touches_has_no_shares()
    {
        Assert.Empty(Attribution.Shares(Deal() with { Touches = [] }, ValueModelSettings.Defaults));
    }
}
