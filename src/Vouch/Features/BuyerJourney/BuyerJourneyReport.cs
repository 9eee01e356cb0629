namespace Vouch.Features.BuyerJourney;

/// <summary>A closed deal's answer as the report reads it.</summary>
public sealed record AnsweredDeal(decimal Amount, bool Won, Influence MatteredMost, IReadOnlyList<Influence> Influences, JourneyStage Stage);

/// <summary>One influence in the report: the won revenue for which it mattered most, and its share of the answered won revenue.</summary>
public sealed record InfluenceShare(string Influence, string Words, int WonDeals, decimal WonRevenue, decimal? Share, int DealsNaming);

/// <summary>What buyers said influenced them: answered deals, the won revenue answered for, and each influence's share of it.</summary>
public sealed record BuyerJourneyReport(int AnsweredDeals, int AnsweredWon, decimal AnsweredWonRevenue, IReadOnlyList<InfluenceShare> Influences)
{
    /// <summary>
    /// For each influence, the won revenue of the answered deals whose buyer said it mattered most, over the won revenue
    /// of every answered deal: the seeds' "share of revenue for which review sites mattered most". Every influence is
    /// listed, most revenue first; the shares are none when no won deal was answered.
    /// </summary>
    public static BuyerJourneyReport Of(IReadOnlyList<AnsweredDeal> deals)
    {
        var won = deals.Where(d => d.Won).ToList();
        var revenue = won.Sum(d => d.Amount);
        return new BuyerJourneyReport(deals.Count, won.Count, revenue, [.. Enum.GetValues<Influence>()
            .Select(i =>
            {
                var mattered = won.Where(d => d.MatteredMost == i).ToList();
                var sum = mattered.Sum(d => d.Amount);
                return new InfluenceShare(i.ToString(), BuyerJourney.Influences.Words(i), mattered.Count, sum,
                    revenue > 0 ? Math.Round(sum / revenue, 4) : null, deals.Count(d => d.Influences.Contains(i)));
            })
            .OrderByDescending(s => s.WonRevenue).ThenByDescending(s => s.DealsNaming).ThenBy(s => s.Influence, StringComparer.Ordinal)]);
    }
}
