using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Vouch.Features.Accounts;
using Vouch.Features.Users;

namespace Vouch.Features.Ideas;

/// <summary>One person's vote for one idea. The key (idea, user) makes a second vote impossible in the database itself.</summary>
public sealed class IdeaVote
{
    public Guid IdeaId { get; set; }
    public Guid UserId { get; set; }
    public DateTimeOffset At { get; set; }

    /// <summary>The customer account the voter belonged to when they voted; none for employees.</summary>
    public Guid? AccountId { get; set; }

    /// <summary>
    /// Set on the votes a merge brought over from a duplicate (the duplicate keeps its own), so undoing the merge removes
    /// exactly these.
    /// </summary>
    public Guid? MergedFromIdeaId { get; set; }
}

internal sealed class IdeaVoteConfiguration : IEntityTypeConfiguration<IdeaVote>
{
    public void Configure(EntityTypeBuilder<IdeaVote> builder)
    {
        builder.HasKey(v => new { v.IdeaId, v.UserId });
        builder.HasOne<Idea>().WithMany().HasForeignKey(v => v.IdeaId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<User>().WithMany().HasForeignKey(v => v.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Account>().WithMany().HasForeignKey(v => v.AccountId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<Idea>().WithMany().HasForeignKey(v => v.MergedFromIdeaId).OnDelete(DeleteBehavior.Restrict);
        // Most votes have no account (employees) and nearly none came from a merge: the indexes on those columns leave
        // the empty ones out, so a vote writes fewer index entries. A lookup of one account or one duplicate still
        // reads them, since "= x" implies "IS NOT NULL".
        builder.HasIndex(v => new { v.IdeaId, v.AccountId }).HasFilter("\"AccountId\" IS NOT NULL");
        builder.HasIndex(v => v.UserId);
        builder.HasIndex(v => v.AccountId).HasFilter("\"AccountId\" IS NOT NULL");
        builder.HasIndex(v => v.MergedFromIdeaId).HasFilter("\"MergedFromIdeaId\" IS NOT NULL");
    }
}
