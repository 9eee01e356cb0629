namespace Vouch.Features.Ideas;

/// <summary>
/// Lets one vote per idea at a time from this instance into the database. The database's row lock is what makes votes
/// correct; this gate only keeps a burst of votes for one idea from taking every pooled connection while they queue for
/// that lock, so they queue here instead and the rest of the app keeps its connections. Ideas share a fixed set of
/// gates by hash, so nothing has to be cleaned up.
/// </summary>
public sealed class IdeaVoteGate
{
    private const int Gates = 64;

    private readonly SemaphoreSlim[] _gates = [.. Enumerable.Range(0, Gates).Select(_ => new SemaphoreSlim(1, 1))];

    public async Task<Entered> EnterAsync(Guid ideaId, CancellationToken ct)
    {
        var gate = _gates[(ideaId.GetHashCode() & int.MaxValue) % Gates];
        await gate.WaitAsync(ct);
        return new Entered(gate);
    }

    public readonly struct Entered(SemaphoreSlim gate) : IDisposable
    {
        public void Dispose() => gate.Release();
    }
}
