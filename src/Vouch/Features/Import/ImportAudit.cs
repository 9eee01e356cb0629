using System.Text.Json;
using Vouch.Data;
using Vouch.Features.Audit;

namespace Vouch.Features.Import;

/// <summary>
/// The audit of one import (docs/decisions/0038-import-audit.md): an entry for the import itself (who, which files,
/// the counts, when it started and finished) and, for each record it created or changed, an entry with the record's
/// id and, for a change, only the fields that changed with their values before and after. Every entry names the
/// import, so the import's page lists its changes and a record's history shows who changed it, when and from what.
/// </summary>
internal sealed class ImportAudit(Guid importId, (Guid? UserId, string Name) actor, TimeProvider clock)
{
    private readonly DateTimeOffset _startedAt = clock.GetUtcNow();

    public Guid ImportId => importId;

    /// <summary>What the import's own entry is filed under, with the import's id as the record's.</summary>
    public const string RecordType = "Import";

    /// <summary>The entries for the records a batch created and changed, all at the time the batch was written.</summary>
    public List<AuditEntry> EntriesOf(VouchDbContext db, StagedRecords staged)
    {
        var at = clock.GetUtcNow();
        var entries = new List<AuditEntry>();
        foreach (var record in staged.CreatedRecords)
        {
            entries.Add(Entry(db, record, AuditAction.Created, at, null, null));
        }
        foreach (var (record, changes) in staged.ChangedRecords)
        {
            entries.Add(Entry(db, record, AuditAction.Updated, at,
                JsonSerializer.Serialize(changes.Fields.ToDictionary(f => f.Key, f => f.Value.Before)),
                JsonSerializer.Serialize(changes.Fields.ToDictionary(f => f.Key, f => f.Value.After))));
        }
        return entries;
    }

    /// <summary>The import's own entry, written once it is done.</summary>
    public AuditEntry Summary(IReadOnlyList<string> files, ImportReport report) => Summary(files, report, clock.GetUtcNow());

    private AuditEntry Summary(IReadOnlyList<string> files, ImportReport report, DateTimeOffset finishedAt) => new()
    {
        At = finishedAt,
        UserId = actor.UserId,
        Actor = actor.Name,
        Action = AuditAction.Created,
        RecordType = RecordType,
        RecordId = importId.ToString(),
        ImportId = importId,
        After = JsonSerializer.Serialize(new
        {
            Files = files,
            report.Created,
            report.Updated,
            report.Unchanged,
            report.Rejected,
            StartedAt = _startedAt,
            FinishedAt = finishedAt,
        }),
    };

    private AuditEntry Entry(VouchDbContext db, object record, AuditAction action, DateTimeOffset at, string? before, string? after)
    {
        var type = db.Model.FindEntityType(record.GetType())!;
        return new AuditEntry
        {
            At = at,
            UserId = actor.UserId,
            Actor = actor.Name,
            Action = action,
            RecordType = type.ClrType.Name,
            RecordId = string.Join(",", type.FindPrimaryKey()!.Properties.Select(p => p.GetGetter().GetClrValue(record))),
            ImportId = importId,
            Before = before,
            After = after,
        };
    }
}
