using Vouch.Features.Engagements;

namespace Vouch.Tests.Unit.Exchange;

public sealed class GiveAskBalanceTests
{
    private static readonly DateOnly s_today = new(2026, 12, 3);

    private static BalanceEntry Ask(int daysAgo, decimal hours, bool counts = true) => new(EngagementKind.Ask, s_today.AddDays(-daysAgo), hours, counts);

    private static BalanceEntry Give(int daysAgo, decimal hours, bool counts = true) => new(EngagementKind.Give, s_today.AddDays(-daysAgo), hours, counts);

    [Fact]
    public void Nothing_in_the_ledger_is_an_even_balance_that_owes_nothing()
    {
        var balance = GiveAskBalance.Of([], s_today);

        Assert.Equal(new GiveAskBalance(0, 0, 0, 0, 365), balance);
        Assert.Equal(0, balance.Hours);
        Assert.False(balance.IsOwed(4));
        Assert.Equal("asked nothing, given nothing in the last year", balance.Describe());
    }

    [Fact]
    public void Asks_weigh_their_effort_and_gives_their_credit()
    {
        var balance = GiveAskBalance.Of([Ask(10, 1), Ask(40, 6), Give(20, 4)], s_today);

        Assert.Equal(new GiveAskBalance(2, 7, 1, 4, 365), balance);
        Assert.Equal(-3, balance.Hours);
        Assert.Equal("asked 2 times (7 h), given 1 (4 h) in the last year", balance.Describe());
    }

    [Fact]
    public void An_advocate_is_owed_once_asked_the_threshold_more_than_given()
    {
        var owedExactly = GiveAskBalance.Of([Ask(1, 1), Ask(2, 1), Ask(3, 1), Ask(4, 1)], s_today);
        var justUnder = GiveAskBalance.Of([Ask(1, 1), Ask(2, 1), Ask(3, 1), Ask(4, 0.5m)], s_today);
        var repaid = GiveAskBalance.Of([Ask(1, 4), Give(1, 0.5m)], s_today);

        Assert.True(owedExactly.IsOwed(4));
        Assert.Equal("asked 4 times (4 h), given nothing in the last year", owedExactly.Describe());
        Assert.False(justUnder.IsOwed(4));
        Assert.False(repaid.IsOwed(4));
    }

    [Fact]
    public void Only_the_window_ending_today_counts()
    {
        var balance = GiveAskBalance.Of([Ask(0, 1), Ask(364, 2), Ask(365, 8), Give(400, 8), Ask(-3, 4)], s_today);

        Assert.Equal(new GiveAskBalance(2, 3, 0, 0, 365), balance);
    }

    [Fact]
    public void Released_asks_and_gives_not_yet_delivered_weigh_nothing()
    {
        var balance = GiveAskBalance.Of([Ask(5, 6, counts: false), Ask(6, 1), Give(7, 8, counts: false)], s_today);

        Assert.Equal(new GiveAskBalance(1, 1, 0, 0, 365), balance);
    }

    [Fact]
    public void A_shorter_window_is_named_in_days()
    {
        var balance = GiveAskBalance.Of([Ask(1, 1), Ask(100, 1), Give(2, 2)], s_today, windowDays: 90);

        Assert.Equal(new GiveAskBalance(1, 1, 1, 2, 90), balance);
        Assert.Equal("asked once (1 h), given 1 (2 h) in the last 90 days", balance.Describe());
    }
}
