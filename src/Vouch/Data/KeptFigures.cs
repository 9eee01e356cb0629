using Microsoft.EntityFrameworkCore;

namespace Vouch.Data;

/// <summary>
/// Figures worked out from the whole database that this instance keeps in memory, one set per key, with the one
/// computation of each under way. Many readers asking at once wait for one computation. Once figures are older than
/// <c>keepFor</c>, or <see cref="RefreshEveryTimesTook"/> times as long as they took when that is longer, readers are
/// answered with them while one computation runs in the background. After a save through this instance
/// (<see cref="FigureGeneration"/>), readers wait for figures that count it when computing them took under
/// <see cref="WaitForSavesUnder"/>, so on a database of ordinary size a change made here shows at once; on a large one
/// the change shows with the next refresh, since every save would otherwise hold every reader, or keep a core busy,
/// for the length of a computation. <c>compute</c> works a key's figures out afresh, in a scope of its own.
/// </summary>
public sealed partial class KeptFigures<TKey, TFigures>(
    Func<TKey, Task<TFigures>> compute, FigureGeneration generation, TimeSpan keepFor, TimeProvider clock, ILogger logger)
    where TKey : notnull
    where TFigures : class
{
    /// <summary>Readers wait for figures that count a save only when the last computation took less than this.</summary>
    public static readonly TimeSpan WaitForSavesUnder = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Figures are computed again no sooner than this many times as long as the last computation took, so that
    /// computing them takes at most about a tenth of the time of one core, however large the database.
    /// </summary>
    public const int RefreshEveryTimesTook = 10;

    /// <summary>Figures no reader asked for in this long are let go when another key is first asked for.</summary>
    public static readonly TimeSpan ForgetAfter = TimeSpan.FromDays(1);

    private readonly Lock _gate = new();
    private readonly Dictionary<TKey, Slot> _slots = [];

    private sealed class Slot
    {
        public TFigures? Figures { get; set; }
        public DateTimeOffset ComputedAt { get; set; }
        public DateTimeOffset AskedAt { get; set; }
        public long Generation { get; set; }
        public TimeSpan Took { get; set; }
        public Task<TFigures>? Computing { get; set; }

        /// <summary>The save generation the computation under way started after.</summary>
        public long ComputingGeneration { get; set; }
    }

    /// <summary>Kept figures computed with <typeparamref name="TService"/> taken from a new scope for each computation.</summary>
    public static KeptFigures<TKey, TFigures> Create<TService>(
        IServiceProvider services, Func<TService, TKey, Task<TFigures>> compute, TimeSpan keepFor)
        where TService : notnull => new(
        async key =>
        {
            await using var scope = services.GetRequiredService<IServiceScopeFactory>().CreateAsyncScope();
            return await compute(scope.ServiceProvider.GetRequiredService<TService>(), key);
        },
        services.GetRequiredService<FigureGeneration>(), keepFor, services.GetRequiredService<TimeProvider>(),
        services.GetRequiredService<ILoggerFactory>().CreateLogger($"Vouch.Data.KeptFigures.{typeof(TFigures).Name}"));

    public Task<TFigures> GetAsync(TKey key, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var generationNow = generation.Current;
        Task<TFigures> answer;
        lock (_gate)
        {
            if (!_slots.TryGetValue(key, out var slot))
            {
                foreach (var (old, _) in _slots.Where(s => now - s.Value.AskedAt > ForgetAfter && s.Value.Computing is null).ToList())
                {
                    _slots.Remove(old);
                }
                _slots[key] = slot = new Slot();
            }
            slot.AskedAt = now;
            // Nothing to answer yet, or a save here that a quick computation should count: readers wait for it.
            if (slot.Figures is null || (slot.Generation != generationNow && slot.Took < WaitForSavesUnder))
            {
                if (slot.Computing is null || slot.ComputingGeneration < generationNow)
                {
                    Start(slot, key, generationNow);
                }
                answer = slot.Computing!;
            }
            else
            {
                if (slot.Computing is null && now - slot.ComputedAt > Max(keepFor, slot.Took * RefreshEveryTimesTook))
                {
                    Start(slot, key, generationNow);
                }
                answer = Task.FromResult(slot.Figures);
            }
        }
        return answer.WaitAsync(ct);
    }

    private void Start(Slot slot, TKey key, long generationNow)
    {
        slot.ComputingGeneration = generationNow;
        slot.Computing = ComputeAsync(slot, key, generationNow);
    }

    /// <summary>
    /// Computes without the reader's cancellation, since other readers may wait for it. The figures are kept when it
    /// succeeds, unless a computation started after a later save got there first; a failure reaches the readers
    /// waiting, and the next reader tries again.
    /// </summary>
    private async Task<TFigures> ComputeAsync(Slot slot, TKey key, long startedAt)
    {
        await Task.Yield();
        try
        {
            var started = clock.GetTimestamp();
            var figures = await compute(key);
            LogComputed(key, clock.GetElapsedTime(started).TotalMilliseconds);
            lock (_gate)
            {
                if (slot.Figures is null || startedAt >= slot.Generation)
                {
                    (slot.Figures, slot.ComputedAt, slot.Generation, slot.Took) = (figures, clock.GetUtcNow(), startedAt, clock.GetElapsedTime(started));
                }
            }
            return figures;
        }
        finally
        {
            lock (_gate)
            {
                if (slot.ComputingGeneration == startedAt)
                {
                    slot.Computing = null;
                }
            }
        }
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    [LoggerMessage(Level = LogLevel.Information, Message = "Figures for {Key} computed in {Milliseconds:0} ms.")]
    private partial void LogComputed(TKey key, double milliseconds);
}

/// <summary>
/// A number that moves whenever a save through this instance succeeds, so figures kept in memory
/// (<see cref="KeptFigures{TKey, TFigures}"/>) are computed again after a change made here.
/// </summary>
public sealed class FigureGeneration : SynchronousSaveInterceptor
{
    private long _current;

    public long Current => Interlocked.Read(ref _current);

    /// <summary>Says that something the figures count may have changed.</summary>
    public void Advance() => Interlocked.Increment(ref _current);

    protected override void Saved(DbContext context) => Advance();
}
