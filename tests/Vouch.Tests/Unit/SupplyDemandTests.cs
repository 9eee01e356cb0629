using Vouch.Features.SupplyDemand;

namespace Vouch.Tests.Unit;

public sealed class SupplyDemandTests
{
    private static readonly DateOnly s_from = new(2026, 1, 1);
    private static readonly DateOnly s_to = new(2026, 4, 2); // 91 days: one quarter
    private static readonly DateOnly s_today = new(2026, 4, 1);

    private static AdvocateSupply Advocate(
        string name, string industry = "Banking", string[]? products = null, string region = "Emea",
        string[]? activities = null, int perQuarter = 2, params DateOnly[] askedOn) =>
        new(Guid.NewGuid(), name, industry, (products ?? ["Payments"]).ToHashSet(), region,
            (activities ?? ["reference-call"]).ToHashSet(), perQuarter, askedOn);

    private static DemandSignal Request(
        DateOnly on, string industry = "Banking", string[]? products = null, string? region = "Emea",
        string activity = "reference-call", bool forOpportunity = true) =>
        new(industry, products ?? ["Payments"], region, activity, on, forOpportunity);

    [Fact]
    public void A_cell_with_more_requests_than_capacity_shows_the_gap()
    {
        var requests = Enumerable.Range(0, 5).Select(i => Request(s_from.AddDays(i * 10))).ToList();
        var advocates = new[] { Advocate("Ana", perQuarter: 2), Advocate("Ben", perQuarter: 1) };

        var report = SupplyDemandEngine.Report(s_from, s_to, requests, advocates, [], dealsClosedInPeriod: 0, s_today);

        var cell = Assert.Single(report.Cells);
        Assert.Equal(new MarketCell("Banking", "Payments", "Emea", "reference-call"), cell.Cell);
        Assert.Equal(5, cell.Demand);
        Assert.Equal(3, cell.Supply);
        Assert.Equal(2, cell.Gap);
        Assert.Equal(5, report.Requests);
    }

    [Fact]
    public void Asks_already_taken_in_the_period_use_up_supply()
    {
        var advocates = new[] { Advocate("Ana", perQuarter: 3, askedOn: [s_from.AddDays(5), s_from.AddDays(40)]) };

        var supply = SupplyDemandEngine.SupplyIn(new MarketCell("Banking", "Payments", "Emea", "reference-call"), advocates, s_from, s_to);

        Assert.Equal(1, supply);
    }

    [Fact]
    public void Capacity_is_pro_rated_to_the_length_of_the_period()
    {
        var advocates = new[] { Advocate("Ana", perQuarter: 2) };
        var cell = new MarketCell("Banking", "Payments", "Emea", "reference-call");

        Assert.Equal(8, SupplyDemandEngine.SupplyIn(cell, advocates, new DateOnly(2026, 1, 1), new DateOnly(2027, 1, 1)));
        Assert.Equal(1, SupplyDemandEngine.SupplyIn(cell, advocates, new DateOnly(2026, 1, 1), new DateOnly(2026, 1, 31)));
        Assert.Equal(0, SupplyDemandEngine.SupplyIn(cell, advocates, new DateOnly(2026, 1, 1), new DateOnly(2026, 1, 11)));
    }

    [Fact]
    public void Only_advocates_who_fit_every_named_dimension_and_agreed_to_the_activity_supply_a_cell()
    {
        var advocates = new[]
        {
            Advocate("fits"),
            Advocate("other industry", industry: "Retail"),
            Advocate("other product", products: ["Lending"]),
            Advocate("other region", region: "Apac"),
            Advocate("no calls", activities: ["case-study"]),
        };

        Assert.Equal(2, SupplyDemandEngine.SupplyIn(new MarketCell("Banking", "Payments", "Emea", "reference-call"), advocates, s_from, s_to));
        // A request that named no product or region is served by anyone in the industry who takes calls.
        Assert.Equal(6, SupplyDemandEngine.SupplyIn(new MarketCell("Banking", null, null, "reference-call"), advocates, s_from, s_to));
    }

