using System.Text.Json;

namespace Vouch.Features.Import;

/// <summary>A row that was not imported: where it is and why, in words the person who fixes the file understands.</summary>
public sealed record ImportRejection(string File, int Row, string Column, string Reason)
{
    public override string ToString() => Column.Length > 0 ? $"{File} row {Row}: {Column}: {Reason}" : $"{File} row {Row}: {Reason}";
}

/// <summary>
/// What an import did: rows created, updated, unchanged and rejected, and its first rejections. Every rejection is
/// saved with the batch it came from (<see cref="ImportRejections"/>), so a file of a million bad rows is reported
/// whole without being held in memory.
/// </summary>
public sealed class ImportReport
{
    /// <summary>The rejections kept in memory: as many as the command line prints.</summary>
    public const int FirstRejectionsKept = 20;

    private List<ImportRejection> _unsaved = [];

    public int Created { get; set; }
    public int Updated { get; set; }
    public int Unchanged { get; set; }
    /// <summary>Rows rejected; a row can have several rejections, one per bad column.</summary>
    public int Rejected { get; set; }

    /// <summary>The first <see cref="FirstRejectionsKept"/> rejections, in the order they happened.</summary>
    public List<ImportRejection> FirstRejections { get; } = [];
    public int Rows => Created + Updated + Unchanged + Rejected;

    public string Summary =>
        $"{Rows} rows: {Created} created, {Updated} updated, {Unchanged} unchanged, {Rejected} rejected.";

    public void Add(ImportRejection rejection)
    {
        if (FirstRejections.Count < FirstRejectionsKept)
        {
            FirstRejections.Add(rejection);
        }
        _unsaved.Add(rejection);
    }

    /// <summary>The rejections added since the last call, for the import to save; the report lets go of them.</summary>
    public IReadOnlyCollection<ImportRejection> TakeUnsaved()
    {
        var unsaved = _unsaved;
        _unsaved = [];
        return unsaved;
    }

    /// <summary>
    /// The report as a file, every rejection read from <paramref name="rejections"/> as it is written: JSON when the
    /// name ends in .json, CSV (one rejection a line) otherwise.
    /// </summary>
    public async Task WriteAsync(string path, IAsyncEnumerable<ImportRejection> rejections, CancellationToken ct = default)
    {
        await using var stream = File.Create(path);
        if (!path.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
        {
            await ImportRejections.WriteCsvAsync(stream, rejections, ct);
            return;
        }
        await using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = s_json.Encoder });
        json.WriteStartObject();
        json.WriteNumber("created", Created);
        json.WriteNumber("updated", Updated);
        json.WriteNumber("unchanged", Unchanged);
        json.WriteNumber("rejected", Rejected);
        json.WriteStartArray("rejections");
        await foreach (var rejection in rejections.WithCancellation(ct))
        {
            JsonSerializer.Serialize(json, rejection, s_json);
            if (json.BytesPending > 64 * 1024)
            {
                await json.FlushAsync(ct);
            }
        }
        json.WriteEndArray();
        json.WriteEndObject();
        await json.FlushAsync(ct);
    }

    // The report is read by people: names like O'Brien stay as they are written.
    private static readonly JsonSerializerOptions s_json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}
