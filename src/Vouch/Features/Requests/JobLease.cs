using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Vouch.Features.Requests;

/// <summary>
/// Who may run a scheduled job until when. Several app instances call the same job every minute; the one whose
/// conditional update takes an expired lease runs it, the others skip, so each run happens once.
/// </summary>
public sealed class JobLease
{
    public const string RequestDeadlines = "request-deadlines";

    public required string Name { get; set; }
    public DateTimeOffset LeasedUntil { get; set; }
    public string? Holder { get; set; }
}

internal sealed class JobLeaseConfiguration : IEntityTypeConfiguration<JobLease>
{
    public void Configure(EntityTypeBuilder<JobLease> builder)
    {
        builder.HasKey(l => l.Name);
        builder.Property(l => l.Name).HasMaxLength(100);
        builder.Property(l => l.Holder).HasMaxLength(200);
        builder.HasData(new JobLease { Name = JobLease.RequestDeadlines, LeasedUntil = DateTimeOffset.UnixEpoch });
    }
}
