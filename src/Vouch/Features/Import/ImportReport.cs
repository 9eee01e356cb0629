using System.Text;
using System.Text.Json;
using CsvHelper;

namespace Vouch.Features.Import;

/// <summary>A row that was not imported: where it is and why, in words the person who fixes the file understands.</summary>
public sealed record ImportRejection(string File, int Row, string Column, string Reason)
{
    public override string ToString() => Column.Length > 0 ? $"{File} row {Row}: {Column}: {Reason}" : $"{File} row {Row}: {Reason}";
}

/// <summary>What an import did: rows created, updated, unchanged and rejected, with each rejection.</summary>
public sealed class ImportReport
{
    public int Created { get; set; }
    public int Updated { get; set; }
    public int Unchanged { get; set; }
    /// <summary>Rows rejected; a row can have several rejections, one per bad column.</summary>
    public int Rejected { get; set; }
    public List<ImportRejection> Rejections { get; init; } = [];
    public int Rows => Created + Updated + Unchanged + Rejected;

    public string Summary =>
        $"{Rows} rows: {Created} created, {Updated} updated, {Unchanged} unchanged, {Rejected} rejected.";

    /// <summary>The report as a file: JSON when the name ends in .json, CSV (one rejection a line) otherwise.</summary>
    public async Task WriteAsync(string path, CancellationToken ct = default)
    {
        await using var stream = File.Create(path);
        if (path.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
        {
            await JsonSerializer.SerializeAsync(stream, new
            {
                Created, Updated, Unchanged, Rejected,
                Rejections = Rejections.Select(r => new { r.File, r.Row, r.Column, r.Reason }),
            }, s_json, ct);
            return;
        }
        await stream.WriteAsync(Encoding.UTF8.GetBytes(ToCsv()), ct);
    }

    /// <summary>A summary line per count, then the rejections, so the file opens in a spreadsheet for fixing.</summary>
    public string ToCsv()
    {
        using var text = new StringWriter();
        using (var csv = CsvWriter.Create(text))
        {
            csv.WriteRecord(["file", "row", "column", "reason"]);
            foreach (var rejection in Rejections)
            {
                csv.WriteRecord([rejection.File, rejection.Row.ToString(System.Globalization.CultureInfo.InvariantCulture), rejection.Column, rejection.Reason]);
            }
        }
        return text.ToString();
    }

    public string RejectionsJson() => JsonSerializer.Serialize(Rejections, s_json);

    public static List<ImportRejection> ReadRejections(string? json) =>
        json is null ? [] : JsonSerializer.Deserialize<List<ImportRejection>>(json, s_json) ?? [];

    // The report is read by people: names like O'Brien stay as they are written.
    private static readonly JsonSerializerOptions s_json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}
