using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Vouch.Features.Users;

namespace Vouch.Features.Ideas;

/// <summary>Someone who is told when the idea's status changes. Authors follow their own ideas.</summary>
public sealed class IdeaFollow
{
    public Guid IdeaId { get; set; }
    public Guid UserId { get; set; }
    public DateTimeOffset Since { get; set; }
}

internal sealed class IdeaFollowConfiguration : IEntityTypeConfiguration<IdeaFollow>
{
    public void Configure(EntityTypeBuilder<IdeaFollow> builder)
    {
        builder.HasKey(f => new { f.IdeaId, f.UserId });
        builder.HasOne<Idea>().WithMany().HasForeignKey(f => f.IdeaId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<User>().WithMany().HasForeignKey(f => f.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(f => f.UserId);
    }
}
