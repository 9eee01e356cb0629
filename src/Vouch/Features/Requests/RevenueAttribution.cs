namespace Vouch.Features.Requests;

/// <summary>A closed deal: what it was worth and whether it was won.</summary>
public sealed record ClosedDeal(Guid OpportunityId, decimal Amount, bool Won);

/// <summary>A reference given for a deal, as its feedback recorded it.</summary>
public sealed record GivenReference(Guid RequestId, Guid OpportunityId, bool Happened, int? Rating, bool? Helped);

public sealed record AttributedReference(Guid RequestId, Guid OpportunityId, decimal Amount);

/// <summary>What references did for revenue: won revenue they influenced, and the win rate with and without them.</summary>
public sealed record InfluenceReport(
    decimal InfluencedRevenue, int DealsWithReferences, int WonWithReferences, int DealsWithoutReferences, int WonWithoutReferences,
    double? WinRateWithReferences, double? WinRateWithoutReferences, IReadOnlyList<AttributedReference> Attributed);

/// <summary>
/// Credits won revenue to the references that helped win it. A reference helped when it happened and the seller did
/// not say it failed to help. A won deal's amount is split among its helping references by their rating (an unrated
/// one counts as 3 of 5), so a call that made the difference earns more than one that merely took place; the shares
/// always add up to the deal's amount. A deal counts as "with references" when at least one reference helped it.
/// </summary>
public static class RevenueAttribution
{
    public const int UnratedWeight = 3;

    /// <summary>Whether a reference counts for its deal: it happened and the seller did not say it failed to help.</summary>
    public static bool Helped(GivenReference reference) => reference.Happened && reference.Helped != false;

    public static InfluenceReport Attribute(IReadOnlyList<ClosedDeal> deals, IReadOnlyList<GivenReference> references)
    {
        var helping = references.Where(Helped).ToLookup(r => r.OpportunityId);
        var attributed = new List<AttributedReference>();
        decimal influenced = 0;
        int with = 0, wonWith = 0, without = 0, wonWithout = 0;
        foreach (var deal in deals)
        {
            var helpers = helping[deal.OpportunityId].ToList();
            if (helpers.Count == 0)
            {
                without++;
                wonWithout += deal.Won ? 1 : 0;
                continue;
            }
            with++;
            if (!deal.Won)
            {
                continue;
            }
            wonWith++;
            influenced += deal.Amount;
            var weights = helpers.Select(h => (decimal)(h.Rating ?? UnratedWeight)).ToList();
            var total = weights.Sum();
            decimal given = 0;
            for (var i = 0; i < helpers.Count; i++)
            {
                // The last share takes the rounding remainder, so the shares add up to the amount exactly.
                var share = i == helpers.Count - 1 ? deal.Amount - given : Math.Round(deal.Amount * weights[i] / total, 2);
                given += share;
                attributed.Add(new AttributedReference(helpers[i].RequestId, deal.OpportunityId, share));
            }
        }
        return new InfluenceReport(influenced, with, wonWith, without, wonWithout,
            with == 0 ? null : wonWith / (double)with, without == 0 ? null : wonWithout / (double)without, attributed);
    }
}
