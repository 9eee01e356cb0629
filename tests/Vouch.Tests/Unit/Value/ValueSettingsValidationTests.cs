using Vouch.Commands;
using Vouch.Features.Value;

namespace Vouch.Tests.Unit.Value;

public sealed class ValueSettingsValidationTests
{
    private static readonly string[] s_keys = ["case-study", Attribution.EventAttendanceKey, "reference-call", "review-site-review", "site-visit", "speaking", "webinar"];

    private static ValueSettingsBody Body() => new(null, null, null, null, null, null, null, null, null, null, null, Guid.NewGuid());

    private static IDictionary<string, string[]> Errors(ValueSettingsBody body)
    {
        var errors = new ValidationErrors();
        ValueSettingsStore.Validate(body, ValueModelSettings.Defaults, s_keys, errors);
        return errors.ToDictionary();
    }

    [Fact]
    public void The_defaults_are_in_sense_and_a_body_that_changes_nothing_keeps_them()
    {
        var errors = new ValidationErrors();

        var settings = ValueSettingsStore.Validate(Body(), ValueModelSettings.Defaults, s_keys, errors);

        Assert.True(errors.IsEmpty);
        Assert.Equal((0.85m, 0.10m, 5, AttributionRule.EqualSplit), (settings.RetentionRate, settings.DiscountRate, settings.HorizonYears, settings.Attribution));
        Assert.Equal(1m, ValueModelSettings.DefaultWeights.Values.Sum());
        Assert.All(ValueModelSettings.DefaultWeights.Keys, k => Assert.Contains(k, s_keys));
    }

    [Fact]
    public void A_discount_rate_of_200_percent_is_refused_saying_what_it_is()
    {
        var errors = Errors(Body() with { DiscountRate = 2m });

        Assert.Equal(["discountRate must be 0 or more and under 1 (0.10 is 10 %); 2 is 200 %."], errors["discountRate"]);
    }

    [Fact]
    public void A_negative_horizon_a_retention_over_one_and_a_margin_below_zero_are_each_named()
    {
        var errors = Errors(Body() with { HorizonYears = -1, RetentionRate = 1.5m, DefaultGrossMargin = -0.1m, MatteredMostBoost = 0.5m, TouchWindowDays = 0 });

        Assert.Equal(["defaultGrossMargin", "horizonYears", "matteredMostBoost", "retentionRate", "touchWindowDays"], errors.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(["horizonYears must be a whole number of years from 1 to 50; -1 is not."], errors["horizonYears"]);
    }

    [Fact]
    public void Weights_that_do_not_add_up_to_one_or_name_unknown_keys_are_refused()
    {
        var errors = Errors(Body() with
        {
            Attribution = "weightedByActivity",
            ActivityWeights = new Dictionary<string, decimal> { ["reference-call"] = 0.5m, ["karaoke"] = 0.2m },
        });

        Assert.Equal(
            [
                $"karaoke is not an activity type key; the keys are {string.Join(", ", s_keys)}.",
                "The weights must add up to 1; these add up to 0.7.",
            ],
            errors["activityWeights"]);
    }

    [Fact]
    public void Thirds_typed_to_a_few_decimals_add_up_to_one_closely_enough()
    {
        var errors = Errors(Body() with
        {
            Attribution = "WeightedByActivity",
            ActivityWeights = new Dictionary<string, decimal> { ["reference-call"] = 0.333m, ["speaking"] = 0.333m, ["webinar"] = 0.334m },
        });

        Assert.Empty(errors);
    }

    [Fact]
    public void An_unknown_rule_and_negative_money_are_refused()
    {
        var errors = Errors(Body() with { Attribution = "3", AdvocacyCostPerHour = -1m, ValuePerDeliveredIdea = -5m });

        Assert.Equal(["attribution must be one of EqualSplit, FirstTouch, LastTouch, WeightedByActivity."], errors["attribution"]);
        Assert.Contains("advocacyCostPerHour", errors.Keys);
        Assert.Contains("valuePerDeliveredIdea", errors.Keys);
    }
}
