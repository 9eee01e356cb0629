using Vouch.Features.Accounts;
using Vouch.Features.Ideas.Ranking;

namespace Vouch.Tests.Unit.Ideas;

public sealed class DemandTests
{
    private static readonly Guid s_banking = Guid.Parse("0199a000-0000-7000-8000-00000000000b");
    private static readonly AccountValue s_bigBank = new(Guid.Parse("0199a000-0000-7000-8000-000000000001"), 1_000_000, 400_000, Segment.Enterprise, s_banking);
    private static readonly AccountValue s_shop = new(Guid.Parse("0199a000-0000-7000-8000-000000000002"), 20_000, 15_000, Segment.SmallBusiness, null);
    private static readonly AccountValue s_agency = new(Guid.Parse("0199a000-0000-7000-8000-000000000003"), 50_000, 10_000, Segment.SmallBusiness, s_banking);

    private static readonly Dictionary<Guid, AccountValue> s_accounts = new[] { s_bigBank, s_shop, s_agency }.ToDictionary(a => a.Id);

    [Fact]
    public void Value_weighs_each_account_once_however_many_of_its_people_voted()
    {
        var (overall, _) = DemandFacets.Tally([s_bigBank.Id, s_bigBank.Id, s_shop.Id, null], s_accounts);

        Assert.Equal(new Demand(Voters: 4, Accounts: 2, Revenue: 1_020_000, GrossProfit: 415_000), overall);
    }

    [Fact]
    public void Voters_without_an_account_add_a_vote_and_no_value()
    {
        var demand = default(Demand).Add(null, newAccount: false).Add(null, newAccount: false);

        Assert.Equal(new Demand(2, 0, 0, 0), demand);
    }

    [Fact]
    public void One_valuable_customer_outweighs_several_small_ones_by_revenue_but_not_by_votes()
    {
        var (bank, _) = DemandFacets.Tally([s_bigBank.Id], s_accounts);
        var (smallOnes, _) = DemandFacets.Tally([s_shop.Id, s_agency.Id, null], s_accounts);

        Assert.True(bank.Measure(ValueMeasure.Revenue) > smallOnes.Measure(ValueMeasure.Revenue));
        Assert.True(bank.Measure(ValueMeasure.GrossProfit) > smallOnes.Measure(ValueMeasure.GrossProfit));
        Assert.True(smallOnes.Voters > bank.Voters);
    }

    [Fact]
    public void Gross_profit_can_rank_differently_from_revenue()
    {
        var (shop, _) = DemandFacets.Tally([s_shop.Id], s_accounts);
        var (agency, _) = DemandFacets.Tally([s_agency.Id], s_accounts);

        Assert.True(agency.Measure(ValueMeasure.Revenue) > shop.Measure(ValueMeasure.Revenue));
        Assert.True(shop.Measure(ValueMeasure.GrossProfit) > agency.Measure(ValueMeasure.GrossProfit));
    }

    [Fact]
    public void A_vote_counts_in_its_accounts_segment_its_industry_and_both()
    {
        Assert.Equal(["segment:Enterprise", $"industry:{s_banking:N}", $"segment:Enterprise/industry:{s_banking:N}"], DemandFacets.Of(s_bigBank));
        Assert.Equal(["segment:SmallBusiness"], DemandFacets.Of(s_shop));
        Assert.Empty(DemandFacets.Of(null));
    }

    [Fact]
    public void Demand_per_segment_counts_only_that_segments_voters()
    {
        var (_, byFacet) = DemandFacets.Tally([s_bigBank.Id, s_shop.Id, s_agency.Id, s_agency.Id, null], s_accounts);

        Assert.Equal(new Demand(3, 2, 70_000, 25_000), byFacet[DemandFacets.For(Segment.SmallBusiness, null)!]);
        Assert.Equal(new Demand(1, 1, 1_000_000, 400_000), byFacet[DemandFacets.For(Segment.Enterprise, null)!]);
        Assert.Equal(new Demand(3, 2, 1_050_000, 410_000), byFacet[DemandFacets.For(null, s_banking)!]);
        Assert.Equal(new Demand(2, 1, 50_000, 10_000), byFacet[DemandFacets.For(Segment.SmallBusiness, s_banking)!]);
        Assert.False(byFacet.ContainsKey(DemandFacets.For(Segment.MidMarket, null)!));
    }

    [Fact]
    public void Adding_votes_one_by_one_matches_the_tally()
    {
        var votes = new Guid?[] { s_shop.Id, s_bigBank.Id, s_shop.Id, null, s_agency.Id };
        var seen = new HashSet<Guid>();
        var incremental = default(Demand);
        foreach (var id in votes)
        {
            var account = id is { } accountId ? s_accounts[accountId] : null;
            incremental = incremental.Add(account, account is not null && seen.Add(account.Id));
        }

        Assert.Equal(DemandFacets.Tally(votes, s_accounts).Overall, incremental);
    }

    [Fact]
    public void No_facet_is_everyone()
    {
        Assert.Null(DemandFacets.For(null, null));
    }
}
