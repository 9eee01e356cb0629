using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Vouch.Data;

namespace Vouch.Features.Import;

public enum ImportStatus { Queued, Running, Completed, Failed }

/// <summary>
/// An import started from the app: what was uploaded, how far it has come and, once done, its report. Kept in the
/// database so that any request (and any server) can read the progress of an import running in the background.
/// Its progress is bookkeeping, not a change to the inventory, so it is not audited: the records it writes are.
/// Its rejected rows are kept under its id (<see cref="ImportRejections"/>).
/// </summary>
public sealed class ImportJob : INotAudited
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public ImportKind Kind { get; set; }
    public ImportStatus Status { get; set; }
    public Guid StartedById { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }

    /// <summary>The uploaded files' names, one a line.</summary>
    public string Files { get; set; } = "";

    /// <summary>The column mapping, "Source column=field" one a line.</summary>
    public string Mapping { get; set; } = "";
    public string? CurrentFile { get; set; }
    public int RowsDone { get; set; }
    public int RowsTotal { get; set; }

    /// <summary>Rows of the current file imported a second so far.</summary>
    public int RowsPerSecond { get; set; }
    public int Created { get; set; }
    public int Updated { get; set; }
    public int Unchanged { get; set; }
    public int Rejected { get; set; }

    /// <summary>Why the whole import failed (an unreadable file), when it did.</summary>
    public string? Error { get; set; }
}

internal sealed class ImportJobConfiguration : IEntityTypeConfiguration<ImportJob>
{
    public void Configure(EntityTypeBuilder<ImportJob> builder)
    {
        builder.Property(j => j.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(j => j.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(j => j.Files).HasMaxLength(4000);
        builder.Property(j => j.Mapping).HasMaxLength(4000);
        builder.Property(j => j.CurrentFile).HasMaxLength(260);
        builder.Property(j => j.Error).HasMaxLength(2000);
        builder.HasIndex(j => j.CreatedAt);
    }
}
