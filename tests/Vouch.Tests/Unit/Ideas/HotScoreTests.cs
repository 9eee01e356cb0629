using Vouch.Features.Ideas.Ranking;

namespace Vouch.Tests.Unit.Ideas;

public sealed class HotScoreTests
{
    private static readonly HotScore s_weekly = new(7);
    private static readonly DateTimeOffset s_monday = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_fresh_vote_weighs_one()
    {
        var score = s_weekly.Of([s_monday]);

        Assert.Equal(1, s_weekly.WeightAt(score, s_monday), 12);
    }

    [Theory]
    [InlineData(7, 0.5)]
    [InlineData(14, 0.25)]
    [InlineData(21, 0.125)]
    [InlineData(3.5, 0.70710678118654757)]
    public void A_vote_loses_half_its_weight_every_half_life(double days, double weight)
    {
        var score = s_weekly.Of([s_monday]);

        Assert.Equal(weight, s_weekly.WeightAt(score, s_monday.AddDays(days)), 12);
    }

    [Fact]
    public void An_idea_with_no_new_votes_has_exactly_half_the_weight_of_a_fresh_one_after_a_half_life()
    {
        var ignored = s_weekly.Of([s_monday, s_monday.AddHours(1), s_monday.AddHours(2)]);
        var fresh = s_weekly.Of([s_monday.AddDays(7), s_monday.AddDays(7).AddHours(1), s_monday.AddDays(7).AddHours(2)]);

        foreach (var now in new[] { s_monday.AddDays(7), s_monday.AddDays(30), s_monday.AddDays(400) })
        {
            Assert.Equal(0.5, s_weekly.WeightAt(ignored, now) / s_weekly.WeightAt(fresh, now), 12);
        }
        Assert.Equal(1, fresh - ignored, 12);
    }

    [Fact]
    public void The_half_life_is_configurable()
    {
        var daily = new HotScore(1);
        var score = daily.Of([s_monday]);

        Assert.Equal(0.25, daily.WeightAt(score, s_monday.AddDays(2)), 12);
    }

    [Fact]
    public void Ignored_ideas_sink_below_ideas_with_fewer_but_fresher_votes()
    {
        // Eight votes a month ago weigh 8 · 2^(−30/7) ≈ 0.41 today; one vote today weighs 1.
        var popularLastMonth = s_weekly.Of(Enumerable.Repeat(s_monday, 8));
        var votedToday = s_weekly.Of([s_monday.AddDays(30)]);

        Assert.True(votedToday > popularLastMonth);
        Assert.Equal(8 * Math.Pow(2, -30.0 / 7), s_weekly.WeightAt(popularLastMonth, s_monday.AddDays(30)), 12);
    }

    [Fact]
    public void Two_votes_a_half_life_ago_rank_the_same_as_one_vote_now()
    {
        var twoOld = s_weekly.Of([s_monday, s_monday]);
        var oneNew = s_weekly.Of([s_monday.AddDays(7)]);

        Assert.Equal(oneNew, twoOld, 12);
    }

    [Fact]
    public void Adding_votes_one_by_one_gives_the_score_recomputed_from_all_of_them()
    {
        var votes = Enumerable.Range(0, 500).Select(i => s_monday.AddHours(i * 7.3 % 2000)).ToList();

        var incremental = HotScore.NoVotes;
        foreach (var vote in votes)
        {
            incremental = s_weekly.Add(incremental, vote);
        }

        Assert.Equal(s_weekly.Of(votes.OrderBy(v => v)), incremental, 9);
        Assert.Equal(votes.Sum(v => Math.Pow(2, -(s_monday.AddDays(100) - v).TotalDays / 7)), s_weekly.WeightAt(incremental, s_monday.AddDays(100)), 9);
    }

    [Fact]
    public void An_idea_without_votes_ranks_below_any_idea_with_one_and_weighs_nothing()
    {
        var ancient = s_weekly.Of([new DateTimeOffset(1990, 1, 1, 0, 0, 0, TimeSpan.Zero)]);

        Assert.True(ancient > HotScore.NoVotes);
        Assert.Equal(0, s_weekly.WeightAt(HotScore.NoVotes, s_monday));
        Assert.Equal(HotScore.NoVotes, s_weekly.Of([]));
    }

    [Fact]
    public void Scores_far_in_the_future_do_not_overflow()
    {
        // 2^(100 years / 7 days) would overflow a double; its logarithm is about 5,200.
        var inACentury = s_monday.AddYears(100);
        var score = s_weekly.Of([inACentury, inACentury]);

        Assert.True(double.IsFinite(score));
        Assert.Equal(2, s_weekly.WeightAt(score, inACentury), 9);
    }
}
