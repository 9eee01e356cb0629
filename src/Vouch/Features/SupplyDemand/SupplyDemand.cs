namespace Vouch.Features.SupplyDemand;

/// <summary>
/// A cell of the reference market: the industry, product, region and activity a reference is wanted for. A null
/// dimension means the request did not ask for one, so any advocate serves it there.
/// </summary>
public sealed record MarketCell(string? Industry, string? Product, string? Region, string Activity)
{
    /// <summary>Whether <paramref name="advocate"/> can serve a request in this cell.</summary>
    public bool IsServedBy(AdvocateSupply advocate) =>
        advocate.Activities.Contains(Activity)
        && (Industry is null || Industry == advocate.Industry)
        && (Region is null || Region == advocate.Region)
        && (Product is null || advocate.Products.Contains(Product));
}

/// <summary>One request for a reference: what it asked for and when it was made.</summary>
public sealed record DemandSignal(
    string? Industry, IReadOnlyList<string> Products, string? Region, string Activity, DateOnly RequestedOn, bool ForOpportunity);

/// <summary>An open deal that may ask for a reference before it closes.</summary>
public sealed record PipelineDeal(string? Industry, IReadOnlyList<string> Products, string? Region, DateOnly CloseDate);

/// <summary>
/// A referenceable advocate: where they fit, what they agreed to do, how often they may be asked, and when they were
/// asked (each scheduled or completed ask in the ledger).
/// </summary>
public sealed record AdvocateSupply(
    Guid ContactId,
    string Name,
    string? Industry,
    IReadOnlySet<string> Products,
    string? Region,
    IReadOnlySet<string> Activities,
    int AsksPerQuarter,
    IReadOnlyList<DateOnly> AskedOn);

/// <summary>Demand against available capacity in one cell over the report's period.</summary>
public sealed record CellBalance(MarketCell Cell, int Demand, int Supply)
{
    /// <summary>Requests the available advocates cannot absorb.</summary>
    public int Gap => Math.Max(0, Demand - Supply);
}

/// <summary>An advocate close to their limit: asks in the last quarter against what they allow.</summary>
public sealed record BurnoutRisk(Guid ContactId, string Name, int AsksLastQuarter, int AsksPerQuarter, DateOnly? LastAskedOn)
{
    public double Utilisation => AsksPerQuarter == 0 ? 1 : (double)AsksLastQuarter / AsksPerQuarter;
}

/// <summary>Requests the open pipeline is expected to bring in one cell, against the capacity there is.</summary>
public sealed record CellForecast(MarketCell Cell, double ExpectedRequests, int Supply)
{
    public double Gap => Math.Max(0, ExpectedRequests - Supply);
}

public sealed record SupplyDemandReport(
    DateOnly From,
    DateOnly To,
    int Requests,
    IReadOnlyList<CellBalance> Cells,
    IReadOnlyList<BurnoutRisk> NearestBurnout,
    IReadOnlyList<CellForecast> Forecast);

/// <summary>
/// Supply and demand of references. Demand is the requests made in a period, counted in the cell of each product
/// they named (a request naming two products needs an advocate who knows either, so it shows in both); supply is
/// what the advocates who could serve a cell may still be asked in the period, from their quarterly limit less the
/// asks the ledger holds. The forecast applies the period's rate of requests per closing deal, and its mix of
/// activities, to the deals due to close in the next period of the same length.
/// </summary>
public static class SupplyDemandEngine
{
    /// <summary>Advocates at or above this share of their quarterly limit are listed as nearest burnout.</summary>
    public const double BurnoutThreshold = 0.75;

    private const double DaysPerQuarter = 365.25 / 4;

    public static SupplyDemandReport Report(
        DateOnly from,
        DateOnly to,
        IReadOnlyList<DemandSignal> requests,
        IReadOnlyList<AdvocateSupply> advocates,
        IReadOnlyList<PipelineDeal> pipeline,
        int dealsClosedInPeriod,
        DateOnly today)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(from, to);
        var inPeriod = requests.Where(r => r.RequestedOn >= from && r.RequestedOn < to).ToList();

        var demand = inPeriod
            .SelectMany(CellsOf)
            .GroupBy(cell => cell)
            .Select(g => (Cell: g.Key, Count: g.Count()))
            .ToList();
        var byActivity = ByActivity(advocates);
        var cells = demand
            .Select(d => new CellBalance(d.Cell, d.Count, SupplyIn(d.Cell, byActivity, from, to)))
            .OrderByDescending(c => c.Gap).ThenByDescending(c => c.Demand).ThenBy(c => Label(c.Cell), StringComparer.Ordinal)
            .ToList();

