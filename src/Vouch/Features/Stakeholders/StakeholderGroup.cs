using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Vouch.Data;
using Vouch.Features.Users;

namespace Vouch.Features.Stakeholders;

/// <summary>
/// A group of the program's stakeholders (sales, marketing, PR…): where it stands in the priority order and its rules
/// of engagement, which activities it may ask for and its share of capacity when advocates are scarce.
/// </summary>
public sealed class StakeholderGroup : IVersioned
{
    public const int NameMaxLength = 100;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public required string Key { get; set; }
    public required string Name { get; set; }

    /// <summary>1 comes first; groups of equal priority are ordered by name.</summary>
    public int Priority { get; set; }

    /// <summary>The keys of the activity types the group may ask for; empty means any.</summary>
    public List<string> Activities { get; set; } = [];

    /// <summary>The share of scarce capacity the group is meant to get, in percent; the groups' shares add up to 100 at most.</summary>
    public int CapacityShare { get; set; }
    public Guid Version { get; set; } = Guid.NewGuid();
}

/// <summary>A user's stakeholder group: their requests are the group's. A user is in one group at most.</summary>
public sealed class StakeholderMember
{
    public Guid UserId { get; set; }
    public Guid GroupId { get; set; }
}

/// <summary>The groups every new program starts with, in priority order.</summary>
public static class DefaultStakeholderGroups
{
    public sealed record Default(string Key, string Name, int CapacityShare, IReadOnlyList<string> Activities);

    public static IReadOnlyList<Default> All { get; } =
    [
        new("sales", "Sales", 50, ["reference-call", "site-visit", "case-study", "video", "quote", "logo-use", "referral"]),
        new("marketing", "Marketing", 20, ["case-study", "video", "quote", "logo-use", "speaking", "webinar", "review-site-review", "event-host"]),
        new("pr", "PR", 10, ["press-release", "media-interview", "quote", "logo-use", "brand-defence"]),
        new("analyst-relations", "Analyst relations", 10, ["analyst-reference", "quote"]),
        new("product", "Product", 10, ["advisory-board", "beta-feedback", "community-answer"]),
    ];
}

internal sealed class StakeholderGroupConfiguration : IEntityTypeConfiguration<StakeholderGroup>
{
    public void Configure(EntityTypeBuilder<StakeholderGroup> builder)
    {
        builder.Property(g => g.Key).HasMaxLength(40);
        builder.Property(g => g.Name).HasMaxLength(StakeholderGroup.NameMaxLength);
        builder.Property(g => g.Version).IsConcurrencyToken();
        // Kept as one comma-separated column: seeded rows of a list column differ on every model comparison in PostgreSQL.
        builder.Property(g => g.Activities)
            .HasConversion(
                keys => string.Join(',', keys),
                text => text.Split(',', StringSplitOptions.RemoveEmptyEntries).ToList(),
                new ValueComparer<List<string>>((a, b) => a!.SequenceEqual(b!), keys => keys.Aggregate(0, (hash, key) => HashCode.Combine(hash, key)), keys => keys.ToList()))
            .HasMaxLength(2000);
        builder.HasIndex(g => g.Key).IsUnique();
        builder.HasData(DefaultStakeholderGroups.All.Select((g, index) => new StakeholderGroup
        {
            Id = StableId.For("stakeholder-group:" + g.Key),
            Key = g.Key,
            Name = g.Name,
            Priority = index + 1,
            Activities = [.. g.Activities],
            CapacityShare = g.CapacityShare,
            Version = StableId.For("stakeholder-group-version:" + g.Key),
        }));
    }
}

internal sealed class StakeholderMemberConfiguration : IEntityTypeConfiguration<StakeholderMember>
{
    public void Configure(EntityTypeBuilder<StakeholderMember> builder)
    {
        builder.HasKey(m => m.UserId);
        builder.HasOne<User>().WithOne().HasForeignKey<StakeholderMember>(m => m.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<StakeholderGroup>().WithMany().HasForeignKey(m => m.GroupId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(m => m.GroupId);
    }
}
