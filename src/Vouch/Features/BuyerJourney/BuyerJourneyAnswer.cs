using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Vouch.Features.Opportunities;
using Vouch.Features.Users;

namespace Vouch.Features.BuyerJourney;

/// <summary>
/// What influenced the buyer of a closed deal, and at which stage: one answer per deal, given once it is won or lost.
/// The value model reads it to weigh the touches of the deal (decision 26).
/// </summary>
public sealed class BuyerJourneyAnswer
{
    public const int NoteMaxLength = 2_000;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid OpportunityId { get; set; }
    public Opportunity? Opportunity { get; set; }

    /// <summary>Everything the buyer said influenced them, the one that mattered most among them.</summary>
    public List<Influence> Influences { get; set; } = [];
    public Influence MatteredMost { get; set; }
    public JourneyStage Stage { get; set; }
    public string? Note { get; set; }
    public DateTimeOffset AnsweredAt { get; set; }
    public Guid? AnsweredById { get; set; }
}

internal sealed class BuyerJourneyAnswerConfiguration : IEntityTypeConfiguration<BuyerJourneyAnswer>
{
    public void Configure(EntityTypeBuilder<BuyerJourneyAnswer> builder)
    {
        builder.ToTable("BuyerJourneyAnswers");
        builder.Property(a => a.MatteredMost).HasConversion<string>().HasMaxLength(20);
        builder.Property(a => a.Stage).HasConversion<string>().HasMaxLength(20);
        builder.Property(a => a.Note).HasMaxLength(BuyerJourneyAnswer.NoteMaxLength);
        builder.HasOne(a => a.Opportunity).WithMany().HasForeignKey(a => a.OpportunityId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<User>().WithMany().HasForeignKey(a => a.AnsweredById).OnDelete(DeleteBehavior.SetNull);
        // One answer per deal, even when two people answer at once.
        builder.HasIndex(a => a.OpportunityId).IsUnique();
    }
}
