using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Vouch.Data;

namespace Vouch.Features.Salesforce;

/// <summary>
/// What the admin chose to sync and when: the one row of settings that is the program's, not the server's. The
/// connection itself is in configuration (<see cref="SalesforceSettings"/>). Audited: who turned pushing on is worth knowing.
/// </summary>
public sealed class SalesforceSync : IVersioned
{
    public const int ObjectNameMaxLength = 80;
    public const int LeadSourceMaxLength = 40;

    /// <summary>There is one, made by the migration that adds the table, so nothing has to create it.</summary>
    public const int TheOne = 1;

    public int Id { get; set; } = TheOne;

    /// <summary>Whether records are pulled on the schedule; a sync asked for from the page or the API runs either way.</summary>
    public bool PullOnSchedule { get; set; } = true;

    public int IntervalMinutes { get; set; } = 60;

    /// <summary>
    /// Since when each completed reference activity on a Salesforce deal is written to it; null when it is not. Only what
    /// happens after pushing is turned on is pushed, so the past does not arrive in Salesforce all at once.
    /// </summary>
    public DateTimeOffset? ActivitiesPushedSince { get; set; }

    /// <summary>The object activities are written as: <c>Task</c>, or a custom object such as <c>Reference_Activity__c</c>.</summary>
    public string ActivityObject { get; set; } = "Task";

    /// <summary>Since when each referral is written as a Lead; null when it is not.</summary>
    public DateTimeOffset? ReferralsPushedSince { get; set; }

    /// <summary>The Lead Source of a referral's Lead; it must be a value of the org's picklist.</summary>
    public string LeadSource { get; set; } = "Customer Referral";

    /// <summary>When someone asked for a sync now; the job runs it at its next look and clears it.</summary>
    public DateTimeOffset? RequestedAt { get; set; }
    public Guid? RequestedById { get; set; }
    public Guid Version { get; set; } = Guid.NewGuid();
}

/// <summary>
/// How far the pull of one Salesforce object has come: every record modified before <see cref="Through"/> has been read.
/// Moved on after every saved batch, so a sync that stops (a restart, the org's API limit) goes on from there.
/// </summary>
public sealed class SalesforceCursor : INotAudited
{
    public required string Object { get; set; }
    public DateTimeOffset Through { get; set; }
}

public enum SalesforceRunStatus { Running, Completed, WaitingForLimit, Failed }

public enum SalesforceTrigger { Schedule, Manual }

/// <summary>
/// One sync: what it pulled and pushed, and how it ended. Bookkeeping, so not audited: the records it writes are.
/// The records it rejected are kept under its id, as a file import's are (<see cref="Import.ImportRejections"/>).
/// </summary>
public sealed class SalesforceSyncRun : INotAudited
{
    public const int ErrorMaxLength = 2_000;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public SalesforceTrigger Trigger { get; set; }
    public Guid? StartedById { get; set; }
    public SalesforceRunStatus Status { get; set; }
    public DateTimeOffset StartedAt { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }

    /// <summary>The object being pulled or pushed now, while the sync runs.</summary>
    public string? Current { get; set; }
    public int Created { get; set; }
    public int Updated { get; set; }
    public int Unchanged { get; set; }
    public int Rejected { get; set; }

    /// <summary>Records deleted in Salesforce that this sync read: contact roles are removed, the rest kept.</summary>
    public int Deleted { get; set; }
    public int ActivitiesPushed { get; set; }
    public int LeadsPushed { get; set; }
    public int PushesFailed { get; set; }
    public int ApiCalls { get; set; }

    /// <summary>The org's API requests used and allowed today, as Salesforce last said.</summary>
    public string? ApiUsage { get; set; }

    public string? Error { get; set; }

    /// <summary>When a sync that met the org's API limit goes on.</summary>
    public DateTimeOffset? ResumeAt { get; set; }
}

/// <summary>What Vouch wrote to Salesforce: a reference activity as a Task, a referral as a Lead; written once each.</summary>
public sealed class SalesforcePush : INotAudited
{
    public const int IdMaxLength = 18;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public SalesforcePushKind Kind { get; set; }

    /// <summary>The request or referral pushed.</summary>
    public Guid SourceId { get; set; }
    public string? SalesforceId { get; set; }
    public DateTimeOffset? PushedAt { get; set; }
    public int Attempts { get; set; }
    public string? Error { get; set; }
}

public enum SalesforcePushKind { Activity, Referral }

internal sealed class SalesforceSyncConfiguration : IEntityTypeConfiguration<SalesforceSync>
{
    public void Configure(EntityTypeBuilder<SalesforceSync> builder)
    {
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.ActivityObject).HasMaxLength(SalesforceSync.ObjectNameMaxLength);
        builder.Property(s => s.LeadSource).HasMaxLength(SalesforceSync.LeadSourceMaxLength);
        builder.Property(s => s.Version).IsConcurrencyToken();
        builder.HasData(new SalesforceSync { Version = new Guid("5a1e5f0c-0000-4000-8000-000000000001") });
    }
}

internal sealed class SalesforceCursorConfiguration : IEntityTypeConfiguration<SalesforceCursor>
{
    public void Configure(EntityTypeBuilder<SalesforceCursor> builder)
    {
        builder.HasKey(c => c.Object);
        builder.Property(c => c.Object).HasMaxLength(SalesforceSync.ObjectNameMaxLength);
    }
}

internal sealed class SalesforceSyncRunConfiguration : IEntityTypeConfiguration<SalesforceSyncRun>
{
    public void Configure(EntityTypeBuilder<SalesforceSyncRun> builder)
    {
        builder.Property(r => r.Trigger).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.Current).HasMaxLength(SalesforceSync.ObjectNameMaxLength);
        builder.Property(r => r.ApiUsage).HasMaxLength(40);
        builder.Property(r => r.Error).HasMaxLength(SalesforceSyncRun.ErrorMaxLength);
        builder.HasIndex(r => r.StartedAt);
    }
}

internal sealed class SalesforcePushConfiguration : IEntityTypeConfiguration<SalesforcePush>
{
    public void Configure(EntityTypeBuilder<SalesforcePush> builder)
    {
        builder.Property(p => p.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(p => p.SalesforceId).HasMaxLength(SalesforcePush.IdMaxLength);
        builder.Property(p => p.Error).HasMaxLength(SalesforceSyncRun.ErrorMaxLength);
        // One push a record: a second sync finds it pushed, or failed and due again.
        builder.HasIndex(p => new { p.Kind, p.SourceId }).IsUnique();
    }
}
