using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Vouch.Features.Contacts;

/// <summary>A contact's answer to "how likely are you to recommend us?" (0–10), with what they said.</summary>
public sealed class NpsAnswer
{
    public const int CommentMaxLength = 2000;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid ContactId { get; set; }
    public DateOnly AnsweredOn { get; set; }
    public int Score { get; set; }
    public string? Comment { get; set; }

    /// <summary>Promoters answer 9 or 10, detractors 0 to 6.</summary>
    public static bool IsPromoter(int score) => score >= 9;
    public static bool IsDetractor(int score) => score <= 6;
}

internal sealed class NpsAnswerConfiguration : IEntityTypeConfiguration<NpsAnswer>
{
    public void Configure(EntityTypeBuilder<NpsAnswer> builder)
    {
        builder.Property(a => a.Comment).HasMaxLength(NpsAnswer.CommentMaxLength);
        builder.ToTable(t => t.HasCheckConstraint("CK_NpsAnswers_Score", "\"Score\" BETWEEN 0 AND 10"));
        builder.HasOne<Contact>().WithMany().HasForeignKey(a => a.ContactId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(a => new { a.ContactId, a.AnsweredOn });
    }
}
