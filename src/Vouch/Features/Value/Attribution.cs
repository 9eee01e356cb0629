using Vouch.Features.BuyerJourney;

namespace Vouch.Features.Value;

/// <summary>
/// One customer contact's part in a won deal: a reference they gave for it, an event they spoke at or attended that its
/// buyer came to, a review they wrote before it closed. <paramref name="Ours"/> marks the touches of the account or
/// contact whose value is being worked out; the others are there to share the deal with.
/// </summary>
public sealed record Touch(Guid ContactId, string Contact, string ActivityKey, Influence Influence, DateOnly On, string What, bool Ours);

/// <summary>A won deal and every touch of it. <paramref name="MatteredMost"/> is what its buyer said mattered most, if they answered.</summary>
public sealed record InfluencedDeal(
    Guid DealId, string Name, string Account, decimal Amount, decimal MarginRate, DateOnly ClosedOn, Influence? MatteredMost, IReadOnlyList<Touch> Touches);

/// <summary>A touch's share of its deal, 0–1, and the words of the rule that gave it.</summary>
public sealed record TouchShare(Touch Touch, decimal Share, string Rule);

/// <summary>
/// Shares a won deal among its touches by the program's rule (decision 26). The buyer-journey survey's answer weighs in:
/// under an equal split or weights, a touch of the kind the buyer said mattered most weighs
/// <see cref="ValueModelSettings.MatteredMostBoost"/> times as much; under first or last touch, the first or last touch
/// of that kind takes the deal when there is one. The shares of a deal add up to 1.
/// </summary>
public static class Attribution
{
    /// <summary>The weight key of a customer attending an event a buyer came to: not an activity type, but a touch all the same.</summary>
    public const string EventAttendanceKey = "event-attendance";

    public static IReadOnlyList<TouchShare> Shares(InfluencedDeal deal, ValueModelSettings settings)
    {
        var touches = deal.Touches;
        if (touches.Count == 0)
        {
            return [];
        }
        var named = deal.MatteredMost is { } most ? $"; the buyer said {Influences.Words(most).ToLowerInvariant()} mattered most" : "";
        switch (settings.Attribution)
        {
            case AttributionRule.FirstTouch:
            case AttributionRule.LastTouch:
            {
                var first = settings.Attribution == AttributionRule.FirstTouch;
                var pool = touches.Where(t => t.Influence == deal.MatteredMost).ToList() is { Count: > 0 } mattered ? mattered : [.. touches];
                // The order of the touches breaks a tie of days, so the same records always give the same answer.
                var chosen = first ? pool.MinBy(t => t.On)! : pool.MaxBy(t => t.On)!;
                var rule = (first ? "First touch" : "Last touch") + named;
                return [.. touches.Select(t => new TouchShare(t, ReferenceEquals(t, chosen) ? 1m : 0m, rule))];
            }
            default:
            {
                var weighted = settings.Attribution == AttributionRule.WeightedByActivity;
                var weights = touches.Select(t => (weighted ? settings.ActivityWeights.GetValueOrDefault(t.ActivityKey) : 1m)
                    * (t.Influence == deal.MatteredMost ? settings.MatteredMostBoost : 1m)).ToList();
                var total = weights.Sum();
                var rule = weighted ? "Weighted by activity" : $"Equal split among {touches.Count} touch{(touches.Count == 1 ? "" : "es")}";
                if (total <= 0)
                {
                    // No touch of the deal has a weight of its own: none is worth more than another, so they share it equally.
                    return [.. touches.Select(t => new TouchShare(t, 1m / touches.Count, "Weighted by activity, none weighted: equal split" + named))];
                }
                return [.. touches.Select((t, i) => new TouchShare(t, weights[i] / total, rule + named))];
            }
        }
    }
}
