using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Vouch.Features.Audit;

namespace Vouch.Data;

/// <summary>
/// Adds an <see cref="AuditEntry"/> for every created, updated or deleted record to the same
/// SaveChanges, so a change and its audit entry are committed together or not at all. Who made the change is the
/// <see cref="AuditActor"/> of the context's scope; a context made outside any scope (a tool's) names the system.
/// A context saving for an import names the import on each entry (<see cref="VouchDbContext.ImportId"/>).
/// </summary>
public sealed class AuditInterceptor(TimeProvider clock) : SynchronousSaveInterceptor
{
    /// <summary>
    /// Values never copied into the log: hashes, keys, and every value kept encrypted with the data-protection keys
    /// (named <c>Protected…</c>, e.g. a webhook's secret or a Teams workflow's address), which the log would otherwise
    /// keep for ever, out of reach of a key rotation.
    /// </summary>
    private static readonly HashSet<string> s_secretProperties =
        ["PasswordHash", "SecurityStamp", "ConcurrencyStamp", "Hash", "Xml", "ProtectedSecret", "ProtectedTeamsAddress"];

    private static readonly ConcurrentDictionary<PropertyInfo, bool> s_derived = new();

    protected override void Saving(DbContext context)
    {
        var changes = context.ChangeTracker.Entries()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            .ToList();
        if (changes.Any(e => e.Entity is AuditEntry && e.State != EntityState.Added))
        {
            throw new InvalidOperationException("Audit entries are append-only: they cannot be changed or deleted.");
        }

        var now = clock.GetUtcNow();
        var actor = (context as VouchDbContext)?.Actor;
        var importId = (context as VouchDbContext)?.ImportId;
        foreach (var change in changes.Where(e => e.Entity is not (AuditEntry or INotAudited)))
        {
            var action = change.State switch
            {
                EntityState.Added => AuditAction.Created,
                EntityState.Deleted => AuditAction.Deleted,
                _ => AuditAction.Updated,
            };
            // An import's entries follow 0038-import-audit.md: a created record's holds its id alone, a changed one's
            // only the fields the import changed, not the new version the save gave it.
            var properties = change.Properties
                .Where(p => action != AuditAction.Updated || p.IsModified && !Equals(p.OriginalValue, p.CurrentValue) && !IsDerived(p)
                    && !(importId is not null && p.Metadata.IsConcurrencyToken))
                .ToList();
            if (action == AuditAction.Updated && properties.Count == 0)
            {
                continue;
            }
            var (userId, name) = actor?.Of(change.Entity) ?? AuditActor.System;
            context.Add(new AuditEntry
            {
                At = now,
                UserId = userId,
                Actor = name,
                Action = action,
                RecordType = change.Metadata.ClrType == typeof(Dictionary<string, object>) ? change.Metadata.Name : change.Metadata.ClrType.Name,
                RecordId = string.Join(",", change.Properties.Where(p => p.Metadata.IsPrimaryKey()).Select(p => p.CurrentValue)),
                ImportId = importId,
                Before = action == AuditAction.Created ? null : Serialize(properties, p => p.OriginalValue),
                After = action == AuditAction.Deleted || action == AuditAction.Created && importId is not null ? null : Serialize(properties, p => p.CurrentValue),
            });
        }
    }

    private static bool IsDerived(PropertyEntry property) =>
        property.Metadata.PropertyInfo is { } info && s_derived.GetOrAdd(info, p => p.IsDefined(typeof(DerivedValueAttribute), inherit: false));

    private static string Serialize(List<PropertyEntry> properties, Func<PropertyEntry, object?> value) =>
        JsonSerializer.Serialize(properties.ToDictionary(
            p => p.Metadata.Name,
            p => s_secretProperties.Contains(p.Metadata.Name) ? "(secret)" : value(p)));
}
