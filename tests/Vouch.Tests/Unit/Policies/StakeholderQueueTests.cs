using Vouch.Features.Stakeholders;

namespace Vouch.Tests.Unit.Policies;

public sealed class StakeholderQueueTests
{
    private static readonly DateTimeOffset s_monday = new(2026, 6, 15, 9, 0, 0, TimeSpan.Zero);

    private static QueuedRequest Request(string id, string activity, int? priority, decimal? amount, int minutesLater) =>
        new(Guid.Parse($"00000000-0000-0000-0000-{id.PadLeft(12, '0')}"), activity, priority, amount, s_monday.AddMinutes(minutesLater));

    private static string[] Order(IReadOnlyList<QueuedRequest> waiting, Dictionary<string, int> advocates) =>
        [.. StakeholderQueue.Order(waiting, advocates).Select(e => e.Request.Id.ToString()[^1..])];

    [Fact]
    public void With_enough_advocates_requests_are_served_first_come()
    {
        var waiting = new[] { Request("1", "call", 3, 10, 0), Request("2", "call", 1, 90_000, 5) };

        Assert.Equal(["1", "2"], Order(waiting, new() { ["call"] = 2 }));
    }

    [Fact]
    public void When_short_the_higher_priority_group_goes_first_then_the_larger_deal()
    {
        var waiting = new[]
        {
            Request("1", "call", 2, 500_000, 0), Request("2", "call", 1, 20_000, 1), Request("3", "call", 1, 80_000, 2), Request("4", "call", null, 900_000, 3),
        };

        Assert.Equal(["3", "2", "1", "4"], Order(waiting, new() { ["call"] = 1 }));
        Assert.All(StakeholderQueue.Order(waiting, new Dictionary<string, int> { ["call"] = 1 }), e => Assert.True(e.Short));
    }

    [Fact]
    public void Scarce_activities_come_before_those_with_enough_advocates_and_keep_their_own_order()
    {
        var waiting = new[] { Request("1", "visit", 5, 1, 0), Request("2", "call", 2, 1, 1), Request("3", "call", 1, 1, 2) };

        var order = StakeholderQueue.Order(waiting, new Dictionary<string, int> { ["call"] = 1, ["visit"] = 4 });

        Assert.Equal(["3", "2", "1"], order.Select(e => e.Request.Id.ToString()[^1..]));
        Assert.Equal([true, true, false], order.Select(e => e.Short));
    }

    [Fact]
    public void A_campaign_without_a_deal_counts_as_no_deal_value_and_ties_go_to_the_earlier()
    {
        var waiting = new[] { Request("1", "call", 1, null, 0), Request("2", "call", 1, 5, 1), Request("3", "call", 1, null, -1) };

        Assert.Equal(["2", "3", "1"], Order(waiting, []));
    }

    [Fact]
    public void Shares_are_of_the_fulfilled_requests_against_each_target_and_none_without_any()
    {
        GroupRules Group(string key, int priority, int share) => new(Guid.NewGuid(), key, key.ToUpperInvariant(), priority, [], share);
        var groups = new[] { Group("marketing", 2, 30), Group("sales", 1, 70) };

        var shares = StakeholderQueue.Shares(groups, ["sales", "sales", "marketing", null]);

        Assert.Equal([("sales", 2, 50m, 70), ("marketing", 1, 25m, 30)], shares.Select(s => (s.Key, s.Fulfilled, s.Share!.Value, s.Target)));
        Assert.All(StakeholderQueue.Shares(groups, []), s => Assert.Null(s.Share));
    }

    [Fact]
    public void A_group_refuses_activities_outside_its_rules_and_one_with_no_list_refuses_none()
    {
        var pr = new GroupRules(Guid.NewGuid(), "pr", "PR", 3, ["press-release", "media-interview"], 10);

        Assert.Null(pr.Refuses("press-release"));
        Assert.Equal("PR may not ask for 'reference-call' under its rules of engagement; it may ask for press-release, media-interview.", pr.Refuses("reference-call"));
        Assert.Null((pr with { Activities = [] }).Refuses("reference-call"));
    }
}