        return new SupplyDemandReport(
            from, to, inPeriod.Count, cells, NearestBurnout(advocates, today),
            Forecast(inPeriod, byActivity, pipeline, dealsClosedInPeriod, to, to.DayNumber - from.DayNumber));
    }

    /// <summary>The cells a request counts in: one per product it named, or one with no product.</summary>
    public static IEnumerable<MarketCell> CellsOf(DemandSignal request) =>
        request.Products.Count == 0
            ? [new MarketCell(request.Industry, null, request.Region, request.Activity)]
            : request.Products.Distinct().Select(p => new MarketCell(request.Industry, p, request.Region, request.Activity));

    /// <summary>
    /// Asks the advocates serving <paramref name="cell"/> may still take in the period: each one's quarterly limit
    /// pro-rated to the period's length (to the nearest whole ask), less the asks already in it.
    /// </summary>
    public static int SupplyIn(MarketCell cell, IReadOnlyList<AdvocateSupply> advocates, DateOnly from, DateOnly to) =>
        SupplyIn(cell, ByActivity(advocates), from, to);

    // A report weighs hundreds of cells against a hundred thousand advocates; looking only at those who agreed to the
    // cell's activity keeps that from being their product.
    private static Dictionary<string, List<AdvocateSupply>> ByActivity(IReadOnlyList<AdvocateSupply> advocates)
    {
        var byActivity = new Dictionary<string, List<AdvocateSupply>>(StringComparer.Ordinal);
        foreach (var advocate in advocates)
        {
            foreach (var activity in advocate.Activities)
            {
                if (!byActivity.TryGetValue(activity, out var list))
                {
                    byActivity[activity] = list = [];
                }
                list.Add(advocate);
            }
        }
        return byActivity;
    }

    private static int SupplyIn(MarketCell cell, Dictionary<string, List<AdvocateSupply>> byActivity, DateOnly from, DateOnly to)
    {
        if (!byActivity.TryGetValue(cell.Activity, out var advocates))
        {
            return 0;
        }
        var quarters = (to.DayNumber - from.DayNumber) / DaysPerQuarter;
        var supply = 0;
        foreach (var advocate in advocates)
        {
            if (!cell.IsServedBy(advocate))
            {
                continue;
            }
            var allowed = (int)Math.Round(advocate.AsksPerQuarter * quarters);
            var used = advocate.AskedOn.Count(d => d >= from && d < to);
            supply += Math.Max(0, allowed - used);
        }
        return supply;
    }

    /// <summary>Advocates at or above <see cref="BurnoutThreshold"/> of their limit over the last quarter, the busiest first.</summary>
    public static IReadOnlyList<BurnoutRisk> NearestBurnout(IReadOnlyList<AdvocateSupply> advocates, DateOnly today, int top = 20)
    {
        var quarterStart = today.AddDays(-(int)Math.Round(DaysPerQuarter));
        return advocates
            .Select(a => new BurnoutRisk(
                a.ContactId,
                a.Name,
                a.AskedOn.Count(d => d > quarterStart && d <= today),
                a.AsksPerQuarter,
                a.AskedOn.Where(d => d <= today).Select(d => (DateOnly?)d).Max()))
            .Where(r => r.AsksLastQuarter > 0 && r.Utilisation >= BurnoutThreshold)
            .OrderByDescending(r => r.Utilisation).ThenByDescending(r => r.LastAskedOn).ThenBy(r => r.Name, StringComparer.Ordinal)
            .Take(top)
            .ToList();
    }

    private static List<CellForecast> Forecast(
        List<DemandSignal> inPeriod,
        Dictionary<string, List<AdvocateSupply>> advocates,
        IReadOnlyList<PipelineDeal> pipeline,
        int dealsClosedInPeriod,
        DateOnly nextFrom,
        int days)
    {
        var dealRequests = inPeriod.Where(r => r.ForOpportunity).ToList();
        if (dealsClosedInPeriod <= 0 || dealRequests.Count == 0)
        {
            return [];
        }
        var requestsPerDeal = (double)dealRequests.Count / dealsClosedInPeriod;
        var activityMix = dealRequests
            .GroupBy(r => r.Activity)
            .Select(g => (Activity: g.Key, Share: (double)g.Count() / dealRequests.Count))
            .ToList();
        var nextTo = nextFrom.AddDays(days);

        return pipeline
            .Where(d => d.CloseDate >= nextFrom && d.CloseDate < nextTo)
            .SelectMany(deal => activityMix.SelectMany(mix =>
                CellsOf(new DemandSignal(deal.Industry, deal.Products, deal.Region, mix.Activity, deal.CloseDate, ForOpportunity: true))
                    .Select(cell => (Cell: cell, Expected: requestsPerDeal * mix.Share))))
            .GroupBy(x => x.Cell, x => x.Expected)
            .Select(g => new CellForecast(g.Key, Math.Round(g.Sum(), 2), SupplyIn(g.Key, advocates, nextFrom, nextTo)))
            .OrderByDescending(f => f.Gap).ThenByDescending(f => f.ExpectedRequests).ThenBy(f => Label(f.Cell), StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>The cell in words, e.g. "Banking · Payments · EMEA · reference-call".</summary>
    public static string Label(MarketCell cell) =>
        string.Join(" · ", cell.Industry ?? "any industry", cell.Product ?? "any product", cell.Region ?? "any region", cell.Activity);
}
