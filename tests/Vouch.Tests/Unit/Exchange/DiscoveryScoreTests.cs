using Vouch.Features.Contacts;
using Vouch.Features.Discovery;

namespace Vouch.Tests.Unit.Exchange;

public sealed class DiscoveryScoreTests
{
    private static readonly CandidateFacts s_nothing = new(AdvocacyStage.Customer, false, null, null, false, false, false, false, false, null);

    private static DiscoveryScore Score(CandidateFacts facts) => DiscoveryScore.Of(facts);

    [Fact]
    public void A_customer_with_nothing_in_their_favour_scores_nothing_and_has_no_parts()
    {
        Assert.Equal(new DiscoveryScore(0, []), Score(s_nothing) with { Parts = [] });
        Assert.Empty(Score(s_nothing).Parts);
    }

    [Fact]
    public void Everything_in_their_favour_is_one_hundred_with_the_parts_strongest_first()
    {
        var score = Score(new CandidateFacts(AdvocacyStage.Promoter, false, 95, 10, true, true, true, true, true, 25_000));

        Assert.Equal(100, score.Total);
        Assert.Equal(
            [
                (DiscoveryFactor.ProfitableAccount, 25, "Account gross profit in the top 10 % of accounts"),
                (DiscoveryFactor.Promoter, 25, "Promoter: answered 10 to the NPS question last time"),
                (DiscoveryFactor.LikesToAffiliate, 15, "Belongs to associations and speaks at events"),
                (DiscoveryFactor.Influential, 15, "Writes a blog and has 25,000 followers"),
                (DiscoveryFactor.LeadingEdge, 10, "Lead user: ahead of the market in what they use"),
                (DiscoveryFactor.HelpsOthers, 10, "Helps other customers"),
            ],
            score.Parts.Select(p => (p.Factor, p.Points, p.Words)));
    }

    [Theory]
    [InlineData(99, 25)]
    [InlineData(90, 25)]
    [InlineData(89, 18)]
    [InlineData(75, 18)]
    [InlineData(74, 10)]
    [InlineData(50, 10)]
    [InlineData(49, 0)]
    [InlineData(0, 0)]
    public void A_profitable_account_counts_by_its_band_among_the_accounts(int percentile, int points) =>
        Assert.Equal(points, Score(s_nothing with { ProfitPercentile = percentile }).Total);

    [Fact]
    public void An_account_without_gross_profit_counts_nothing() =>
        Assert.Equal(0, Score(s_nothing with { ProfitPercentile = null }).Total);

    [Theory]
    [InlineData(10, 25)]
    [InlineData(9, 25)]
    [InlineData(8, 0)]
    [InlineData(0, 0)]
    public void Only_a_latest_answer_of_nine_or_ten_is_a_promoter(int nps, int points) =>
        Assert.Equal(points, Score(s_nothing with { LatestNps = nps }).Total);

    [Theory]
    [InlineData(true, false, 8, "Belongs to associations")]
    [InlineData(false, true, 7, "Speaks at events")]
    [InlineData(true, true, 15, "Belongs to associations and speaks at events")]
    public void Liking_to_affiliate_is_associations_and_speaking(bool associations, bool speaks, int points, string words)
    {
        var part = Assert.Single(Score(s_nothing with { HasAssociations = associations, SpeaksAtEvents = speaks }).Parts);

        Assert.Equal((DiscoveryFactor.LikesToAffiliate, points, words), (part.Factor, part.Points, part.Words));
    }

    [Theory]
    [InlineData(false, 999, 0)]
    [InlineData(false, 1_000, 5)]
    [InlineData(false, 10_000, 10)]
    [InlineData(true, null, 5)]
    [InlineData(true, 1_500, 10)]
    public void Influence_is_a_blog_and_the_followers_reached(bool blog, int? followers, int points) =>
        Assert.Equal(points, Score(s_nothing with { HasBlog = blog, Followers = followers }).Total);

    [Fact]
    public void Equal_parts_keep_the_order_the_field_names_them()
    {
        var score = Score(s_nothing with { HelpsOthers = true, IsLeadUser = true, ProfitPercentile = 60 });

        Assert.Equal([DiscoveryFactor.ProfitableAccount, DiscoveryFactor.LeadingEdge, DiscoveryFactor.HelpsOthers], score.Parts.Select(p => p.Factor));
        Assert.Equal(30, score.Total);
    }

    [Theory]
    [InlineData(AdvocacyStage.Advocate, false)]
    [InlineData(AdvocacyStage.RockStar, false)]
    [InlineData(AdvocacyStage.Customer, true)]
    public void Advocates_and_erased_contacts_are_not_candidates_and_score_nothing(AdvocacyStage stage, bool erased)
    {
        var score = Score(new CandidateFacts(stage, erased, 95, 10, true, true, true, true, true, 25_000));

        Assert.Equal((0, 0), (score.Total, score.Parts.Count));
        Assert.False(DiscoveryScore.IsCandidate(stage, erased));
    }

    [Fact]
    public void The_percentile_is_the_share_of_the_other_accounts_at_or_below()
    {
        decimal[] profits = [10, 20, 20, 30, 40, 50, 60, 70, 80, 90];

        Assert.Equal(0, DiscoveryScore.Percentile(10, profits));
        Assert.Equal(22, DiscoveryScore.Percentile(20, profits));
        Assert.Equal(88, DiscoveryScore.Percentile(80, profits));
        Assert.Equal(99, DiscoveryScore.Percentile(90, profits));
        Assert.Equal(99, DiscoveryScore.Percentile(90, [10, 90, 90]));
        Assert.Equal(99, DiscoveryScore.Percentile(5, [5]));
        Assert.Null(DiscoveryScore.Percentile(null, profits));
        Assert.Null(DiscoveryScore.Percentile(10, []));
    }
}
