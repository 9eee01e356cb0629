using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Vouch.Features.Users;

namespace Vouch.Features.Ideas;

public sealed class IdeaComment
{
    public const int TextMaxLength = 5_000;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid IdeaId { get; set; }
    public Guid AuthorId { get; set; }
    public User? Author { get; set; }
    public required string Text { get; set; }
    public DateTimeOffset At { get; set; }
}

internal sealed class IdeaCommentConfiguration : IEntityTypeConfiguration<IdeaComment>
{
    public void Configure(EntityTypeBuilder<IdeaComment> builder)
    {
        builder.Property(c => c.Text).HasMaxLength(IdeaComment.TextMaxLength);
        builder.HasOne<Idea>().WithMany().HasForeignKey(c => c.IdeaId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(c => c.Author).WithMany().HasForeignKey(c => c.AuthorId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(c => new { c.IdeaId, c.At });
        builder.HasIndex(c => c.AuthorId);
    }
}
