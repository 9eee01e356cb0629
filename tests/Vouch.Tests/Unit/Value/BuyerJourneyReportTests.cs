using Vouch.Commands;
using Vouch.Features.BuyerJourney;

namespace Vouch.Tests.Unit.Value;

public sealed class BuyerJourneyReportTests
{
    private static AnsweredDeal Won(decimal amount, Influence most, params Influence[] named) =>
        new(amount, true, most, [most, .. named], JourneyStage.Decision);

    [Fact]
    public void Each_influence_has_the_share_of_won_revenue_for_which_it_mattered_most()
    {
        var report = BuyerJourneyReport.Of(
        [
            Won(60_000m, Influence.ReviewSites, Influence.References),
            Won(30_000m, Influence.References),
            Won(10_000m, Influence.Events, Influence.ReviewSites),
            new AnsweredDeal(50_000m, false, Influence.ReviewSites, [Influence.ReviewSites], JourneyStage.Consideration),
        ]);

        Assert.Equal((4, 3, 100_000m), (report.AnsweredDeals, report.AnsweredWon, report.AnsweredWonRevenue));
        var reviews = report.Influences[0];
        Assert.Equal(("ReviewSites", "Review sites", 1, 60_000m, (decimal?)0.6m, 3), (reviews.Influence, reviews.Words, reviews.WonDeals, reviews.WonRevenue, reviews.Share, reviews.DealsNaming));
        Assert.Equal(["ReviewSites", "References", "Events", "Content", "Peers", "Referrals"], report.Influences.Select(i => i.Influence));
        Assert.Equal(1m, report.Influences.Sum(i => i.Share));
    }

    [Fact]
    public void Without_won_answers_there_are_no_shares_rather_than_zeros()
    {
        var report = BuyerJourneyReport.Of([]);

        Assert.All(report.Influences, i => Assert.Null(i.Share));
    }

    [Fact]
    public void An_answer_must_name_its_influences_the_one_that_mattered_most_among_them_and_a_stage()
    {
        var errors = new ValidationErrors();

        BuyerJourneys.Validate(new BuyerJourneyBody(["references", "gossip"], "events", "launch", null), errors);

        var byField = errors.ToDictionary();
        Assert.Equal(["influences[1]", "matteredMost", "stage"], byField.Keys.Order(StringComparer.Ordinal));
        var empty = new ValidationErrors();
        BuyerJourneys.Validate(new BuyerJourneyBody([], null, null, null), empty);
        Assert.Equal(["influences", "matteredMost", "stage"], empty.ToDictionary().Keys.Order(StringComparer.Ordinal));
        var notAmong = new ValidationErrors();
        BuyerJourneys.Validate(new BuyerJourneyBody(["references"], "ReviewSites", "Decision", null), notAmong);
        Assert.Equal(["matteredMost must be one of the influences given; ReviewSites is not among them."], notAmong.ToDictionary()["matteredMost"]);
    }
}
