using Vouch.Features.Import;

namespace Vouch.Tests.Unit;

public sealed class ImportPaceTests
{
    [Theory]
    [InlineData(5_000, 1_000_000, 0.5, 10_000, 100)]   // 995,000 rows to go at 10,000 a second: 99.5 s, shown whole
    [InlineData(250_000, 1_000_000, 10.0, 25_000, 30)]
    [InlineData(3, 7, 2.0, 2, 2)]                       // 1.5 a second rounds to 2: 4 rows, 2 s
    [InlineData(1_000, 1_000, 4.0, 250, 0)]             // done: nothing left
    public void The_pace_is_rows_a_second_so_far_and_the_time_left_at_that_pace(int done, int total, double seconds, int perSecond, int secondsLeft)
    {
        var pace = ImportPace.Of(done, total, TimeSpan.FromSeconds(seconds));

        Assert.Equal(perSecond, pace.RowsPerSecond);
        Assert.Equal(TimeSpan.FromSeconds(secondsLeft), pace.TimeLeft);
    }

    [Fact]
    public void Before_the_first_batch_there_is_no_pace_and_no_time_left()
    {
        Assert.Null(ImportPace.Of(0, 1_000, TimeSpan.Zero).TimeLeft);
        Assert.Null(ImportPace.Of(0, 1_000, TimeSpan.FromSeconds(3)).TimeLeft);
    }

    [Theory]
    [InlineData(42, "0:42")]
    [InlineData(725, "12:05")]
    [InlineData(3_725, "1:02:05")]
    public void Time_left_reads_as_a_clock(int seconds, string shown) =>
        Assert.Equal(shown, ImportPace.Clock(TimeSpan.FromSeconds(seconds)));
}
