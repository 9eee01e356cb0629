using Vouch.Features.Accounts;
using Vouch.Features.SupplyDemand;

namespace Vouch.Tests.Unit;

public sealed class MarketHistoryTests
{
    private static readonly Guid s_call = Guid.NewGuid();
    private static readonly Guid s_visit = Guid.NewGuid();
    private static readonly Guid s_banking = Guid.NewGuid();
    private static readonly Guid s_payments = Guid.NewGuid();
    private static readonly Guid s_lending = Guid.NewGuid();

    [Fact]
    public void A_period_counts_the_days_from_its_first_up_to_but_not_including_its_last()
    {
        var counts = new DailyCounts<string>([
            (new DateOnly(2026, 1, 1), "a"), (new DateOnly(2026, 1, 1), "a"), (new DateOnly(2026, 1, 2), "b"),
            (new DateOnly(2026, 1, 5), "a"), (new DateOnly(2025, 12, 31), "b"),
        ]);

        Assert.Equal(new Dictionary<string, int> { ["a"] = 2, ["b"] = 1 }, counts.In(new DateOnly(2026, 1, 1), new DateOnly(2026, 1, 5)));
        Assert.Equal(5, counts.Total(new DateOnly(2025, 12, 31), new DateOnly(2026, 1, 6)));
        Assert.Empty(counts.In(new DateOnly(2026, 1, 6), new DateOnly(2027, 1, 1)));
        Assert.Equal(0, counts.Total(new DateOnly(2026, 1, 3), new DateOnly(2026, 1, 5)));
    }

    [Fact]
    public void A_request_naming_two_products_counts_in_both_cells_and_once_in_the_requests()
    {
        var day = new DateOnly(2026, 3, 3);
        var history = new MarketHistory(
            [
                new RequestFact(day, s_call, s_banking, Region.Emea, [s_payments, s_lending], ForOpportunity: true),
                new RequestFact(day, s_call, s_banking, Region.Emea, [], ForOpportunity: false),
                new RequestFact(day.AddDays(1), s_visit, null, null, [s_payments], ForOpportunity: true),
            ],
            [], [], DateTimeOffset.UnixEpoch);

        var cells = history.CellsIn(day, day.AddDays(2));
        Assert.Equal(4, cells.Count);
        Assert.Equal(1, cells[new DemandKey(s_call, s_banking, Region.Emea, s_payments)]);
        Assert.Equal(1, cells[new DemandKey(s_call, s_banking, Region.Emea, s_lending)]);
        Assert.Equal(1, cells[new DemandKey(s_call, s_banking, Region.Emea, null)]);
        Assert.Equal(1, cells[new DemandKey(s_visit, null, null, s_payments)]);
        Assert.Equal(3, history.RequestsIn(day, day.AddDays(2)).Values.Sum());
        Assert.Equal(1, history.RequestsIn(day, day.AddDays(1))[new RequestKey(s_call, ForOpportunity: true)]);

        var later = history.With([new RequestFact(day.AddDays(1), s_call, s_banking, Region.Emea, [s_payments], ForOpportunity: true)]);
        Assert.Equal(2, later.CellsIn(day, day.AddDays(2))[new DemandKey(s_call, s_banking, Region.Emea, s_payments)]);
        Assert.Equal(4, later.RequestsIn(day, day.AddDays(2)).Values.Sum());
        Assert.Equal(3, history.RequestsIn(day, day.AddDays(2)).Values.Sum());
        Assert.Empty(later.RequestsIn(day.AddDays(2), day.AddDays(3)));
    }

    [Fact]
    public void Open_deals_count_per_product_on_their_close_date_and_closed_deals_once()
    {
        var close = new DateOnly(2026, 6, 30);
        var history = new MarketHistory(
            [],
            [new OpenDealFact(close, s_banking, Region.Emea, [s_payments, s_lending]), new OpenDealFact(close.AddDays(1), null, null, [])],
            [close, close, close.AddDays(-1)],
            DateTimeOffset.UnixEpoch);

        Assert.Equal(
            new Dictionary<DealKey, int>
            {
                [new DealKey(s_banking, Region.Emea, s_payments)] = 1, [new DealKey(s_banking, Region.Emea, s_lending)] = 1,
            },
            history.OpenDeals.In(close, close.AddDays(1)));
        Assert.Equal(2, history.ClosedDeals.Total(close, close.AddDays(1)));
    }

    [Fact]
    public void Supply_filed_by_numbers_is_what_every_advocate_who_serves_the_cell_may_still_take()
    {
        var random = new Random(7);
        string[] industries = ["Banking", "Retail", "Energy"];
        string[] regions = ["Emea", "Apac"];
        string[] products = ["Payments", "Lending", "Cards", "Ledger"];
        string[] activities = ["reference-call", "site-visit", "case-study"];
        var (from, to) = (new DateOnly(2026, 1, 1), new DateOnly(2026, 7, 1));
        var advocates = Enumerable.Range(0, 300).Select(i => new AdvocateSupply(
                Guid.NewGuid(), $"Advocate {i}",
                random.Next(4) == 0 ? null : industries[random.Next(industries.Length)],
                products.Where(_ => random.Next(3) == 0).ToHashSet(),
                random.Next(4) == 0 ? null : regions[random.Next(regions.Length)],
                activities.Where(_ => random.Next(2) == 0).ToHashSet(),
                random.Next(0, 4),
                [.. Enumerable.Range(0, random.Next(0, 6)).Select(_ => from.AddDays(random.Next(-60, 240)))]))
            .ToList();
        var cells =
            from industry in industries.Append(null).Append("Unknown")
            from product in products.Append(null).Append("Unknown")
            from region in regions.Append(null)
            from activity in activities.Append("unknown")
            select new MarketCell(industry, product, region, activity);
        var quarters = (to.DayNumber - from.DayNumber) / (365.25 / 4);

        foreach (var cell in cells)
        {
            var expected = advocates
                .Where(cell.IsServedBy)
                .Select(a => (int)Math.Round(a.AsksPerQuarter * quarters) - a.AskedOn.Count(d => d >= from && d < to))
                .Where(left => left > 0)
                .Sum();
            Assert.True(expected == SupplyDemandEngine.SupplyIn(cell, advocates, from, to), SupplyDemandEngine.Label(cell));
        }
    }
}
