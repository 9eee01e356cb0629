using System.Globalization;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Vouch.Data;
using Vouch.Features.Import;

namespace Vouch.Features.Salesforce;

/// <summary>SOQL as the sync writes it.</summary>
public static class Soql
{
    /// <summary>A date-time literal: UTC, to the millisecond, as SOQL and ISO 8601 write it.</summary>
    public static string DateTime(DateTimeOffset at) =>
        at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    /// <summary>
    /// An object's records modified at or after <paramref name="through"/> (all of them, the first time), oldest first.
    /// Many records can share one <c>SystemModstamp</c>, so the id orders them within it: a sync that stops between two
    /// reads them again from that moment, which changes nothing for those already saved.
    /// </summary>
    public static string ChangedSince(string sObject, IEnumerable<string> fields, DateTimeOffset? through) =>
        $"SELECT {string.Join(", ", fields)} FROM {sObject}"
        + (through is { } since ? $" WHERE SystemModstamp >= {DateTime(since)}" : "")
        + " ORDER BY SystemModstamp ASC, Id ASC";
}

/// <summary>
/// The records of one Salesforce object changed since the last sync, read as the rows of a file: the importer maps,
/// checks, matches and reports them as it does an export file's. Records in the recycle bin are not rows: they are
/// kept aside for <see cref="SalesforcePull"/>.
/// </summary>
internal sealed class SalesforceRows(SalesforceClient client, TableImporter table, DateTimeOffset? through) : RowSource
{
    private int _total;

    public TableImporter Table => table;
    public override string Name => table.SalesforceObject;
    public override IReadOnlyList<string> Headers { get; } = [.. table.SalesforceColumns.Keys];
    public override int RowCount => _total;

    /// <summary>Users are never deleted in Salesforce, only deactivated: the User object has no <c>IsDeleted</c>.</summary>
    public bool HasDeletions => table != ImportTables.Users;

    /// <summary>The modification time of the last record handed on: every record before it has been read.</summary>
    public DateTimeOffset? ReadThrough { get; private set; }

    /// <summary>The ids of deleted records read and not yet dealt with.</summary>
    public List<string> Deleted { get; } = [];

    public override async IAsyncEnumerable<SourceRow> ReadAsync([EnumeratorCancellation] CancellationToken ct)
    {
        string[] bookkeeping = HasDeletions ? ["SystemModstamp", "IsDeleted"] : ["SystemModstamp"];
        var fields = Headers.Concat(bookkeeping).Distinct(StringComparer.OrdinalIgnoreCase);
        var number = 0;
        await foreach (var page in client.QueryAsync(Soql.ChangedSince(Name, fields, through), includeDeleted: HasDeletions, ct))
        {
            _total = page.TotalSize;
            foreach (var record in page.Records)
            {
                number++;
                ReadThrough = DateTimeOffset.Parse(record["SystemModstamp"]!, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
                if (record.GetValueOrDefault("IsDeleted") == "true")
                {
                    Deleted.Add(record["Id"]!);
                    continue;
                }
                yield return new SourceRow(number, record, record.GetValueOrDefault("Id"));
            }
        }
    }
}

/// <summary>How far a pull has come: the importer's progress and the deleted records read so far.</summary>
public sealed record SalesforcePullProgress(ImportProgress Import, int Deleted);

/// <summary>
/// Pulls users, accounts, contacts, opportunities and contact roles changed in Salesforce since the last sync, through
/// the file import's <see cref="Importer"/>. After every saved batch the object's cursor moves on, so a sync that stops
/// goes on from there. Deleted contact roles are removed; deleted accounts, contacts and opportunities are kept, since
/// Vouch holds their consent and reference history (docs/decisions/0033-salesforce-sync.md).
/// </summary>
public sealed class SalesforcePull(VouchDbContext db, Importer importer, SalesforceClient client)
{
    /// <summary>Pulls what changed since the cursors; the records it rejects are kept under <paramref name="runId"/>.</summary>
    public async Task<(ImportReport Report, int Deleted)> RunAsync(Guid runId, Func<SalesforcePullProgress, Task> progress, CancellationToken ct)
    {
        importer.ImportId = runId;
        var cursors = await db.Set<SalesforceCursor>().AsNoTracking().ToDictionaryAsync(c => c.Object, c => c.Through, ct);
        var sources = ImportTables.All
            .Select(table => new SalesforceRows(client, table, cursors.TryGetValue(table.SalesforceObject, out var through) ? through : null))
            .ToList();
        var deleted = 0;
        var report = await importer.RunAsync(
            [.. sources.Select(s => new ImportSource(s.Table, s))], ColumnMapping.None, salesforce: true,
            async step =>
            {
                // Every row handed on so far is saved or rejected: the cursor can pass them.
                var source = sources.Single(s => s.Name == step.File);
                deleted += await RemoveDeletedAsync(source, ct);
                await MoveCursorAsync(source, ct);
                await progress(new SalesforcePullProgress(step, deleted));
            },
            ct);
        return (report, deleted);
    }

    private async Task<int> RemoveDeletedAsync(SalesforceRows source, CancellationToken ct)
    {
        var ids = source.Deleted.ToList();
        source.Deleted.Clear();
        if (ids.Count > 0 && source.Table == ImportTables.OpportunityContactRoles)
        {
            // Tracked, not a bulk delete: the audit log keeps who removed each role and what it was.
            db.OpportunityContactRoles.RemoveRange(await db.OpportunityContactRoles.Where(r => r.ExternalId != null && ids.Contains(r.ExternalId)).ToListAsync(ct));
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
        }
        return ids.Count;
    }

    private async Task MoveCursorAsync(SalesforceRows source, CancellationToken ct)
    {
        if (source.ReadThrough is not { } through)
        {
            return;
        }
        var moved = await db.Set<SalesforceCursor>().Where(c => c.Object == source.Name)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.Through, through), ct);
        if (moved == 0)
        {
            db.Add(new SalesforceCursor { Object = source.Name, Through = through });
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
        }
    }
}
