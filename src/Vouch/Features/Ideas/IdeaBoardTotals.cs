using System.Collections.Concurrent;

namespace Vouch.Features.Ideas;

/// <summary>
/// The totals of the board's lists, counted once and reused until an idea changes. Counting a million ideas takes
/// longer than reading the page itself, and the total changes only when an idea is posted, merged, hidden or given a
/// status (or, for a segment or industry, when a vote brings in that facet's first voter), so it is counted again
/// only then.
/// </summary>
/// <remarks>
/// The totals live in this instance's memory. Changes made elsewhere (another instance, the command line) are not
/// seen here, so a total is also counted again when it is older than <see cref="Lifetime"/>.
/// </remarks>
public sealed class IdeaBoardTotals(TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);

    /// <summary>Searches make a new key each; past this many the totals start over rather than grow without end.</summary>
    private const int MaxTotals = 1_000;

    private readonly ConcurrentDictionary<string, Slot> _slots = new(StringComparer.Ordinal);
    private long _ideasChanged;
    private long _votesChanged;

    /// <summary>Call after an idea was posted, merged or unmerged, hidden or shown, or given a status (once it is committed).</summary>
    public void IdeasChanged() => Interlocked.Increment(ref _ideasChanged);

    /// <summary>Call after a vote was cast or taken back (once it is committed).</summary>
    public void VotesChanged() => Interlocked.Increment(ref _votesChanged);

    /// <summary>
    /// The total for <paramref name="key"/>: the remembered one while nothing it depends on changed, or a new count.
    /// One count per key runs at a time; the requests that arrive meanwhile wait for it and take its total rather than
    /// each counting again (at a million ideas on PostgreSQL a count takes a second, and fifty of them at once queue
    /// for a minute).
    /// </summary>
    public async Task<int> CountAsync(string key, bool dependsOnVotes, Func<Task<int>> count, CancellationToken ct)
    {
        var slot = _slots.GetOrAdd(key, _ => new Slot());
        if (Current(slot, dependsOnVotes) is { } known)
        {
            return known;
        }
        await slot.Gate.WaitAsync(ct);
        try
        {
            if (Current(slot, dependsOnVotes) is { } counted)
            {
                return counted;
            }
            // Read before counting: a change that lands during the count leaves the total marked as older than it.
            var ideas = Interlocked.Read(ref _ideasChanged);
            var votes = dependsOnVotes ? Interlocked.Read(ref _votesChanged) : 0;
            var at = clock.GetUtcNow();
            var total = await count();
            slot.Latest = new Total(total, ideas, votes, at);
            if (_slots.Count > MaxTotals)
            {
                _slots.Clear();
                _slots[key] = slot;
            }
            return total;
        }
        finally
        {
            slot.Gate.Release();
        }
    }

    private int? Current(Slot slot, bool dependsOnVotes) =>
        slot.Latest is { } known
        && known.Ideas == Interlocked.Read(ref _ideasChanged)
        && known.Votes == (dependsOnVotes ? Interlocked.Read(ref _votesChanged) : 0)
        && clock.GetUtcNow() - known.At < Lifetime
            ? known.Value
            : null;

    /// <summary>One key's latest total, and the gate its counts pass one at a time.</summary>
    private sealed class Slot
    {
        public SemaphoreSlim Gate { get; } = new(1, 1);

        public volatile Total? Latest;
    }

    private sealed record Total(int Value, long Ideas, long Votes, DateTimeOffset At);
}
