using System.Globalization;
using Vouch.Features.Import;

namespace Vouch.Cli;

/// <summary>
/// An import's progress on the command line. On a terminal, one line a file, redrawn in place: a bar, the rows done,
/// rows a second and the time left. Written to a file or a pipe, one plain line a batch.
/// </summary>
internal sealed class ImportProgressBar(TextWriter output, bool inPlace)
{
    private const int Width = 30;
    private string? _file;

    public void Show(ImportProgress progress)
    {
        var pace = progress.Pace;
        var figures = pace.TimeLeft is { } left && progress.RowsDone < progress.RowsTotal
            ? Invariant($"{pace.RowsPerSecond:N0} rows/s, {ImportPace.Clock(left)} left")
            : Invariant($"{pace.RowsPerSecond:N0} rows/s");
        if (!inPlace)
        {
            output.WriteLine(Invariant($"{progress.File}: {progress.RowsDone}/{progress.RowsTotal} rows ({figures})"));
            return;
        }
        if (_file is not null && _file != progress.File)
        {
            output.WriteLine();
        }
        _file = progress.File;
        var filled = progress.RowsTotal == 0 ? Width : (int)Math.Min(Width, (long)Width * progress.RowsDone / progress.RowsTotal);
        // Back to the line's start, and the rest of the line cleared when the new text is shorter.
        output.Write(Invariant($"\r{progress.File} [{new string('#', filled)}{new string('-', Width - filled)}] {progress.RowsDone:N0}/{progress.RowsTotal:N0} rows, {figures}\u001b[K"));
    }

    /// <summary>Ends the last file's line, so what follows starts on a line of its own.</summary>
    public void Finish()
    {
        if (inPlace && _file is not null)
        {
            output.WriteLine();
        }
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
