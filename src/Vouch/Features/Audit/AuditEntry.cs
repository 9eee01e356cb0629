using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Vouch.Features.Audit;

public enum AuditAction { Created, Updated, Deleted, Erased }

/// <summary>
/// One change to one record: who, what, which record, when, and the values before and after.
/// Append-only: the application refuses to change or delete entries and so does the database. The one exception is
/// erasing a person: their personal data in an entry is replaced and <see cref="RedactedAt"/> set, nothing else.
/// </summary>
public sealed class AuditEntry
{
    public long Id { get; set; }
    public DateTimeOffset At { get; set; }
    public Guid? UserId { get; set; }

    /// <summary>Who made the change as people read it: an email, or "cli" / "system".</summary>
    public required string Actor { get; set; }
    public AuditAction Action { get; set; }
    public required string RecordType { get; set; }
    public required string RecordId { get; set; }

    /// <summary>JSON object of the changed properties' old values; null for a creation.</summary>
    public string? Before { get; set; }

    /// <summary>JSON object of the changed properties' new values; null for a deletion.</summary>
    public string? After { get; set; }

    /// <summary>The import that made the change, for a record an import created or changed and for the import's own entry.</summary>
    public Guid? ImportId { get; set; }

    /// <summary>When personal data in <see cref="Before"/>, <see cref="After"/> or <see cref="Actor"/> was replaced.</summary>
    public DateTimeOffset? RedactedAt { get; set; }
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.Property(e => e.Actor).HasMaxLength(256);
        builder.Property(e => e.Action).HasConversion<string>().HasMaxLength(10);
        builder.Property(e => e.RecordType).HasMaxLength(100);
        builder.Property(e => e.RecordId).HasMaxLength(100);
        builder.HasIndex(e => new { e.RecordType, e.RecordId });
        builder.HasIndex(e => e.At);
        builder.HasIndex(e => e.ImportId);
    }
}
