using Vouch.Features.Gifts;

namespace Vouch.Tests.Unit.Exchange;

public sealed class GiftPolicyTests
{
    private static readonly DateOnly s_day = new(2026, 12, 3);
    private static readonly GiftRules s_rules = GiftRules.Default;

    private static ProposedGift Gift(decimal value, string currency = "USD", string? occasion = null, bool publicSector = false, bool exception = false) =>
        new("Ann Lee", value, currency, s_day, occasion, PublicSector: publicSector, AsksException: exception);

    private static PastGift Past(decimal value, int daysAgo, string? occasion = null, string currency = "USD") =>
        new(value, currency, s_day.AddDays(-daysAgo), occasion);

    [Fact]
    public void A_gift_within_every_limit_and_under_the_threshold_is_given()
    {
        Assert.Equal(GiftVerdict.Allowed, GiftPolicy.Judge(s_rules, Gift(40), []));
        Assert.Equal(GiftVerdict.Allowed, GiftPolicy.Judge(s_rules, Gift(50), [Past(60, 100)]));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    public void A_gift_worth_nothing_or_less_is_refused(decimal value)
    {
        var verdict = GiftPolicy.Judge(s_rules, Gift(value), []);

        Assert.Equal(GiftOutcome.Refused, verdict.Outcome);
        Assert.Equal($"A gift's value must be more than 0; {value} USD is not.", verdict.Detail);
    }

    [Theory]
    [InlineData(true, false, "reference request")]
    [InlineData(false, true, "deal")]
    public void A_gift_tied_to_a_request_or_a_deal_is_refused_whatever_its_value_even_as_an_exception(bool request, bool deal, string what)
    {
        var verdict = GiftPolicy.Judge(s_rules, Gift(5, exception: true) with { TiedToRequest = request, TiedToDeal = deal }, []);

        Assert.Equal(GiftOutcome.Refused, verdict.Outcome);
        Assert.Equal("No gift is tied to a reference request or a deal.", verdict.Rule);
        Assert.StartsWith($"A gift may never be tied to a specific {what}: given for one, it pays for the reference and reads as a low-grade bribe.", verdict.Detail);
    }

    [Fact]
    public void A_gift_in_another_currency_is_refused_naming_the_policys()
    {
        var verdict = GiftPolicy.Judge(s_rules, Gift(10, "eur"), []);

        Assert.Equal(GiftOutcome.Refused, verdict.Outcome);
        Assert.Equal("The gift is not in the policy's currency.", verdict.Rule);
        Assert.Equal("The gift policy counts every limit in USD; a gift in EUR cannot be weighed against them. Record its value in USD.", verdict.Detail);
    }

    [Fact]
    public void The_yearly_limit_counts_the_rolling_year_ending_on_the_gifts_day_and_names_the_numbers()
    {
        // 364 days back is the first day of the window; 365 is outside it.
        var verdict = GiftPolicy.Judge(s_rules, Gift(40), [Past(50, 364), Past(70, 100), Past(500, 365)]);

        Assert.Equal(GiftOutcome.Refused, verdict.Outcome);
        Assert.Equal("Over the yearly limit per advocate.", verdict.Rule);
        Assert.Equal(
            "The yearly limit per advocate is 150 USD; Ann Lee has had 120 USD since 2025-12-04, so 40 USD would make 160 USD. " +
            "Ask for an exception, with a reason, to have it approved anyway.", verdict.Detail);
    }

    [Fact]
    public void Reaching_the_yearly_limit_exactly_is_allowed()
    {
        Assert.Equal(GiftOutcome.Given, GiftPolicy.Judge(s_rules, Gift(30), [Past(50, 10), Past(70, 100)]).Outcome);
    }

    [Fact]
    public void Gifts_in_another_currency_from_an_earlier_policy_do_not_count()
    {
        Assert.Equal(GiftOutcome.Given, GiftPolicy.Judge(s_rules, Gift(40), [Past(140, 10, currency: "EUR")]).Outcome);
    }

    [Fact]
    public void One_gift_over_the_limit_per_occasion_is_refused()
    {
        var verdict = GiftPolicy.Judge(s_rules, Gift(80), []);

        Assert.Equal("Over the limit per occasion.", verdict.Rule);
        Assert.StartsWith("The limit per occasion is 75 USD; 80 USD is over it.", verdict.Detail);
    }

    [Fact]
    public void Gifts_on_the_same_day_for_the_same_occasion_add_up_and_other_occasions_do_not()
    {
        var verdict = GiftPolicy.Judge(s_rules, Gift(40, occasion: "summit"), [Past(40, 0, "Summit"), Past(30, 0, "Birthday")]);
        var another = GiftPolicy.Judge(s_rules, Gift(40, occasion: "Dinner"), [Past(40, 0, "Summit")]);

        Assert.Equal(GiftOutcome.Refused, verdict.Outcome);
        Assert.StartsWith(
            "The limit per occasion is 75 USD; Ann Lee has had 40 USD for \"summit\" on 2026-12-03, so 40 USD would make 80 USD.", verdict.Detail);
        Assert.Equal(GiftOutcome.Given, another.Outcome);
    }

    [Fact]
    public void The_public_sector_has_the_stricter_limits()
    {
        var occasion = GiftPolicy.Judge(s_rules, Gift(25, publicSector: true), []);
        var year = GiftPolicy.Judge(s_rules, Gift(20, publicSector: true), [Past(15, 200), Past(20, 100)]);

        Assert.Equal("Over the limit per occasion in the public sector.", occasion.Rule);
        Assert.StartsWith("The limit per occasion in the public sector is 20 USD; 25 USD is over it.", occasion.Detail);
        Assert.Equal("Over the yearly limit per advocate in the public sector.", year.Rule);
        Assert.StartsWith("The yearly limit per advocate in the public sector is 50 USD; Ann Lee has had 35 USD since 2025-12-04, so 20 USD would make 55 USD.", year.Detail);
        Assert.Equal(GiftOutcome.Given, GiftPolicy.Judge(s_rules, Gift(20, publicSector: true), [Past(30, 100)]).Outcome);
    }

    [Fact]
    public void A_public_sector_limit_set_above_the_general_one_does_not_loosen_it()
    {
        var rules = s_rules with { PublicSectorOccasionLimit = 500 };

        Assert.Equal(GiftOutcome.Refused, GiftPolicy.Judge(rules, Gift(80, publicSector: true), []).Outcome);
    }

    [Fact]
    public void A_gift_above_the_approval_threshold_waits_for_approval()
    {
        var verdict = GiftPolicy.Judge(s_rules, Gift(60), []);

        Assert.Equal(GiftOutcome.AwaitingApproval, verdict.Outcome);
        Assert.Equal("Above the approval threshold.", verdict.Rule);
        Assert.Equal("Gifts worth more than 50 USD wait for a reference manager or an admin to approve them.", verdict.Detail);
        Assert.Null(verdict.Exception);
    }

    [Fact]
    public void An_exception_to_a_limit_waits_for_approval_with_every_limit_it_breaks()
    {
        var verdict = GiftPolicy.Judge(s_rules, Gift(80, exception: true), [Past(100, 30)]);

        Assert.Equal(GiftOutcome.AwaitingApproval, verdict.Outcome);
        Assert.Equal("Over the limit per occasion.", verdict.Rule);
        Assert.Equal(
            "The limit per occasion is 75 USD; 80 USD is over it. " +
            "The yearly limit per advocate is 150 USD; Ann Lee has had 100 USD since 2025-12-04, so 80 USD would make 180 USD.",
            verdict.Exception);
        Assert.EndsWith("Kept as an exception until a reference manager or an admin approves it.", verdict.Detail);
    }

    [Fact]
    public void Asking_for_an_exception_within_every_limit_changes_nothing()
    {
        Assert.Equal(GiftVerdict.Allowed, GiftPolicy.Judge(s_rules, Gift(20, exception: true), []));
    }
}
