namespace Vouch.Data;

/// <summary>
/// A view of the database that each instance keeps in memory (the advocate pool, the market history), with one
/// promise: a change saved through this instance is seen by the next read of the view; a change saved elsewhere once
/// the view is older than its bound, counted from when the last whole read finished, so that a read slower than the
/// bound does not start the next at once.
/// </summary>
/// <remarks>
/// <para>
/// Changes saved here are told (<see cref="SnapshotChanges"/>) and numbered. One the view can take in
/// (<typeparamref name="TChange"/>) is applied to it by the next read (<see cref="ApplyAsync"/>); any other makes the
/// next read wait for the whole view to be read again (<see cref="LoadAsync"/>). Once the bound has passed, the first
/// read starts a whole read in the background and is answered from the old view, so what it holds of changes saved
/// elsewhere is at most the bound plus two whole reads old.
/// </para>
/// <para>
/// Reading the view is a hot path: when nothing was told it takes no lock and allocates nothing of its own.
/// </para>
/// </remarks>
public abstract class RefreshingSnapshot<TView, TChange>(IServiceScopeFactory scopes, TimeSpan bound, TimeProvider clock, ILogger logger)
    where TView : class
    where TChange : class
{
    private readonly SemaphoreSlim _loading = new(1, 1);
    private readonly SemaphoreSlim _publishing = new(1, 1);
    private readonly Lock _toldLock = new();
    // The changes told that the view may not hold yet, in the order told; a null change is one only a whole read takes in.
    private readonly List<(long Number, TChange? Change)> _told = [];
    private Held? _held;
    private long _lastTold;
    private long _generation;
    private long _refreshAfterTicks;
    private int _refreshing;

    protected TimeProvider Clock => clock;

    /// <summary>How many whole reads were taken in so far.</summary>
    public long Generation
    {
        get
        {
            lock (_toldLock)
            {
                return _generation;
            }
        }
    }

    public async Task<TView> CurrentAsync(CancellationToken ct)
    {
        var held = Volatile.Read(ref _held) ?? await ReloadAsync(null, ct);
        if (Interlocked.Read(ref _lastTold) > held.Seen)
        {
            held = await CatchUpAsync(held, ct);
        }
        if (clock.GetUtcNow().UtcTicks > Interlocked.Read(ref _refreshAfterTicks) && Interlocked.Exchange(ref _refreshing, 1) == 0)
        {
            RefreshInBackground(held);
        }
        return held.View;
    }

    /// <summary>Reads the whole view again outside the read that found it old, which is answered from <paramref name="old"/>.</summary>
    private void RefreshInBackground(Held old) => _ = Task.Run(async () =>
    {
        try
        {
            await ReloadAsync(old, CancellationToken.None);
        }
        catch (Exception e)
        {
            logger.LogError(e, "{View} could not be read again; it stays as read at {ReadAt}.", Describe(old.View), old.ReadAt);
        }
        finally
        {
            Volatile.Write(ref _refreshing, 0);
        }
    }, CancellationToken.None);

    /// <summary>The whole view, read from <paramref name="db"/>, and how to judge the changes told before it was taken in.</summary>
    protected abstract Task<Loaded> LoadAsync(VouchDbContext db, CancellationToken ct);

    /// <summary><paramref name="view"/> with <paramref name="changes"/> applied, in the order told.</summary>
    protected abstract ValueTask<TView> ApplyAsync(TView view, IReadOnlyList<TChange> changes, CancellationToken ct);

    /// <summary>
    /// Whether the view can take in <paramref name="change"/> besides the changes <paramref name="told"/> since it was
    /// read; when it cannot, the next read waits for a whole read instead.
    /// </summary>
    protected virtual bool HasRoomFor(IEnumerable<TChange> told, TChange change) => true;

    /// <summary>The view as the log names it, with its size where that helps.</summary>
    protected abstract string Describe(TView view);

    /// <summary>Reads the database through a context of its own.</summary>
    protected async Task<T> WithDatabaseAsync<T>(Func<VouchDbContext, Task<T>> read)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await read(scope.ServiceProvider.GetRequiredService<VouchDbContext>());
    }

    /// <summary>Tells that this instance, or another (<see cref="SnapshotNotifications"/>), saved a change.</summary>
    /// <param name="change">What the view takes in of it; null when only a whole read takes it in.</param>
    /// <param name="seenGeneration">
    /// For a change the view must not take in twice: the <see cref="Generation"/> seen before it was saved. A whole read
    /// taken in since may or may not hold it, so it is told as one only a whole read takes in.
    /// </param>
    /// <param name="knownUntil">
    /// For a change saved on another instance that the view must not take in twice: until when a whole read knows
    /// whether it holds it. One taken in later may hold it unknowingly, so it is told as one only a whole read takes in.
    /// </param>
    protected void Tell(TChange? change, long? seenGeneration = null, DateTimeOffset? knownUntil = null)
    {
        lock (_toldLock)
        {
            if (change is not null && ((seenGeneration is { } seen && seen != _generation)
                || (knownUntil is { } until && _held is { } held && held.ReadAt > until)
                || !HasRoomFor(_told.Select(t => t.Change).OfType<TChange>(), change)))
            {
                change = null;
            }
            var number = Interlocked.Increment(ref _lastTold);
            // One whole read takes in any number of changes: a run of them is kept as its last.
            if (change is null && _told.Count > 0 && _told[^1].Change is null)
            {
                _told[^1] = (number, null);
            }
            else
            {
                _told.Add((number, change));
            }
        }
    }

    /// <summary>A whole read: the view, and what it left out of the changes told so far.</summary>
    /// <param name="View">The view read.</param>
    /// <param name="LeftOut">
    /// For each change told, in order, what of it the read left out (null: it holds all of it). Without it, the read
    /// holds every change told before it began, and may or may not hold those told while it read, which are applied
    /// again: a change the view can take in twice.
    /// </param>
    protected sealed record Loaded(TView View, Func<IReadOnlyList<TChange>, IReadOnlyList<TChange?>>? LeftOut = null);

    /// <summary>The view as it was read, the number of the last change told it holds, and which whole read it came from.</summary>
    private sealed record Held(TView View, long Seen, long Generation, DateTimeOffset ReadAt);

    /// <summary>Takes in the changes told since <paramref name="held"/>: applied to it, or by a whole read.</summary>
    private async Task<Held> CatchUpAsync(Held held, CancellationToken ct)
    {
        if (await UpdateAsync(ct) is { } updated)
        {
            return updated;
        }
        held = await ReloadAsync(held, ct);
        // Changes told while it was read are applied at once, as every change saved here is seen by the next read.
        return Interlocked.Read(ref _lastTold) > held.Seen && await UpdateAsync(ct) is { } caughtUp ? caughtUp : held;
    }

    /// <summary>Applies the changes told since the view was made; null when one of them only a whole read takes in.</summary>
    private async Task<Held?> UpdateAsync(CancellationToken ct)
    {
        await _publishing.WaitAsync(ct);
        try
        {
            var held = Volatile.Read(ref _held)!;
            List<TChange> pending;
            long upTo;
            lock (_toldLock)
            {
                if (_told.Exists(t => t.Number > held.Seen && t.Change is null))
                {
                    return null;
                }
                (upTo, pending) = (_lastTold, [.. _told.Where(t => t.Number > held.Seen).Select(t => t.Change!)]);
            }
            held = held with { View = pending.Count == 0 ? held.View : await ApplyAsync(held.View, pending, ct), Seen = upTo };
            Volatile.Write(ref _held, held);
            return held;
        }
        finally
        {
            _publishing.Release();
        }
    }

    /// <summary>Reads the whole view again, unless another whole read was taken in since <paramref name="seen"/>.</summary>
    private async Task<Held> ReloadAsync(Held? seen, CancellationToken ct)
    {
        await _loading.WaitAsync(ct);
        try
        {
            var current = Volatile.Read(ref _held);
            if (current is not null && current.Generation != seen?.Generation && !WholeReadToldAfter(current.Seen))
            {
                return current;
            }
            // A save is told once it is committed, so the read holds every change told before it begins.
            var toldBefore = Interlocked.Read(ref _lastTold);
            var started = System.Diagnostics.Stopwatch.StartNew();
            var loaded = await WithDatabaseAsync(db => LoadAsync(db, ct));
            Interlocked.Exchange(ref _refreshAfterTicks, (clock.GetUtcNow() + bound).UtcTicks);
            await PublishAsync(loaded, toldBefore, ct);
            logger.LogInformation("{View} read in {Milliseconds} ms.", Describe(loaded.View), started.ElapsedMilliseconds);
            return Volatile.Read(ref _held)!;
        }
        finally
        {
            _loading.Release();
        }
    }

    /// <summary>Whether a change only a whole read takes in was told after the <paramref name="seen"/>th.</summary>
    private bool WholeReadToldAfter(long seen)
    {
        lock (_toldLock)
        {
            return _told.Exists(t => t.Number > seen && t.Change is null);
        }
    }

    /// <summary>
    /// Puts a whole read in place, keeping of the changes told only what it left out: they are applied to it by the
    /// next read. An update made meanwhile waits, and is made again on the new view.
    /// </summary>
    private async Task PublishAsync(Loaded loaded, long toldBefore, CancellationToken ct)
    {
        await _publishing.WaitAsync(ct);
        try
        {
            lock (_toldLock)
            {
                if (loaded.LeftOut is { } leftOut)
                {
                    KeepLeftOut(leftOut, toldBefore);
                }
                else
                {
                    _told.RemoveAll(t => t.Number <= toldBefore);
                }
                var seen = _told.Count > 0 ? Math.Min(_lastTold, _told[0].Number - 1) : _lastTold;
                Volatile.Write(ref _held, new Held(loaded.View, seen, ++_generation, clock.GetUtcNow()));
            }
        }
        finally
        {
            _publishing.Release();
        }
    }

    /// <summary>
    /// Keeps of the changes told what a whole read judged it left out, and the changes only a whole read takes in told
    /// after <paramref name="toldBefore"/>, which it may not hold.
    /// </summary>
    private void KeepLeftOut(Func<IReadOnlyList<TChange>, IReadOnlyList<TChange?>> leftOut, long toldBefore)
    {
        var changes = _told.Where(t => t.Change is not null).ToList();
        var left = leftOut([.. changes.Select(t => t.Change!)]);
        List<(long Number, TChange? Change)> kept =
        [
            .. _told.Where(t => t.Change is null && t.Number > toldBefore),
            .. changes.Select((t, i) => (t.Number, Change: left[i])).Where(t => t.Change is not null),
        ];
        kept.Sort((a, b) => a.Number.CompareTo(b.Number));
        _told.Clear();
        _told.AddRange(kept);
    }
}
