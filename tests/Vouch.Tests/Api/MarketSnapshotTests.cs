using Microsoft.Extensions.DependencyInjection;
using Vouch.Features.SupplyDemand;
using Vouch.Tests.Infrastructure;

namespace Vouch.Tests.Api;

/// <summary>Requests laid on top of the market history, on an app of their own: the requests told here are not in its database.</summary>
public sealed class MarketSnapshotTests(VouchApp app) : IClassFixture<VouchApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private static readonly DateOnly s_today = DateOnly.FromDateTime(DateTime.UtcNow);

    [Fact]
    public async Task A_request_told_after_a_new_history_was_taken_in_makes_the_next_report_read_another()
    {
        var market = app.Services.GetRequiredService<MarketSnapshot>();
        var (activity, today) = (Guid.NewGuid(), s_today);
        var first = await market.CurrentAsync(Ct);
        var fact = new RequestFact(today, activity, null, null, [], ForOpportunity: false);

        market.Added([(Guid.NewGuid(), fact)], market.Generation);
        var onTop = await market.CurrentAsync(Ct);
        Assert.Equal(first.BuiltAt, onTop.BuiltAt);
        Assert.Equal(1, onTop.RequestsIn(today, today.AddDays(1)).GetValueOrDefault(new RequestKey(activity, false)));

        // Saved before that history was read, told after: it may have been read, so the history is read again.
        market.Added([(Guid.NewGuid(), fact)], market.Generation - 1);
        var again = await market.CurrentAsync(Ct);
        Assert.NotEqual(first.BuiltAt, again.BuiltAt);
        // Neither request is in the database: the one laid on top stays until a history reads it, the other is not counted.
        Assert.Equal(1, again.RequestsIn(today, today.AddDays(1)).GetValueOrDefault(new RequestKey(activity, false)));
    }
}
