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
        return Report(from, to, DemandTally.Of(requests, from, to), new NumberedAdvocates(advocates), DealsOf(pipeline, to, nextTo), dealsClosedInPeriod, today);
    }

    /// <summary>
    /// The report from requests and deals already counted (as a database counts them):
    /// <paramref name="dealsClosingNext"/> holds the open deals due to close in the next period of the same length.
    /// The <paramref name="advocates"/> may be numbered once for many reports.
    /// </summary>
    public static SupplyDemandReport Report(
        DateOnly from,
        DateOnly to,
        DemandTally demand,
        NumberedAdvocates advocates,
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
            from, to, demand.Requests, cells, NearestBurnout(advocates.Advocates, today),
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
        new SupplyIndex(new NumberedAdvocates(advocates), from, to).In(cell);

    /// <summary>Advocates at or above <see cref="BurnoutThreshold"/> of their limit over the last quarter, the busiest first.</summary>
    public static IReadOnlyList<BurnoutRisk> NearestBurnout(IReadOnlyList<AdvocateSupply> advocates, DateOnly today, int top = 20)
    {
        var quarterStart = today.AddDays(-(int)Math.Round(DaysPerQuarter));
        var risks = new List<BurnoutRisk>();
        foreach (var advocate in advocates)
        {
            var (asks, last) = (0, (DateOnly?)null);
            foreach (var day in advocate.AskedOn)
            {
                asks += day > quarterStart && day <= today ? 1 : 0;
                last = day <= today && (last is null || day > last) ? day : last;
            }
            if (asks > 0 && new BurnoutRisk(advocate.ContactId, advocate.Name, asks, advocate.AsksPerQuarter, last) is { Utilisation: >= BurnoutThreshold } risk)
            {
                risks.Add(risk);
            }
        }
        return risks
            .OrderByDescending(r => r.Utilisation).ThenByDescending(r => r.LastAskedOn).ThenBy(r => r.Name, StringComparer.Ordinal).ThenBy(r => r.ContactId)
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
    /// What the advocates may still be asked in one period, added up under every cell that can name them: each activity
    /// they agreed to, with their industry or any, their region or any, and each of their products or any. A report
    /// weighs tens of thousands of cells against a hundred thousand advocates; a cell then reads one number.
    /// </summary>
    private sealed class SupplyIndex
    {
        private readonly NumberedAdvocates _numbered;
        private readonly int[] _left;

        public SupplyIndex(NumberedAdvocates numbered, DateOnly from, DateOnly to)
        {
            _numbered = numbered;
            _left = new int[numbered.Activities * numbered.Industries * numbered.Regions * numbered.Products];
            var quarters = (to.DayNumber - from.DayNumber) / DaysPerQuarter;
            for (var i = 0; i < numbered.Advocates.Count; i++)
            {
                var advocate = numbered.Advocates[i];
                var allowed = (int)Math.Round(advocate.AsksPerQuarter * quarters);
                var left = allowed;
                foreach (var day in advocate.AskedOn)
                {
                    left -= day >= from && day < to ? 1 : 0;
                }
                if (left <= 0)
                {
                    continue;
                }
                var (activities, industry, region, products) = numbered.Numbered[i];
                foreach (var activity in activities)
                {
                    // An advocate with no industry (or region) is filed under "any" only, once.
                    for (var anyIndustry = industry; anyIndustry >= 0; anyIndustry = anyIndustry == 0 ? -1 : 0)
                    {
                        for (var anyRegion = region; anyRegion >= 0; anyRegion = anyRegion == 0 ? -1 : 0)
                        {
                            _left[numbered.Slot(activity, anyIndustry, anyRegion, 0)] += left;
                            foreach (var product in products)
                            {
                                _left[numbered.Slot(activity, anyIndustry, anyRegion, product)] += left;
                            }
                        }
                    }
                }
            }
        }

        public int In(MarketCell cell) => _numbered.SlotOf(cell) is { } slot ? _left[slot] : 0;
    }
}

/// <summary>
/// Advocates with their activities, industry, region and products as numbers, so that what they may still be asked in
/// a period adds up in an array instead of under names. Number 0 of industries, regions and products is "any".
/// Numbering a hundred thousand advocates costs more than a report's sums, so it is done once for many reports.
/// </summary>
public sealed class NumberedAdvocates
{
    private readonly Dictionary<string, int> _activities = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _industries = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _regions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _products = new(StringComparer.Ordinal);

    public NumberedAdvocates(IReadOnlyList<AdvocateSupply> advocates)
    {
        Advocates = advocates;
        Numbered = new (int[], int, int, int[])[advocates.Count];
        for (var i = 0; i < advocates.Count; i++)
        {
            var advocate = advocates[i];
            Numbered[i] = (
                [.. advocate.Activities.Select(a => Number(_activities, a, 0))],
                advocate.Industry is null ? 0 : Number(_industries, advocate.Industry, 1),
                advocate.Region is null ? 0 : Number(_regions, advocate.Region, 1),
                [.. advocate.Products.Select(p => Number(_products, p, 1))]);
        }
    }

    public IReadOnlyList<AdvocateSupply> Advocates { get; }

    /// <summary>For each advocate: activities, industry, region and products as numbers.</summary>
    internal (int[] Activities, int Industry, int Region, int[] Products)[] Numbered { get; }

    internal int Activities => _activities.Count;
    internal int Industries => _industries.Count + 1;
    internal int Regions => _regions.Count + 1;
    internal int Products => _products.Count + 1;

    /// <summary>Where <paramref name="cell"/> is filed; none when no advocate names its activity, industry, region or product.</summary>
    internal int? SlotOf(MarketCell cell)
    {
        if (!_activities.TryGetValue(cell.Activity, out var activity))
        {
            return null;
        }
        var industry = 0;
        var region = 0;
        var product = 0;
        if ((cell.Industry is not null && !_industries.TryGetValue(cell.Industry, out industry))
            || (cell.Region is not null && !_regions.TryGetValue(cell.Region, out region))
            || (cell.Product is not null && !_products.TryGetValue(cell.Product, out product)))
        {
            return null;
        }
        return Slot(activity, industry, region, product);
    }

    internal int Slot(int activity, int industry, int region, int product) =>
        ((activity * Industries + industry) * Regions + region) * Products + product;

    private static int Number(Dictionary<string, int> numbers, string name, int first) =>
        numbers.TryGetValue(name, out var number) ? number : numbers[name] = numbers.Count + first;
}
