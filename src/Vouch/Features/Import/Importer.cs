using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Vouch.Data;

namespace Vouch.Features.Import;

/// <summary>A file to import and the kind of record it holds.</summary>
public sealed record ImportFile(TableImporter Table, string Path);

/// <summary>Rows to import and the kind of record they hold.</summary>
public sealed record ImportSource(TableImporter Table, RowSource Rows);

/// <summary>
/// How far an import has come: the file being read, its rows done of its total, how long it has been read, and the
/// counts so far.
/// </summary>
public sealed record ImportProgress(string File, int RowsDone, int RowsTotal, TimeSpan Reading, ImportReport Report)
{
    public ImportPace Pace => ImportPace.Of(RowsDone, RowsTotal, Reading);
}

/// <summary>
/// Brings accounts, contacts, opportunities, contact roles and CRM user ids from files, or from a CRM's API (the
/// Salesforce sync), into the inventory, each kind through its <see cref="TableImporter"/>.
/// Rows are matched to existing records by CRM id (or by name or email when the file has none), so importing a file
/// again updates in place; a value is only written when it differs, so an unchanged row changes nothing, audits
/// nothing and keeps its version. Rows are saved in batches, each batch one transaction; when a batch fails, its rows
/// are saved one by one so only the bad row is lost. A row is whole or absent, never half written.
/// Accounts and contacts, most of a large export, are written in bulk without the change tracker (see
/// docs/decisions/0037-import-write-path.md) and audited as one import (0038-import-audit.md).
/// </summary>
public sealed class Importer(
    VouchDbContext db, AuditActor actor, TimeProvider clock, IEnumerable<ISaveChangesInterceptor> interceptors, FigureGeneration figures)
{
    private readonly VouchDbContext _db = db;
    private const int DefaultBatchSize = 5_000;

    /// <summary>Rows saved together in one transaction; the change tracker is cleared after each batch.</summary>
    public int BatchSize { get; set; } = DefaultBatchSize;

    /// <summary>The import's id in the audit: the import job's, for one started from the app.</summary>
    public Guid ImportId { get; set; } = Guid.CreateVersion7();

    /// <summary>The files of a Salesforce data export found in <paramref name="folder"/>, in import order.</summary>
    public static IReadOnlyList<ImportFile> SalesforceExport(string folder) =>
    [
        .. ImportTables.All
            .Select(t => new ImportFile(t, Directory.EnumerateFiles(folder)
                .FirstOrDefault(path => string.Equals(System.IO.Path.GetFileName(path), t.SalesforceFile, StringComparison.OrdinalIgnoreCase)) ?? ""))
            .Where(f => f.Path.Length > 0),
    ];

    /// <summary>
    /// Imports the files in the order of <see cref="ImportTables.All"/>: users, accounts, contacts, opportunities,
    /// contact roles. Throws <see cref="InvalidDataException"/> before writing anything when a file cannot be read or
    /// lacks a required column.
    /// </summary>
    public Task<ImportReport> RunAsync(
        IReadOnlyList<ImportFile> files, ColumnMapping mapping, bool salesforce,
        Func<ImportProgress, Task>? progress = null, CancellationToken ct = default) =>
        RunAsync([.. files.Select(f => new ImportSource(f.Table, SourceTable.Open(f.Path)))], mapping, salesforce, progress, ct);

    /// <summary>
    /// Imports the sources in the order of <see cref="ImportTables.All"/>. Throws <see cref="InvalidDataException"/>
    /// before writing anything when a source lacks a column for a required field.
    /// </summary>
    public async Task<ImportReport> RunAsync(
        IReadOnlyList<ImportSource> sources, ColumnMapping mapping, bool salesforce,
        Func<ImportProgress, Task>? progress = null, CancellationToken ct = default)
    {
        var ordered = ImportTables.All.SelectMany(table => sources.Where(s => s.Table == table)).Select(s =>
        {
            var columns = mapping.ColumnsByField(s.Table, s.Rows.Headers, salesforce);
            var missing = s.Table.Required.FirstOrDefault(any => !any.Any(columns.ContainsKey));
            if (missing is not null)
            {
                throw new InvalidDataException(
                    $"{s.Rows.Name} has no column for {string.Join(" or ", missing)}; its columns are {string.Join(", ", s.Rows.Headers)}.");
            }
            return (s.Table, Source: s.Rows, Columns: columns);
        }).ToList();

        var report = new ImportReport();
        var audit = new ImportAudit(ImportId, actor.Current, clock);
        await using var run = await ImportRun.StartAsync(_db, salesforce, audit, ct);
        var ownersLinked = false;
        foreach (var (table, source, columns) in ordered)
        {
            if (!table.GivesUsersCrmIds && !ownersLinked)
            {
                await run.LinkOwnersAsync(ct);
                ownersLinked = true;
            }
            var batch = new Batch(run, table, source, report);
            var done = 0;
            var opened = clock.GetTimestamp();
            await foreach (var row in source.ReadAsync(ct))
            {
                ct.ThrowIfCancellationRequested();
                batch.Add(new RowReader(row, columns));
                if (batch.Count >= BatchSize)
                {
                    done += await batch.SaveAsync(ct);
                    await ImportRejections.SaveAsync(_db, run.Writer, ImportId, report.TakeUnsaved(), ct);
                    await Report(progress, new ImportProgress(source.Name, done, source.RowCount, clock.GetElapsedTime(opened), report));
                }
            }
            done += await batch.SaveAsync(ct);
            await ImportRejections.SaveAsync(_db, run.Writer, ImportId, report.TakeUnsaved(), ct);
            await Report(progress, new ImportProgress(source.Name, done, source.RowCount, clock.GetElapsedTime(opened), report));
        }
        if (!ownersLinked)
        {
            await run.LinkOwnersAsync(ct);
        }
        await run.RescoreChangedAccountsAsync(ct);
        if (run.WroteInBulk)
        {
            // The bulk writes went round the context's save, so nothing told the views kept in memory here or elsewhere.
            foreach (var views in interceptors.OfType<SnapshotChanges>())
            {
                views.ChangedOutsideSaves(_db);
            }
            figures.Advance();
        }
        _db.AuditEntries.Add(audit.Summary([.. ordered.Select(s => s.Source.Name).Distinct()], report));
        await _db.SaveChangesAsync(ct);
        _db.ChangeTracker.Clear();
        return report;
    }

    private static Task Report(Func<ImportProgress, Task>? progress, ImportProgress value) => progress?.Invoke(value) ?? Task.CompletedTask;

    /// <summary>Rows of one source waiting to be saved together.</summary>
    private sealed class Batch(ImportRun run, TableImporter table, RowSource source, ImportReport report)
    {
        private readonly List<RowReader> _rows = [];

        public int Count => _rows.Count;

        public void Add(RowReader row) => _rows.Add(row);

        /// <summary>Saves the rows as one transaction, or row by row when that fails; returns how many rows were read.</summary>
        public async Task<int> SaveAsync(CancellationToken ct)
        {
            var rows = _rows.ToList();
            _rows.Clear();
            if (rows.Count == 0)
            {
                return 0;
            }
            if (table.WritesInBulk)
            {
                await WriteInBulkAsync(rows, ct);
                return rows.Count;
            }
            var db = run.Db;
            try
            {
                var outcomes = await table.StageAsync(run, rows, ct);
                await db.SaveChangesAsync(ct);
                Tally(rows, outcomes);
            }
            catch (DbUpdateException) when (rows.Count > 1)
            {
                db.ChangeTracker.Clear();
                foreach (var row in rows)
                {
                    try
                    {
                        var outcomes = await table.StageAsync(run, [row], ct);
                        await db.SaveChangesAsync(ct);
                        Tally([row], outcomes);
                    }
                    catch (DbUpdateException e)
                    {
                        db.ChangeTracker.Clear();
                        report.Rejected++;
                        report.Add(new ImportRejection(Where(row), row.Number, "", $"could not be saved: {(e.InnerException ?? e).Message}"));
                    }
                }
            }
            catch (DbUpdateException e)
            {
                report.Rejected++;
                report.Add(new ImportRejection(Where(rows[0]), rows[0].Number, "", $"could not be saved: {(e.InnerException ?? e).Message}"));
            }
            finally
            {
                db.ChangeTracker.Clear();
            }
            return rows.Count;
        }

        /// <summary>Writes the rows in bulk as one transaction, or row by row when that fails.</summary>
        private async Task WriteInBulkAsync(List<RowReader> rows, CancellationToken ct)
        {
            try
            {
                await WriteAsync(rows, ct);
            }
            catch (DbException) when (rows.Count > 1)
            {
                foreach (var row in rows)
                {
                    try
                    {
                        row.Errors.Clear();
                        await WriteAsync([row], ct);
                    }
                    catch (DbException e)
                    {
                        report.Rejected++;
                        report.Add(new ImportRejection(Where(row), row.Number, "", $"could not be saved: {e.Message}"));
                    }
                }
            }
            catch (DbException e)
            {
                report.Rejected++;
                report.Add(new ImportRejection(Where(rows[0]), rows[0].Number, "", $"could not be saved: {e.Message}"));
            }
        }

        private async Task WriteAsync(List<RowReader> rows, CancellationToken ct)
        {
            var staged = run.Staged = new StagedRecords();
            try
            {
                var outcomes = await table.StageAsync(run, rows, ct);
                await using (var transaction = await run.Db.Database.BeginTransactionAsync(ct))
                {
                    await table.WriteAsync(run, staged, ct);
                    await run.Writer.InsertAsync(run.Audit.EntriesOf(run.Db, staged), ct);
                    await run.ScoreAsync(staged, ct);
                    await transaction.CommitAsync(ct);
                }
                run.WroteInBulk |= staged.CreatedRecords.Any() || staged.ChangedRecords.Count > 0;
                Tally(rows, outcomes);
            }
            finally
            {
                run.Staged = null;
                run.Db.ChangeTracker.Clear();
            }
        }

        /// <summary>The file, or the kind of record and its id in the CRM it came from.</summary>
        private string Where(RowReader row) => row.Key is { } key ? $"{source.Name} {key}" : source.Name;

        private void Tally(List<RowReader> rows, List<Outcome> outcomes)
        {
            for (var i = 0; i < rows.Count; i++)
            {
                switch (outcomes[i])
                {
                    case Outcome.Created: report.Created++; break;
                    case Outcome.Updated: report.Updated++; break;
                    case Outcome.Unchanged: report.Unchanged++; break;
                    default:
                        report.Rejected++;
                        foreach (var error in rows[i].Errors)
                        {
                            report.Add(new ImportRejection(Where(rows[i]), rows[i].Number, error.Column, error.Reason));
                        }
                        break;
                }
            }
        }
    }
}
