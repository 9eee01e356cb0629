using Vouch.Data;

namespace Vouch.Features.Ideas;

/// <summary>
/// Lets one command per idea at a time from this instance into the database (taking a vote back, a merge, a status).
/// The database's row lock is what makes them correct; this gate only keeps a burst of commands for one idea from
/// taking every pooled connection while they queue for that lock, so they queue here instead and the rest of the app
/// keeps its connections. Ideas share a fixed set of gates by hash, so nothing has to be cleaned up.
/// </summary>
/// <remarks>
/// SQLite has one writer for the whole database, and a transaction that finds it taken is retried by
/// Microsoft.Data.Sqlite after a sleep; under hundreds of votes a second those sleeps, not the votes, would set the
/// pace. On SQLite every command and every batch of votes (<see cref="IdeaVoteQueue"/>) therefore passes one gate, so
/// they wait for each other here, in order and without sleeping.
/// </remarks>
public sealed class IdeaVoteGate(DatabaseSettings settings)
{
    private const int Gates = 64;

    private readonly SemaphoreSlim[] _gates =
        [.. Enumerable.Range(0, settings.Provider == DatabaseProvider.Postgres ? Gates : 1).Select(_ => new SemaphoreSlim(1, 1))];

    public async Task<Entered> EnterAsync(Guid ideaId, CancellationToken ct)
    {
        var gate = _gates[(ideaId.GetHashCode() & int.MaxValue) % _gates.Length];
        await gate.WaitAsync(ct);
        return new Entered(gate);
    }

    /// <summary>
    /// The gate for a batch of votes, which come one batch at a time from the single <see cref="IdeaVoteQueue"/> and so
    /// cannot crowd the connection pool: on SQLite the one gate, on PostgreSQL none, the row locks being enough.
    /// </summary>
    public async Task<Entered> EnterForBatchAsync(CancellationToken ct)
    {
        if (_gates.Length > 1)
        {
            return default;
        }
        await _gates[0].WaitAsync(ct);
        return new Entered(_gates[0]);
    }

    public readonly struct Entered(SemaphoreSlim? gate) : IDisposable
    {
        public void Dispose() => gate?.Release();
    }
}