    [Fact]
    public void A_request_naming_two_products_counts_in_both_cells_and_once_in_the_total()
    {
        var report = SupplyDemandEngine.Report(
            s_from, s_to, [Request(s_from, products: ["Payments", "Lending"])], [], [], 0, s_today);

        Assert.Equal(1, report.Requests);
        Assert.Equal(["Lending", "Payments"], report.Cells.Select(c => c.Cell.Product).Order(StringComparer.Ordinal));
        Assert.All(report.Cells, c => Assert.Equal(1, c.Gap));
    }

    [Fact]
    public void Requests_outside_the_period_are_not_counted()
    {
        var requests = new[] { Request(s_from.AddDays(-1)), Request(s_from), Request(s_to) };

        var report = SupplyDemandEngine.Report(s_from, s_to, requests, [], [], 0, s_today);

        Assert.Equal(1, report.Requests);
    }

    [Fact]
    public void The_biggest_gaps_come_first()
    {
        var requests = new[]
        {
            Request(s_from, industry: "Retail"),
            Request(s_from, industry: "Banking"), Request(s_from, industry: "Banking"), Request(s_from, industry: "Banking"),
        };
        var advocates = new[] { Advocate("Ana", industry: "Retail", perQuarter: 1) };

        var report = SupplyDemandEngine.Report(s_from, s_to, requests, advocates, [], 0, s_today);

        Assert.Equal(["Banking", "Retail"], report.Cells.Select(c => c.Cell.Industry));
        Assert.Equal([3, 0], report.Cells.Select(c => c.Gap));
    }

    [Fact]
    public void Advocates_at_three_quarters_of_their_limit_or_more_are_nearest_burnout_busiest_first()
    {
        var advocates = new[]
        {
            Advocate("Half", perQuarter: 4, askedOn: [s_today.AddDays(-10), s_today.AddDays(-20)]),
            Advocate("Three quarters", perQuarter: 4, askedOn: [s_today.AddDays(-1), s_today.AddDays(-2), s_today.AddDays(-3)]),
            Advocate("Over", perQuarter: 1, askedOn: [s_today.AddDays(-5), s_today.AddDays(-30)]),
            Advocate("Long ago", perQuarter: 1, askedOn: [s_today.AddDays(-200)]),
        };

        var risks = SupplyDemandEngine.NearestBurnout(advocates, s_today);

        Assert.Equal(["Over", "Three quarters"], risks.Select(r => r.Name));
        Assert.Equal(2.0, risks[0].Utilisation);
        Assert.Equal(s_today.AddDays(-1), risks[1].LastAskedOn);
    }

    [Fact]
    public void The_forecast_applies_the_periods_requests_per_deal_and_activity_mix_to_deals_closing_next()
    {
        // 4 deal requests over 8 closed deals: half a request per deal, three quarters of them calls.
        var requests = new[]
        {
            Request(s_from), Request(s_from), Request(s_from),
            Request(s_from, activity: "site-visit"),
            Request(s_from, activity: "case-study", forOpportunity: false), // a campaign, not a deal
        };
        var pipeline = new[]
        {
            new PipelineDeal("Banking", ["Payments"], "Emea", s_to.AddDays(10)),
            new PipelineDeal("Banking", ["Payments"], "Emea", s_to.AddDays(20)),
            new PipelineDeal("Banking", ["Payments"], "Emea", s_to.AddDays(200)), // closes after the next period
        };
        var advocates = new[] { Advocate("Ana", perQuarter: 1) };

        var report = SupplyDemandEngine.Report(s_from, s_to, requests, advocates, pipeline, dealsClosedInPeriod: 8, s_today);

        Assert.Equal(
            [
                new CellForecast(new MarketCell("Banking", "Payments", "Emea", "site-visit"), 0.25, 0),
                new CellForecast(new MarketCell("Banking", "Payments", "Emea", "reference-call"), 0.75, 1),
            ],
            report.Forecast);
    }

    [Fact]
    public void No_forecast_without_history_to_base_it_on()
    {
        var pipeline = new[] { new PipelineDeal("Banking", ["Payments"], "Emea", s_to.AddDays(10)) };

        var report = SupplyDemandEngine.Report(s_from, s_to, [], [], pipeline, dealsClosedInPeriod: 10, s_today);

        Assert.Empty(report.Forecast);
    }

    [Fact]
    public void A_cell_reads_in_words()
    {
        Assert.Equal("Banking · any product · any region · reference-call",
            SupplyDemandEngine.Label(new MarketCell("Banking", null, null, "reference-call")));
    }
}
