using Microsoft.Extensions.Logging.Abstractions;
using Vouch.Data;
using Vouch.Features.Programs;

namespace Vouch.Tests.Unit.Programs;

public sealed class KeptFiguresTests
{
    private static readonly MonthRange s_year = new(new DateOnly(2026, 1, 1), 12);
    private static readonly DateOnly s_today = new(2026, 12, 3);

    private sealed class Clock : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = new(2026, 12, 3, 10, 0, 0, TimeSpan.Zero);

        public override DateTimeOffset GetUtcNow() => Now;

        public override long GetTimestamp() => Now.UtcTicks;

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;
    }

    /// <summary>Computations that finish when the test says so, each answering figures named by its number.</summary>
    private sealed class Computations
    {
        private readonly List<TaskCompletionSource<ProgramDashboardResponse>> _started = [];

        public int Count { get { lock (_started) { return _started.Count; } } }

        public Task<ProgramDashboardResponse> StartAsync()
        {
            var computation = new TaskCompletionSource<ProgramDashboardResponse>(TaskCreationOptions.RunContinuationsAsynchronously);
            lock (_started)
            {
                _started.Add(computation);
            }
            return computation.Task;
        }

        public void Finish(int number) => _started[number - 1].SetResult(Figures(number));

        public void Fail(int number) => _started[number - 1].SetException(new InvalidOperationException("The database went away."));

        public static ProgramDashboardResponse Figures(int number) => new($"computation {number}", "", [], []);
    }

    private readonly Clock _clock = new();
    private readonly Computations _computations = new();
    private readonly FigureGeneration _generation = new();
    private readonly KeptFigures<(MonthRange, DateOnly), ProgramDashboardResponse> _kept;

    public KeptFiguresTests() => _kept = new(_ => _computations.StartAsync(), _generation, TimeSpan.FromSeconds(60), _clock, NullLogger.Instance);

    private Task<ProgramDashboardResponse> ReadAsync() => _kept.GetAsync((s_year, s_today), TestContext.Current.CancellationToken);

    private async Task StartedAsync(int count)
    {
        for (var i = 0; i < 200 && _computations.Count < count; i++)
        {
            await Task.Delay(5, TestContext.Current.CancellationToken);
        }
        Assert.Equal(count, _computations.Count);
    }

    [Fact]
    public async Task Readers_at_once_wait_for_one_computation()
    {
        var readers = Enumerable.Range(0, 5).Select(_ => ReadAsync()).ToList();
        await StartedAsync(1);
        Assert.All(readers, r => Assert.False(r.IsCompleted));

        _computations.Finish(1);

        Assert.All(await Task.WhenAll(readers), f => Assert.Equal(Computations.Figures(1), f));
        Assert.Equal(Computations.Figures(1), await ReadAsync());
        Assert.Equal(1, _computations.Count);
    }

    [Fact]
    public async Task Figures_past_their_time_are_answered_while_one_computation_replaces_them()
    {
        var first = ReadAsync();
        await StartedAsync(1);
        _computations.Finish(1);
        await first;

        _clock.Now += TimeSpan.FromSeconds(61);

        Assert.Equal(Computations.Figures(1), await ReadAsync());
        Assert.Equal(Computations.Figures(1), await ReadAsync());
        await StartedAsync(2);
        _computations.Finish(2);
        await Task.Delay(20, TestContext.Current.CancellationToken);
        Assert.Equal(Computations.Figures(2), await ReadAsync());
        Assert.Equal(2, _computations.Count);
    }

    [Fact]
    public async Task After_a_save_readers_wait_for_figures_that_count_it()
    {
        var first = ReadAsync();
        await StartedAsync(1);
        _computations.Finish(1);
        await first;

        _generation.Advance();
        var after = ReadAsync();
        await StartedAsync(2);
        Assert.False(after.IsCompleted);

        _computations.Finish(2);

        Assert.Equal(Computations.Figures(2), await after);
    }

    [Fact]
    public async Task A_failed_computation_reaches_its_readers_and_the_next_reader_tries_again()
    {
        var failing = ReadAsync();
        await StartedAsync(1);
        _computations.Fail(1);
        await Assert.ThrowsAsync<InvalidOperationException>(() => failing);

        var again = ReadAsync();
        await StartedAsync(2);
        _computations.Finish(2);

        Assert.Equal(Computations.Figures(2), await again);
    }

    [Fact]
    public async Task When_computing_takes_long_readers_are_answered_from_memory_after_a_save_until_ten_times_its_length_has_passed()
    {
        var first = ReadAsync();
        await StartedAsync(1);
        _clock.Now += TimeSpan.FromSeconds(20);
        _computations.Finish(1);
        await first;

        _generation.Advance();
        _clock.Now += TimeSpan.FromSeconds(199);

        Assert.Equal(Computations.Figures(1), await ReadAsync());
        await Task.Delay(20, TestContext.Current.CancellationToken);
        Assert.Equal(1, _computations.Count);

        _clock.Now += TimeSpan.FromSeconds(2);

        Assert.Equal(Computations.Figures(1), await ReadAsync());
        Assert.Equal(Computations.Figures(1), await ReadAsync());
        await StartedAsync(2);
        _computations.Finish(2);
        await Task.Delay(20, TestContext.Current.CancellationToken);
        Assert.Equal(Computations.Figures(2), await ReadAsync());
        Assert.Equal(2, _computations.Count);
    }
}
