using Microsoft.Extensions.Options;

namespace Vouch.Features.Programs;

/// <summary>
/// The dashboard's figures this instance computed, per period and day, and the one computation of each under way.
/// Many readers asking at once wait for one computation. Once figures are older than
/// <see cref="ProgramOptions.FiguresSeconds"/>, readers are answered with them while one computation runs in the
/// background. After a save through this instance (<see cref="FigureGeneration"/>), readers wait for figures that count
/// it when computing them took under <see cref="WaitForSavesUnder"/>, so on a database of ordinary size a change made
/// here shows at once; on a large one they are answered from memory while the refresh runs, since every save would
/// otherwise hold every reader for the length of a computation. <c>compute</c> works a period's figures out afresh, in a
/// scope of its own.
/// </summary>
public sealed partial class KeptFigures(
    Func<MonthRange, Task<ProgramDashboardResponse>> compute, FigureGeneration generation, IOptions<ProgramOptions> options, TimeProvider clock,
    ILogger<KeptFigures> logger)
{
    /// <summary>Computes with the app's own <see cref="ProgramDashboard"/>, in a new scope.</summary>
    public static KeptFigures Create(IServiceProvider services) => new(
        async range =>
        {
            await using var scope = services.GetRequiredService<IServiceScopeFactory>().CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<ProgramDashboard>().ComputeAsync(range, CancellationToken.None);
        },
        services.GetRequiredService<FigureGeneration>(), services.GetRequiredService<IOptions<ProgramOptions>>(),
        services.GetRequiredService<TimeProvider>(), services.GetRequiredService<ILogger<KeptFigures>>());

    /// <summary>Readers wait for figures that count a save only when the last computation took less than this.</summary>
    public static readonly TimeSpan WaitForSavesUnder = TimeSpan.FromSeconds(1);

    private readonly Lock _gate = new();
    private readonly Dictionary<(DateOnly First, int Count, DateOnly Today), Slot> _slots = [];

    private sealed class Slot
    {
        public ProgramDashboardResponse? Figures { get; set; }
        public DateTimeOffset ComputedAt { get; set; }
        public long Generation { get; set; }
        public TimeSpan Took { get; set; }
        public Task<ProgramDashboardResponse>? Computing { get; set; }

        /// <summary>The save generation the computation under way started after.</summary>
        public long ComputingGeneration { get; set; }
    }

    public Task<ProgramDashboardResponse> GetAsync(MonthRange range, DateOnly today, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var generationNow = generation.Current;
        Task<ProgramDashboardResponse> answer;
        lock (_gate)
        {
            var key = (range.First, range.Count, today);
            if (!_slots.TryGetValue(key, out var slot))
            {
                // Figures of an earlier day are not answered again.
                foreach (var old in _slots.Keys.Where(k => k.Today != today).ToList())
                {
                    _slots.Remove(old);
                }
                _slots[key] = slot = new Slot();
            }
            var kept = slot.Figures is not null;
            var counted = kept && slot.Generation == generationNow;
            var young = now - slot.ComputedAt <= TimeSpan.FromSeconds(options.Value.FiguresSeconds);
            var waitForSaves = !counted && (!kept || slot.Took < WaitForSavesUnder);
            if (!(counted && young) && (slot.Computing is null || (waitForSaves && slot.ComputingGeneration < generationNow)))
            {
                slot.ComputingGeneration = generationNow;
                slot.Computing = ComputeAsync(slot, range, generationNow);
            }
            answer = kept && !waitForSaves ? Task.FromResult(slot.Figures!) : slot.Computing!;
        }
        return answer.WaitAsync(ct);
    }

    /// <summary>
    /// Computes without the reader's cancellation, since other readers may wait for it. The
    /// figures are kept when it succeeds, unless a computation started after a later save got there first; a failure
    /// reaches the readers waiting, and the next reader tries again.
    /// </summary>
    private async Task<ProgramDashboardResponse> ComputeAsync(Slot slot, MonthRange range, long startedAt)
    {
        await Task.Yield();
        try
        {
            var started = clock.GetTimestamp();
            var figures = await compute(range);
            LogComputed(range.First, range.Count, clock.GetElapsedTime(started).TotalMilliseconds);
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

    [LoggerMessage(Level = LogLevel.Information, Message = "Program figures from {First} for {Months} months computed in {Milliseconds:0} ms.")]
    private partial void LogComputed(DateOnly first, int months, double milliseconds);
}
