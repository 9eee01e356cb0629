using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Vouch.Data;
using Vouch.Features.Accounts;
using Vouch.Features.Contacts;

namespace Vouch.Features.Discovery;

/// <summary>
/// One contact as the discovery lists read it, kept up to date on every write (<see cref="CandidateScoreChanges"/>), so a
/// list's first page is read from an index instead of scoring every contact. It holds the total, what the score reads
/// that is not on the contact itself (the account's profit percentile, the latest NPS answer) and what the lists filter
/// and sort by; the parts and their words are the engine's, worked out again for the rows of a page.
/// </summary>
public sealed class CandidateScore : INotAudited
{
    public Guid ContactId { get; set; }
    public Guid AccountId { get; set; }
    public Segment? Segment { get; set; }
    public Guid? IndustryId { get; set; }

    /// <summary>Not yet an advocate, not erased and not deleted: someone the candidate lists show.</summary>
    public bool IsCandidate { get; set; }

    /// <summary>The discovery score, 0–100; 0 for contacts who are not candidates.</summary>
    public int Total { get; set; }
    public int? ProfitPercentile { get; set; }
    public int? LatestNps { get; set; }

    /// <summary>A candidate whose latest NPS answer is 9 or 10 and who has no ask in the ledger.</summary>
    public bool PromoterNeverAsked { get; set; }

    /// <summary>An advocate or rock star, not erased and not deleted: someone who may go quiet.</summary>
    public bool IsAdvocate { get; set; }

    /// <summary>The day of the contact's latest completed ask or give; none when there never was one.</summary>
    public DateOnly? LastEngagedOn { get; set; }
}

internal sealed class CandidateScoreConfiguration : IEntityTypeConfiguration<CandidateScore>
{
    public void Configure(EntityTypeBuilder<CandidateScore> builder)
    {
        builder.ToTable("CandidateScores");
        builder.HasKey(s => s.ContactId);
        builder.Property(s => s.Segment).HasConversion<string>().HasMaxLength(20);
        builder.HasOne<Contact>().WithOne().HasForeignKey<CandidateScore>(s => s.ContactId).OnDelete(DeleteBehavior.Cascade);
        // Each list's order, so its first page is the first rows of an index.
        builder.HasIndex(s => new { s.IsCandidate, s.Total, s.ContactId });
        builder.HasIndex(s => new { s.IsCandidate, s.Segment, s.Total, s.ContactId });
        builder.HasIndex(s => new { s.IsCandidate, s.IndustryId, s.Total, s.ContactId });
        builder.HasIndex(s => new { s.PromoterNeverAsked, s.Total, s.ContactId });
        builder.HasIndex(s => new { s.IsAdvocate, s.LastEngagedOn, s.ContactId });
        builder.HasIndex(s => s.AccountId);
    }
}
