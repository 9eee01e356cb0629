using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Vouch.Data;
using Vouch.Features.Catalog;
using Vouch.Features.Ideas.Ranking;
using Vouch.Features.Users;

namespace Vouch.Features.Ideas;

public enum IdeaStatus { New, UnderReview, Planned, InProgress, Delivered, Declined, Duplicate }

/// <summary>
/// Which board an idea is on: the customers' board, which advocates and employees share, or the employees' own, which
/// no customer sees.
/// </summary>
public enum IdeaBoard { Customer, Employee }

/// <summary>A product idea from a customer or an employee, with the tallies the board sorts by.</summary>
public sealed class Idea
{
    public const int TitleMaxLength = 200;
    public const int DescriptionMaxLength = 10_000;
    public const int ResponseMaxLength = 5_000;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public required string Title { get; set; }
    public required string Description { get; set; }

    /// <summary>The product the idea is about, when the author said.</summary>
    public Guid? ProductId { get; set; }
    public Product? Product { get; set; }
    public Guid AuthorId { get; set; }
    public User? Author { get; set; }
    public DateTimeOffset CreatedAt { get; set; }

    public IdeaStatus Status { get; set; }

    public IdeaBoard Board { get; set; }

    /// <summary>The official response product management gave with the latest status.</summary>
    public string? Response { get; set; }
    public DateTimeOffset? StatusChangedAt { get; set; }

    /// <summary>The original this idea duplicates; set by a merge, cleared by its undo.</summary>
    public Guid? MergedIntoId { get; set; }
    public Idea? MergedInto { get; set; }

    /// <summary>The status the idea had before it was merged, restored when the merge is undone.</summary>
    public IdeaStatus? StatusBeforeMerge { get; set; }

    /// <summary>Hidden by a moderator: off the board and out of search for everyone but managers.</summary>
    public bool IsHidden { get; set; }
    public Guid? HiddenById { get; set; }
    public DateTimeOffset? HiddenAt { get; set; }

    /// <summary>Why the moderator hid it; told to the author.</summary>
    public string? HiddenReason { get; set; }

    // The tallies below are kept up to date by every vote, unvote and merge, so every sort is an index read. The votes
    // are audited; the tallies that follow from them are not.
    [DerivedValue]
    public int VoteCount { get; set; }

    /// <summary>log₂ of the sum of the votes' weights relative to <see cref="HotScore.Epoch"/>; see <see cref="HotScore"/>.</summary>
    [DerivedValue]
    public double HotScore { get; set; } = Ranking.HotScore.NoVotes;

    /// <summary>How many customer accounts the voters belong to.</summary>
    [DerivedValue]
    public int VoterAccounts { get; set; }

    /// <summary>The annual revenue of the voters' accounts, each account once.</summary>
    [DerivedValue]
    public double ValueRevenue { get; set; }

    /// <summary>The gross profit of the voters' accounts, each account once.</summary>
    [DerivedValue]
    public double ValueGrossProfit { get; set; }

    public Demand Demand
    {
        get => new(VoteCount, VoterAccounts, ValueRevenue, ValueGrossProfit);
        set => (VoteCount, VoterAccounts, ValueRevenue, ValueGrossProfit) = (value.Voters, value.Accounts, value.Revenue, value.GrossProfit);
    }

    /// <summary>Whether the idea takes votes: not once it is delivered, declined or merged into another.</summary>
    public bool IsOpen => Status is not (IdeaStatus.Delivered or IdeaStatus.Declined or IdeaStatus.Duplicate) && MergedIntoId is null;
}

internal sealed class IdeaConfiguration : IEntityTypeConfiguration<Idea>
{
    public void Configure(EntityTypeBuilder<Idea> builder)
    {
        builder.Property(i => i.Title).HasMaxLength(Idea.TitleMaxLength);
        builder.Property(i => i.Description).HasMaxLength(Idea.DescriptionMaxLength);
        builder.Property(i => i.Response).HasMaxLength(Idea.ResponseMaxLength);
        builder.Property(i => i.HiddenReason).HasMaxLength(IdeaComment.HiddenReasonMaxLength);
        builder.Property(i => i.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(i => i.StatusBeforeMerge).HasConversion<string>().HasMaxLength(20);
        builder.Property(i => i.Board).HasConversion<string>().HasMaxLength(20);
        builder.Ignore(i => i.Demand);
        builder.Ignore(i => i.IsOpen);
        builder.HasOne(i => i.Product).WithMany().OnDelete(DeleteBehavior.SetNull);
        builder.HasOne(i => i.Author).WithMany().HasForeignKey(i => i.AuthorId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<User>().WithMany().HasForeignKey(i => i.HiddenById).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne(i => i.MergedInto).WithMany().HasForeignKey(i => i.MergedIntoId).OnDelete(DeleteBehavior.Restrict);
        // One index per sort, ending in the id that breaks ties, so the first page of any sort reads an index in order.
        builder.HasIndex(i => new { i.HotScore, i.Id });
        builder.HasIndex(i => new { i.VoteCount, i.Id });
        builder.HasIndex(i => new { i.CreatedAt, i.Id });
        builder.HasIndex(i => new { i.ValueRevenue, i.VoteCount, i.Id });
        builder.HasIndex(i => new { i.ValueGrossProfit, i.VoteCount, i.Id });
        builder.HasIndex(i => i.ProductId);
        builder.HasIndex(i => i.AuthorId);
        // Also counts a board's total without reading the ideas themselves (open ideas are those merged into none and
        // not hidden, each board's apart, and by status when asked): on PostgreSQL at a million ideas, an index-only scan
        // of 0.1 s rather than a scan of the table's 260 MB in 0.6 s.
        builder.HasIndex(i => new { i.MergedIntoId, i.IsHidden, i.Board, i.Status });
        // An idea's duplicates are found by this one. The index above holds every idea, nearly all with no original, so
        // the statistics say a lookup in it reads them all and SQLite scans the table instead (0.2 s at a million ideas);
        // this one holds only the merged ones.
        builder.HasIndex(i => i.MergedIntoId, "IX_Ideas_MergedIntoId_Merged").HasFilter("\"MergedIntoId\" IS NOT NULL");
    }
}

/// <summary>How statuses read, and which a manager may set.</summary>
public static class IdeaStatuses
{
    /// <summary>Every status but Duplicate, which only a merge sets.</summary>
    public static readonly IReadOnlyList<IdeaStatus> Settable = [.. Enum.GetValues<IdeaStatus>().Where(s => s != IdeaStatus.Duplicate)];

    public static string Label(IdeaStatus status) => status switch
    {
        IdeaStatus.UnderReview => "Under review",
        IdeaStatus.InProgress => "In progress",
        _ => status.ToString(),
    };
}
