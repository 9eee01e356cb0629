using Vouch.Features.BuyerJourney;
using Vouch.Features.Value;

namespace Vouch.Tests.Unit.Value;

public sealed class ValueModelTests
{
    private static readonly ValueModelSettings s_defaults = ValueModelSettings.Defaults;

    private static Touch Ours(string key, Influence influence, int day, string what = "Reference call") =>
        new(Guid.NewGuid(), "Catie Ito", key, influence, new DateOnly(2026, 1, day), what, Ours: true);

    private static Touch Theirs(string key, Influence influence, int day) =>
        new(Guid.NewGuid(), "Someone Else", key, influence, new DateOnly(2026, 1, day), "Attending the user group", Ours: false);

    private static InfluencedDeal Deal(decimal amount, Influence? mattered, params Touch[] touches) =>
        new(Guid.NewGuid(), "Globex rollout", "Globex", amount, 0.40m, new DateOnly(2026, 3, 1), mattered, touches);

    /// <summary>
    /// Catie, as in the seeds: 6,000 a year at 2,400 of gross profit; four referred customers whose deals won 57,500 at a
    /// 40 % margin (23,000), less 12 hours of asks at 50 an hour (600); a reference that alone helped win 20,000 (8,000 of
    /// margin) and a talk that shared a 13,400 deal with one attendee (2,680). 33,080 beyond buying is 13.8 times 2,400.
    /// </summary>
    [Fact]
    public void The_seed_example_is_a_multiple_of_13_point_8()
    {
        var facts = new ValueFacts(
            2_400m,
            [
                new ReferredDeal(Guid.NewGuid(), "Initech", Guid.NewGuid(), "Initech first year", 20_000m, 0.40m),
                new ReferredDeal(Guid.NewGuid(), "Umbrella", Guid.NewGuid(), "Umbrella pilot", 15_000m, 0.40m),
                new ReferredDeal(Guid.NewGuid(), "Hooli", Guid.NewGuid(), "Hooli rollout", 12_500m, 0.40m),
                new ReferredDeal(Guid.NewGuid(), "Stark", Guid.NewGuid(), "Stark expansion", 10_000m, 0.40m),
            ],
            12m,
            [
                Deal(20_000m, Influence.References, Ours("reference-call", Influence.References, 10)),
                Deal(13_400m, Influence.Events, Ours("speaking", Influence.Events, 5, "Speaking at the summit"), Theirs(Attribution.EventAttendanceKey, Influence.Events, 5)),
            ],
            [], []);

        var value = ValueModel.Of(facts, s_defaults);

        Assert.Equal(6_955.14m, value.Lifetime.Amount);
        Assert.Equal(22_400m, value.Referral.Amount);
        Assert.Equal(10_680m, value.Influence.Amount);
        Assert.Equal(0m, value.Knowledge.Amount);
        Assert.Equal(33_080m, value.BeyondBuying);
        Assert.Equal(40_035.14m, value.Engagement);
        Assert.Equal(13.8m, value.Multiple);
        Assert.Equal("13.8×", ValueModel.MultipleText(value));
        Assert.Null(value.Reason);
    }

    [Fact]
    public void Lifetime_value_discounts_each_year_and_keeps_only_the_retained_share()
    {
        var oneYear = s_defaults with { HorizonYears = 1 };
        var twoYears = s_defaults with { HorizonYears = 2, RetentionRate = 0.5m, DiscountRate = 0m };

        Assert.Equal(1_000m, ValueModel.Lifetime(1_100m, oneYear).Amount);
        Assert.Equal(1_500m, ValueModel.Lifetime(1_000m, twoYears).Amount);
        Assert.Equal(10_000m, ValueModel.Lifetime(1_000m, s_defaults with { HorizonYears = 10, RetentionRate = 1, DiscountRate = 0 }).Amount);
    }

