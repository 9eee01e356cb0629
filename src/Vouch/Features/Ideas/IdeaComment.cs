using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Vouch.Features.Users;

namespace Vouch.Features.Ideas;

public sealed class IdeaComment
{
    public const int TextMaxLength = 5_000;
    public const int HiddenReasonMaxLength = 500;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid IdeaId { get; set; }
    public Guid AuthorId { get; set; }
    public User? Author { get; set; }
    public required string Text { get; set; }
    public DateTimeOffset At { get; set; }

    /// <summary>Hidden by a moderator: everyone but managers sees that it was hidden instead of its text.</summary>
    public bool IsHidden { get; set; }
    public Guid? HiddenById { get; set; }
    public DateTimeOffset? HiddenAt { get; set; }

    /// <summary>Why the moderator hid it; told to the author, who is not shown the text again.</summary>
    public string? HiddenReason { get; set; }
}

internal sealed class IdeaCommentConfiguration : IEntityTypeConfiguration<IdeaComment>
{
    public void Configure(EntityTypeBuilder<IdeaComment> builder)
    {
        builder.Property(c => c.Text).HasMaxLength(IdeaComment.TextMaxLength);
        builder.Property(c => c.HiddenReason).HasMaxLength(IdeaComment.HiddenReasonMaxLength);
        builder.HasOne<User>().WithMany().HasForeignKey(c => c.HiddenById).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<Idea>().WithMany().HasForeignKey(c => c.IdeaId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(c => c.Author).WithMany().HasForeignKey(c => c.AuthorId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(c => new { c.IdeaId, c.At });
        builder.HasIndex(c => c.AuthorId);
    }
}
