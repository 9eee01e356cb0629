namespace Vouch.Features.Value;

/// <summary>How a won deal is shared among the customers who helped win it (decision 26).</summary>
public enum AttributionRule { EqualSplit, FirstTouch, LastTouch, WeightedByActivity }

/// <summary>
/// The value model's parameters as the engine reads them (decision 25); <see cref="ValueSettings"/> keeps them in the
/// database, where the reference team changes them.
/// </summary>
/// <param name="RetentionRate">The share of customers who stay another year, 0–1.</param>
/// <param name="DiscountRate">What a dollar a year from now is discounted by, 0–1.</param>
/// <param name="HorizonYears">How many years of a customer's future margin the lifetime value counts.</param>
/// <param name="Attribution">How a won deal is shared among its touches.</param>
/// <param name="ActivityWeights">For <see cref="AttributionRule.WeightedByActivity"/>: a weight per activity type key, summing to 1.</param>
/// <param name="AdvocacyCostPerHour">What supporting an hour of an advocate's asks costs the program.</param>
/// <param name="ValuePerDeliveredIdea">What a delivered idea the customer asked for or voted for is worth.</param>
/// <param name="ValuePerBetaFeedback">What one completed beta-feedback ask is worth.</param>
/// <param name="DefaultGrossMargin">The margin of a deal whose account has no revenue and profit on record, 0–1.</param>
/// <param name="MatteredMostBoost">How much more a touch weighs when the buyer said its kind of influence mattered most.</param>
/// <param name="TouchWindowDays">How long before a deal closed an event or a review still counts as a touch of it.</param>
public sealed record ValueModelSettings(
    decimal RetentionRate,
    decimal DiscountRate,
    int HorizonYears,
    AttributionRule Attribution,
    IReadOnlyDictionary<string, decimal> ActivityWeights,
    decimal AdvocacyCostPerHour,
    decimal ValuePerDeliveredIdea,
    decimal ValuePerBetaFeedback,
    decimal DefaultGrossMargin,
    decimal MatteredMostBoost,
    int TouchWindowDays)
{
    /// <summary>The weights a program starts from when it switches to <see cref="AttributionRule.WeightedByActivity"/>.</summary>
    public static IReadOnlyDictionary<string, decimal> DefaultWeights { get; } = new Dictionary<string, decimal>(StringComparer.Ordinal)
    {
        ["reference-call"] = 0.30m,
        ["site-visit"] = 0.15m,
        ["case-study"] = 0.10m,
        ["speaking"] = 0.20m,
        ["webinar"] = 0.10m,
        ["review-site-review"] = 0.10m,
        [Vouch.Features.Value.Attribution.EventAttendanceKey] = 0.05m,
    };

    /// <summary>
    /// The defaults: 85 % of customers stay a year, money is discounted 10 % a year over five years, so 2,400 of gross
    /// profit a year is a lifetime value of 6,955; a won deal is split equally among the customers who helped win it.
    /// </summary>
    public static ValueModelSettings Defaults { get; } = new(
        RetentionRate: 0.85m,
        DiscountRate: 0.10m,
        HorizonYears: 5,
        Attribution: AttributionRule.EqualSplit,
        ActivityWeights: DefaultWeights,
        AdvocacyCostPerHour: 50m,
        ValuePerDeliveredIdea: 1_000m,
        ValuePerBetaFeedback: 250m,
        DefaultGrossMargin: 0.40m,
        MatteredMostBoost: 2m,
        TouchWindowDays: 180);
}
