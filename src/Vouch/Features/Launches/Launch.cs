using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Vouch.Features.Accounts;
using Vouch.Features.ActivityTypes;
using Vouch.Features.Catalog;

namespace Vouch.Features.Launches;

/// <summary>A product launch the program recruits references for: which product, when, for which segments.</summary>
public sealed class Launch
{
    public const int NameMaxLength = 200;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public required string Name { get; set; }
    public Guid ProductId { get; set; }
    public Product? Product { get; set; }
    public DateOnly Date { get; set; }

    /// <summary>The segments the launch is aimed at, by name (<see cref="Segment"/>).</summary>
    public List<string> Segments { get; set; } = [];
    public List<LaunchTarget> Targets { get; set; } = [];
    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>How many references of one activity the launch needs in one segment.</summary>
public sealed class LaunchTarget
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid LaunchId { get; set; }
    public Segment Segment { get; set; }
    public Guid ActivityTypeId { get; set; }
    public ActivityType? ActivityType { get; set; }
    public int Needed { get; set; }
}

internal sealed class LaunchConfiguration : IEntityTypeConfiguration<Launch>
{
    public void Configure(EntityTypeBuilder<Launch> builder)
    {
        builder.Property(l => l.Name).HasMaxLength(Launch.NameMaxLength);
        builder.HasOne(l => l.Product).WithMany().HasForeignKey(l => l.ProductId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(l => l.Targets).WithOne().HasForeignKey(t => t.LaunchId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(l => new { l.Date, l.Id });
    }
}

internal sealed class LaunchTargetConfiguration : IEntityTypeConfiguration<LaunchTarget>
{
    public void Configure(EntityTypeBuilder<LaunchTarget> builder)
    {
        builder.Property(t => t.Segment).HasConversion<string>().HasMaxLength(20);
        builder.HasOne(t => t.ActivityType).WithMany().HasForeignKey(t => t.ActivityTypeId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(t => new { t.LaunchId, t.Segment, t.ActivityTypeId }).IsUnique();
    }
}
