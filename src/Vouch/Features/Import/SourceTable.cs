using System.Globalization;
using CsvHelper;
using MiniExcelLibs;

namespace Vouch.Features.Import;

/// <summary>
/// A CSV or Excel file read as a header and rows of text. CSV is read as UTF-8 (a byte order mark is honoured),
/// quoted fields may span lines; Excel's typed cells are written as the text a CSV export would hold.
/// </summary>
public sealed class SourceTable : RowSource
{
    private SourceTable(string path, IReadOnlyList<string> headers, int rowCount)
    {
        Path = path;
        Headers = headers;
        RowCount = rowCount;
    }

    public string Path { get; }
    public override string Name => System.IO.Path.GetFileName(Path);
    public override IReadOnlyList<string> Headers { get; }

    /// <summary>Counted before the import starts, so progress can say "rows done of total".</summary>
    public override int RowCount { get; }

    public static bool IsExcel(string path) => path.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase);

    /// <summary>Opens a file and counts its rows; throws <see cref="InvalidDataException"/> when it cannot be read.</summary>
    public static SourceTable Open(string path)
    {
        try
        {
            if (IsExcel(path))
            {
                var headers = MiniExcel.GetColumns(path, useHeaderRow: true).Select(c => c.ToString()!).ToList();
                return new SourceTable(path, headers, MiniExcel.Query(path, useHeaderRow: true).Count());
            }
            using var csv = CsvReader.FromFile(path, s_options);
            var count = 0;
            while (csv.Read())
            {
                count++;
            }
            return new SourceTable(path, [.. csv.Headers.Select(h => h.Trim())], count);
        }
        catch (Exception e) when (e is not InvalidDataException and not OperationCanceledException)
        {
            throw new InvalidDataException($"{System.IO.Path.GetFileName(path)} could not be read: {e.Message}", e);
        }
    }

    // Salesforce and spreadsheets write commas; the separator is still detected so a semicolon file from
    // a European Excel reads too.
    private static readonly CsvReaderOptions s_options = new() { TrimWhitespace = false };

    public override IAsyncEnumerable<SourceRow> ReadAsync(CancellationToken ct) => Rows().ToAsyncEnumerable();

    private IEnumerable<SourceRow> Rows()
    {
        if (IsExcel(Path))
        {
            var number = 1;
            foreach (IDictionary<string, object?> row in MiniExcel.Query(Path, useHeaderRow: true))
            {
                number++;
                yield return new SourceRow(number, row.ToDictionary(cell => cell.Key.Trim(), cell => Text(cell.Value), StringComparer.OrdinalIgnoreCase));
            }
            yield break;
        }
        using var csv = CsvReader.FromFile(Path, s_options);
        while (csv.Read())
        {
            var values = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
            for (var i = 0; i < Headers.Count && i < csv.FieldCount; i++)
            {
                values.TryAdd(Headers[i], Blank(csv.GetString(i)));
            }
            yield return new SourceRow((int)csv.RowNumber + 1, values);
        }
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static string? Text(object? cell) => cell switch
    {
        null => null,
        DateTime date when date.TimeOfDay == TimeSpan.Zero => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime date => date.ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture),
        bool flag => flag ? "true" : "false",
        IFormattable number => Blank(number.ToString(null, CultureInfo.InvariantCulture)),
        _ => Blank(cell.ToString()),
    };
}
