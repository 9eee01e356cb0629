namespace Vouch.Features.Import;

/// <summary>
/// One row of a source: its number as the person who reads the report counts it (in a file the header is row 1), its
/// values by column and, for a record read from a CRM's API, the record's id, which the report names.
/// </summary>
public sealed record SourceRow(int Number, IReadOnlyDictionary<string, string?> Values, string? Key = null);

/// <summary>
/// Rows of one kind of record under named columns: a file, or a CRM's API read page by page. The importer reads every
/// source the same way, so records pulled from a CRM get the mapping, checks and per-row report a file gets.
/// </summary>
public abstract class RowSource
{
    /// <summary>What the report calls the source: the file's name, or the CRM's name for the kind of record.</summary>
    public abstract string Name { get; }

    public abstract IReadOnlyList<string> Headers { get; }

    /// <summary>The rows in all, for "rows done of total"; a source that learns it only once reading starts may give it then.</summary>
    public abstract int RowCount { get; }

    public abstract IAsyncEnumerable<SourceRow> ReadAsync(CancellationToken ct);
}
