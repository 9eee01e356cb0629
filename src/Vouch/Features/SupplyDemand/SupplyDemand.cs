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

/// <summary>The requests of a period, counted: per market cell, in all, and those made for a deal per activity.</summary>
/// <remarks>Cells: A request naming two products counts once in each product's cell. Requests: Each request once.</remarks>
public sealed record DemandTally(
    IReadOnlyDictionary<MarketCell, int> Cells, int Requests, IReadOnlyDictionary<string, int> DealRequestsByActivity)
{
    /// <summary>The tally of the requests made in <c>[from, to)</c>.</summary>
    public static DemandTally Of(IEnumerable<DemandSignal> requests, DateOnly from, DateOnly to)
    {
        var inPeriod = requests.Where(r => r.RequestedOn >= from && r.RequestedOn < to).ToList();
        return new DemandTally(
            inPeriod.SelectMany(SupplyDemandEngine.CellsOf).GroupBy(cell => cell).ToDictionary(g => g.Key, g => g.Count()),
            inPeriod.Count,
            inPeriod.Where(r => r.ForOpportunity).GroupBy(r => r.Activity, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal));
    }
}

/// <summary>Where open deals are, without the activity: the industry, one product they name (or none) and the region.</summary>
public sealed record DealCell(string? Industry, string? Product, string? Region);

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
        var nextTo = to.AddDays(to.DayNumber - from.DayNumber);
        return Report(from, to, DemandTally.Of(requests, from, to), advocates, DealsOf(pipeline, to, nextTo), dealsClosedInPeriod, today);
    }

    /// <summary>
    /// The report from requests and deals already counted (as a database counts them):
    /// <paramref name="dealsClosingNext"/> holds the open deals due to close in the next period of the same length.
    /// </summary>
    public static SupplyDemandReport Report(
        DateOnly from,
        DateOnly to,
        DemandTally demand,
        IReadOnlyList<AdvocateSupply> advocates,
        IReadOnlyDictionary<DealCell, int> dealsClosingNext,
        int dealsClosedInPeriod,
        DateOnly today)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(from, to);
        var supply = new SupplyIndex(advocates, from, to);
        var cells = demand.Cells
            .Select(d => new CellBalance(d.Key, d.Value, supply.In(d.Key)))
            .OrderByDescending(c => c.Gap).ThenByDescending(c => c.Demand).ThenBy(c => Label(c.Cell), StringComparer.Ordinal)
            .ToList();
        var nextTo = to.AddDays(to.DayNumber - from.DayNumber);

        return new SupplyDemandReport(
            from, to, demand.Requests, cells, NearestBurnout(advocates, today),
            Forecast(demand, new SupplyIndex(advocates, to, nextTo), dealsClosingNext, dealsClosedInPeriod));
    }

    /// <summary>The cells a request counts in: one per product it named, or one with no product.</summary>
    public static IEnumerable<MarketCell> CellsOf(DemandSignal request) =>
        request.Products.Count == 0
            ? [new MarketCell(request.Industry, null, request.Region, request.Activity)]
            : request.Products.Distinct().Select(p => new MarketCell(request.Industry, p, request.Region, request.Activity));

    /// <summary>The deals closing in <c>[from, to)</c>, counted per industry, product (one per product named) and region.</summary>
    public static IReadOnlyDictionary<DealCell, int> DealsOf(IEnumerable<PipelineDeal> pipeline, DateOnly from, DateOnly to) =>
        pipeline
            .Where(d => d.CloseDate >= from && d.CloseDate < to)
            .SelectMany(d => d.Products.Count == 0
                ? [new DealCell(d.Industry, null, d.Region)]
                : d.Products.Distinct().Select(p => new DealCell(d.Industry, p, d.Region)))
            .GroupBy(cell => cell)
            .ToDictionary(g => g.Key, g => g.Count());

    /// <summary>
    /// Asks the advocates serving <paramref name="cell"/> may still take in the period: each one's quarterly limit
    /// pro-rated to the period's length (to the nearest whole ask), less the asks already in it.
    /// </summary>
    public static int SupplyIn(MarketCell cell, IReadOnlyList<AdvocateSupply> advocates, DateOnly from, DateOnly to) =>
        new SupplyIndex(advocates, from, to).In(cell);

    /// <summary>Advocates at or above <see cref="BurnoutThreshold"/> of their limit over the last quarter, the busiest first.</summary>
    public static IReadOnlyList<BurnoutRisk> NearestBurnout(IReadOnlyList<AdvocateSupply> advocates, DateOnly today, int top = 20)
    {
        var quarterStart = today.AddDays(-(int)Math.Round(DaysPerQuarter));
        return advocates
            .Where(a => a.AskedOn.Count > 0)
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
        DemandTally demand, SupplyIndex supply, IReadOnlyDictionary<DealCell, int> dealsClosingNext, int dealsClosedInPeriod)
    {
        var dealRequests = demand.DealRequestsByActivity.Values.Sum();
        if (dealsClosedInPeriod <= 0 || dealRequests == 0)
        {
            return [];
        }
        var requestsPerDeal = (double)dealRequests / dealsClosedInPeriod;
        return dealsClosingNext
            .SelectMany(deals => demand.DealRequestsByActivity.Select(mix => (
                Cell: new MarketCell(deals.Key.Industry, deals.Key.Product, deals.Key.Region, mix.Key),
                Expected: deals.Value * requestsPerDeal * mix.Value / dealRequests)))
            .Select(f => new CellForecast(f.Cell, Math.Round(f.Expected, 2), supply.In(f.Cell)))
            .OrderByDescending(f => f.Gap).ThenByDescending(f => f.ExpectedRequests).ThenBy(f => Label(f.Cell), StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>The cell in words, e.g. "Banking · Payments · EMEA · reference-call".</summary>
    public static string Label(MarketCell cell) =>
        string.Join(" · ", cell.Industry ?? "any industry", cell.Product ?? "any product", cell.Region ?? "any region", cell.Activity);

    /// <summary>
    /// What each advocate may still be asked in one period, filed under every cell shape that can name them: their
    /// activity with their industry or any, and their region or any. A report weighs thousands of cells against a
    /// hundred thousand advocates; a cell then reads only the advocates filed under it, never all of them.
    /// </summary>
    private sealed class SupplyIndex
    {
        private readonly Dictionary<(string Activity, string? Industry, string? Region), List<(IReadOnlySet<string> Products, int Left)>> _filed = [];

        public SupplyIndex(IReadOnlyList<AdvocateSupply> advocates, DateOnly from, DateOnly to)
        {
            var quarters = (to.DayNumber - from.DayNumber) / DaysPerQuarter;
            foreach (var advocate in advocates)
            {
                var allowed = (int)Math.Round(advocate.AsksPerQuarter * quarters);
                var left = allowed - advocate.AskedOn.Count(d => d >= from && d < to);
                if (left <= 0)
                {
                    continue;
                }
                foreach (var activity in advocate.Activities)
                {
                    foreach (var industry in new[] { advocate.Industry, null }.Distinct())
                    {
                        foreach (var region in new[] { advocate.Region, null }.Distinct())
                        {
                            if (!_filed.TryGetValue((activity, industry, region), out var list))
                            {
                                _filed[(activity, industry, region)] = list = [];
                            }
                            list.Add((advocate.Products, left));
                        }
                    }
                }
            }
        }

        public int In(MarketCell cell)
        {
            if (!_filed.TryGetValue((cell.Activity, cell.Industry, cell.Region), out var advocates))
            {
                return 0;
            }
            var supply = 0;
            foreach (var (products, left) in advocates)
            {
                if (cell.Product is null || products.Contains(cell.Product))
                {
                    supply += left;
                }
            }
            return supply;
        }
    }
}
