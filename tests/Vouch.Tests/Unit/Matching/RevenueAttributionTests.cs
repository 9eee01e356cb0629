using Vouch.Features.Requests;

namespace Vouch.Tests.Unit.Matching;

public sealed class RevenueAttributionTests
{
    private static readonly Guid s_won = Guid.NewGuid();
    private static readonly Guid s_lost = Guid.NewGuid();
    private static readonly Guid s_wonAlone = Guid.NewGuid();

    [Fact]
    public void A_won_deal_is_split_among_its_helping_references_by_rating()
    {
        var (five, three) = (Guid.NewGuid(), Guid.NewGuid());
        var report = RevenueAttribution.Attribute(
            [new ClosedDeal(s_won, 80_000m, Won: true)],
            [new GivenReference(five, s_won, true, 5, true), new GivenReference(three, s_won, true, 3, null)]);

        Assert.Equal(80_000m, report.InfluencedRevenue);
        Assert.Equal([(five, 50_000m), (three, 30_000m)], report.Attributed.Select(a => (a.RequestId, a.Amount)));
    }

    [Fact]
    public void Shares_add_up_to_the_amount_to_the_cent()
    {
        var report = RevenueAttribution.Attribute(
            [new ClosedDeal(s_won, 100m, Won: true)],
            [.. Enumerable.Range(0, 3).Select(_ => new GivenReference(Guid.NewGuid(), s_won, true, null, true))]);

        Assert.Equal([33.33m, 33.33m, 33.34m], report.Attributed.Select(a => a.Amount));
    }

    [Fact]
    public void References_that_did_not_happen_or_did_not_help_get_nothing()
    {
        var report = RevenueAttribution.Attribute(
            [new ClosedDeal(s_won, 10_000m, Won: true)],
            [new GivenReference(Guid.NewGuid(), s_won, false, null, null), new GivenReference(Guid.NewGuid(), s_won, true, 2, false)]);

        Assert.Equal(0m, report.InfluencedRevenue);
        Assert.Empty(report.Attributed);
        Assert.Equal((0, 1, 1), (report.DealsWithReferences, report.DealsWithoutReferences, report.WonWithoutReferences));
    }

    [Fact]
    public void Win_rates_compare_deals_with_and_without_references()
    {
        var report = RevenueAttribution.Attribute(
            [new ClosedDeal(s_won, 10m, true), new ClosedDeal(s_lost, 20m, false), new ClosedDeal(s_wonAlone, 30m, true), new ClosedDeal(Guid.NewGuid(), 5m, false),
                new ClosedDeal(Guid.NewGuid(), 5m, false)],
            [new GivenReference(Guid.NewGuid(), s_won, true, 4, true), new GivenReference(Guid.NewGuid(), s_lost, true, 4, true)]);

        Assert.Equal(0.5, report.WinRateWithReferences);
        Assert.Equal(1 / 3.0, report.WinRateWithoutReferences!.Value, 6);
        Assert.Equal(10m, report.InfluencedRevenue);
    }

    [Fact]
    public void No_deals_means_no_rate() =>
        Assert.Equal((null, null), (RevenueAttribution.Attribute([], []).WinRateWithReferences, RevenueAttribution.Attribute([], []).WinRateWithoutReferences));
}
