using System.Globalization;
using CsvHelper;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Vouch.Data;
using Vouch.Web;

namespace Vouch.Features.Import;

/// <summary>
/// One rejection of an import as stored, under the import's id (the import job's, or the Salesforce sync run's), so
/// that an import of any size keeps every rejection without holding them in memory. Numbered by the database in the
/// order they happened: file by file, row by row. Bookkeeping, like the job, so not audited.
/// </summary>
public sealed class ImportRejectionEntry : INotAudited
{
    public long Id { get; set; }
    public Guid ImportId { get; set; }

    // The texts are kept as the import wrote them, never cut: they are how the person fixing the file finds the row.
    public required string File { get; set; }
    public int Row { get; set; }
    public required string Column { get; set; }
    public required string Reason { get; set; }
}

internal sealed class ImportRejectionEntryConfiguration : IEntityTypeConfiguration<ImportRejectionEntry>
{
    public void Configure(EntityTypeBuilder<ImportRejectionEntry> builder)
    {
        builder.ToTable("ImportRejections");
        // Pages and the report read one import's rejections in the order they happened.
        builder.HasIndex(r => new { r.ImportId, r.Id });
    }
}

/// <summary>An import's rejections in the database: written a batch at a time as the import goes, read a page at a time or all as a stream.</summary>
public static class ImportRejections
{
    /// <summary>Adds the rejections in one transaction of their own (on SQLite, a transaction a row would be a write to disk a row).</summary>
    public static async Task SaveAsync(VouchDbContext db, BulkWriter writer, Guid importId, IReadOnlyCollection<ImportRejection> rejections, CancellationToken ct)
    {
        if (rejections.Count == 0)
        {
            return;
        }
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await writer.InsertAsync(
            [.. rejections.Select(r => new ImportRejectionEntry { ImportId = importId, File = r.File, Row = r.Row, Column = r.Column, Reason = r.Reason })], ct);
        await transaction.CommitAsync(ct);
    }

    /// <summary>One page of the import's rejections, with how many there are in all.</summary>
    public static async Task<Paged<ImportRejection>> PageAsync(VouchDbContext db, Guid importId, PageQuery page, CancellationToken ct)
    {
        var rejections = Of(db, importId);
        var total = await rejections.CountAsync(ct);
        var items = await rejections.OrderBy(r => r.Id).Skip(page.Skip).Take(page.Size)
            .Select(r => new ImportRejection(r.File, r.Row, r.Column, r.Reason)).ToListAsync(ct);
        return new Paged<ImportRejection>(items, total, page.PageNumber, page.Size);
    }

    /// <summary>Every rejection of the import in order, read as they are written out rather than held.</summary>
    public static IAsyncEnumerable<ImportRejection> StreamAsync(VouchDbContext db, Guid importId) =>
        Of(db, importId).OrderBy(r => r.Id).Select(r => new ImportRejection(r.File, r.Row, r.Column, r.Reason)).AsAsyncEnumerable();

    public static Task<int> DeleteAsync(VouchDbContext db, Guid importId, CancellationToken ct) => Of(db, importId).ExecuteDeleteAsync(ct);

    /// <summary>The rejections as CSV, one a line under a header, so the file opens in a spreadsheet for fixing.</summary>
    public static async Task WriteCsvAsync(Stream destination, IAsyncEnumerable<ImportRejection> rejections, CancellationToken ct)
    {
        await using var csv = CsvWriter.Create(destination, CsvWriterOptions.Default, leaveOpen: true);
        await csv.WriteRecordAsync(["file", "row", "column", "reason"], ct);
        await foreach (var rejection in rejections.WithCancellation(ct))
        {
            await csv.WriteRecordAsync([rejection.File, rejection.Row.ToString(CultureInfo.InvariantCulture), rejection.Column, rejection.Reason], ct);
        }
        await csv.FlushAsync(ct);
    }

    private static IQueryable<ImportRejectionEntry> Of(VouchDbContext db, Guid importId) =>
        db.Set<ImportRejectionEntry>().AsNoTracking().Where(r => r.ImportId == importId);
}
