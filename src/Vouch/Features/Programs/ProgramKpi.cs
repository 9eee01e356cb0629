using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Vouch.Features.Programs;

/// <summary>One of the program's (at most five) KPIs: a measure of the dashboard, a name, a target and which way is better.</summary>
public sealed class ProgramKpi
{
    public const int NameMaxLength = 100;
    public const int MeasureMaxLength = 60;

    public Guid Id { get; set; } = Guid.CreateVersion7();

    /// <summary>1 to 5: the order the program listed them in.</summary>
    public int Position { get; set; }
    public required string Measure { get; set; }
    public required string Name { get; set; }
    public decimal Target { get; set; }
    public bool HigherIsBetter { get; set; }
}

internal sealed class ProgramKpiConfiguration : IEntityTypeConfiguration<ProgramKpi>
{
    public void Configure(EntityTypeBuilder<ProgramKpi> builder)
    {
        builder.ToTable("ProgramKpis");
        builder.Property(k => k.Measure).HasMaxLength(ProgramKpi.MeasureMaxLength);
        builder.Property(k => k.Name).HasMaxLength(ProgramKpi.NameMaxLength);
        builder.Property(k => k.Target).HasPrecision(18, 4);
        builder.HasIndex(k => k.Position).IsUnique();
    }
}

/// <summary>
/// Who gets the monthly executive report by email, and the last month sent to them, marked in the same save as the email
/// so each month goes once.
/// </summary>
public sealed class ReportSubscription
{
    public Guid UserId { get; set; }
    public DateTimeOffset SubscribedAt { get; set; }

    /// <summary>The last month (yyyy-MM) whose report was queued for this user.</summary>
    public string? SentFor { get; set; }
}

internal sealed class ReportSubscriptionConfiguration : IEntityTypeConfiguration<ReportSubscription>
{
    public void Configure(EntityTypeBuilder<ReportSubscription> builder)
    {
        builder.ToTable("ReportSubscriptions");
        builder.HasKey(s => s.UserId);
        builder.Property(s => s.SentFor).HasMaxLength(7);
        builder.HasOne<Users.User>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
