using System.Globalization;

namespace Vouch.Features.Import;

/// <summary>
/// How fast a file is being imported: rows a second since it was opened, and the time its other rows will take at that
/// pace. What the command line's progress bar and the import page show.
/// </summary>
public readonly record struct ImportPace(int RowsDone, int RowsTotal, int RowsPerSecond)
{
    public static ImportPace Of(int rowsDone, int rowsTotal, TimeSpan reading) =>
        new(rowsDone, rowsTotal, reading > TimeSpan.Zero ? (int)Math.Round(rowsDone / reading.TotalSeconds) : 0);

    /// <summary>The time the rows not yet done will take at this pace; none before there is a pace.</summary>
    public TimeSpan? TimeLeft => RowsPerSecond > 0
        ? TimeSpan.FromSeconds(Math.Ceiling(Math.Max(RowsTotal - RowsDone, 0) / (double)RowsPerSecond))
        : null;

    /// <summary>A time left as a clock shows it: 0:42, 12:05, 1:02:05.</summary>
    public static string Clock(TimeSpan time) =>
        time.ToString(time.TotalHours >= 1 ? @"h\:mm\:ss" : @"m\:ss", CultureInfo.InvariantCulture);
}
