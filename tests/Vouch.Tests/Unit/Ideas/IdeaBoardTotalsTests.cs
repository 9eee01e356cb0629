using Vouch.Features.Ideas;

namespace Vouch.Tests.Unit.Ideas;

public sealed class IdeaBoardTotalsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Requests_arriving_while_a_total_is_counted_wait_for_that_count_instead_of_counting_again()
    {
        var totals = new IdeaBoardTotals(TimeProvider.System);
        var release = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        var counts = 0;
        Task<int> Count()
        {
            Interlocked.Increment(ref counts);
            return release.Task;
        }

        var waiting = Enumerable.Range(0, 50).Select(_ => totals.CountAsync("Customer", dependsOnVotes: false, Count, Ct)).ToList();
        release.SetResult(1_000_000);

        Assert.All(await Task.WhenAll(waiting), total => Assert.Equal(1_000_000, total));
        Assert.Equal(1, counts);
    }

    [Fact]
    public async Task A_request_that_gives_up_on_its_count_leaves_the_next_one_to_count_for_itself()
    {
        var totals = new IdeaBoardTotals(TimeProvider.System);
        using var givenUp = new CancellationTokenSource();
        var hung = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        var first = totals.CountAsync("Customer", dependsOnVotes: false, () => hung.Task.WaitAsync(givenUp.Token), givenUp.Token);
        var second = totals.CountAsync("Customer", dependsOnVotes: false, () => Task.FromResult(42), Ct);

        await givenUp.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => first);
        Assert.Equal(42, await second);
    }

    [Fact]
    public async Task A_total_is_counted_again_once_an_idea_changed_and_for_a_facet_once_a_vote_did()
    {
        var totals = new IdeaBoardTotals(TimeProvider.System);
        var counted = 0;
        Task<int> Count() => Task.FromResult(++counted);

        Assert.Equal(1, await totals.CountAsync("board", dependsOnVotes: false, Count, Ct));
        Assert.Equal(2, await totals.CountAsync("segment", dependsOnVotes: true, Count, Ct));
        totals.VotesChanged();
        Assert.Equal(1, await totals.CountAsync("board", dependsOnVotes: false, Count, Ct));
        Assert.Equal(3, await totals.CountAsync("segment", dependsOnVotes: true, Count, Ct));
        totals.IdeasChanged();
        Assert.Equal(4, await totals.CountAsync("board", dependsOnVotes: false, Count, Ct));
    }
}