    [Fact]
    public void Without_gross_profit_the_lifetime_engagement_value_and_multiple_say_why_instead_of_zero()
    {
        var facts = ValueFacts.Nothing(null) with { BetaFeedback = [new BetaFeedback(Guid.NewGuid(), "Beta feedback", new DateOnly(2026, 2, 1))] };

        var value = ValueModel.Of(facts, s_defaults);

        Assert.Null(value.Lifetime.Amount);
        Assert.Equal(ValueModel.NoGrossProfit, value.Lifetime.Reason);
        Assert.Empty(value.Lifetime.Lines);
        Assert.Null(value.Engagement);
        Assert.Null(value.Multiple);
        Assert.Equal(ValueModel.NoGrossProfit, value.Reason);
        Assert.Equal("cannot be computed: no gross profit on record", ValueModel.MultipleText(value));
        // The parts that do not need it are there all the same.
        Assert.Equal(250m, value.Knowledge.Amount);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-100)]
    public void A_gross_profit_of_zero_or_less_has_no_multiple_rather_than_infinity(decimal profit)
    {
        var value = ValueModel.Of(ValueFacts.Nothing(profit), s_defaults);

        Assert.Null(value.Multiple);
        Assert.Equal(ValueModel.GrossProfitNotPositive, value.Reason);
        Assert.NotNull(value.Engagement);
    }

    [Fact]
    public void Referral_value_is_the_referred_margin_less_the_cost_of_the_hours_asked_each_a_line()
    {
        var referral = Guid.NewGuid();
        var facts = ValueFacts.Nothing(1_000m) with
        {
            Referred = [new ReferredDeal(referral, "Initech", Guid.NewGuid(), "Initech first year", 10_000m, 0.25m)],
            AskHours = 3.5m,
        };

        var part = ValueModel.Referral(facts, s_defaults);

        Assert.Equal(2_500m - 175m, part.Amount);
        Assert.Equal([("referral", (Guid?)referral, 2_500m), ("advocacy-cost", null, -175m)], part.Lines.Select(l => (l.Source, l.SourceId, l.Amount)));
        Assert.Contains("Initech", part.Lines[0].Description, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_asks_there_is_no_cost_line_and_without_referrals_the_referral_value_is_zero()
    {
        var part = ValueModel.Referral(ValueFacts.Nothing(1_000m), s_defaults);

        Assert.Equal(0m, part.Amount);
        Assert.Empty(part.Lines);
    }

    [Fact]
    public void Knowledge_value_counts_each_delivered_idea_and_beta_feedback_at_the_program_rates()
    {
        var facts = ValueFacts.Nothing(1_000m) with
        {
            Ideas = [new DeliveredIdea(Guid.NewGuid(), "Bulk export"), new DeliveredIdea(Guid.NewGuid(), "SSO")],
            BetaFeedback = [new BetaFeedback(Guid.NewGuid(), "Beta feedback", new DateOnly(2026, 2, 1))],
        };

        var part = ValueModel.Knowledge(facts, s_defaults with { ValuePerDeliveredIdea = 700m, ValuePerBetaFeedback = 300m });

        Assert.Equal(1_700m, part.Amount);
        Assert.Equal(["idea", "idea", "beta-feedback"], part.Lines.Select(l => l.Source));
    }

    [Fact]
    public void Influence_lines_are_the_subjects_own_shares_naming_the_deal_the_rule_and_the_share()
    {
        var deal = Deal(9_000m, null, Ours("reference-call", Influence.References, 1), Theirs("reference-call", Influence.References, 2),
            Theirs(Attribution.EventAttendanceKey, Influence.Events, 3));

        var part = ValueModel.Influence([deal], s_defaults);

        var line = Assert.Single(part.Lines);
        Assert.Equal(("deal", (Guid?)deal.DealId, 1_200m, 0.3333m, "Equal split among 3 touches"), (line.Source, line.SourceId, line.Amount, line.Share, line.Rule));
        Assert.Contains("Globex rollout", line.Description, StringComparison.Ordinal);
    }
}
