using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Vouch.Data;
using Vouch.Features.Contacts;
using Vouch.Features.Opportunities;
using Vouch.Features.Users;

namespace Vouch.Features.Discovery;

/// <summary>Proposed waits for the reference team; accepted puts the contact into recruiting; declined ends it.</summary>
public enum NominationState { Proposed, Accepted, Declined }

/// <summary>Who proposed the contact: a person, or a deal the contact helped win.</summary>
public enum NominationSource { Person, WonDeal }

/// <summary>
/// Someone proposes a customer as a future advocate, with a reason; the reference team accepts (the contact is then
/// being recruited, from the day of the decision) or declines, with a note.
/// </summary>
public sealed class Nomination : IVersioned
{
    public const int ReasonMaxLength = 1_000;
    public const int NoteMaxLength = 1_000;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid ContactId { get; set; }
    public Contact? Contact { get; set; }
    public NominationSource Source { get; set; }

    /// <summary>Who nominated the contact; none when a won deal proposed them.</summary>
    public Guid? NominatedById { get; set; }
    public User? NominatedBy { get; set; }

    /// <summary>The won deal that proposed the contact.</summary>
    public Guid? OpportunityId { get; set; }
    public required string Reason { get; set; }
    public DateTimeOffset ProposedAt { get; set; }
    public NominationState State { get; set; }
    public Guid? DecidedById { get; set; }
    public User? DecidedBy { get; set; }
    public DateTimeOffset? DecidedAt { get; set; }
    public string? DecisionNote { get; set; }
    public Guid Version { get; set; } = Guid.NewGuid();
}

internal sealed class NominationConfiguration : IEntityTypeConfiguration<Nomination>
{
    public void Configure(EntityTypeBuilder<Nomination> builder)
    {
        builder.ToTable("Nominations");
        builder.Property(n => n.Source).HasConversion<string>().HasMaxLength(10);
        builder.Property(n => n.State).HasConversion<string>().HasMaxLength(10);
        builder.Property(n => n.Reason).HasMaxLength(Nomination.ReasonMaxLength);
        builder.Property(n => n.DecisionNote).HasMaxLength(Nomination.NoteMaxLength);
        builder.Property(n => n.Version).IsConcurrencyToken();
        builder.HasOne(n => n.Contact).WithMany().HasForeignKey(n => n.ContactId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(n => n.NominatedBy).WithMany().HasForeignKey(n => n.NominatedById).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne(n => n.DecidedBy).WithMany().HasForeignKey(n => n.DecidedById).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<Opportunity>().WithMany().HasForeignKey(n => n.OpportunityId).OnDelete(DeleteBehavior.SetNull);
        // One open nomination per contact, held by the database against two people nominating at once.
        builder.HasIndex(n => n.ContactId, "IX_Nominations_ContactId_Open").IsUnique().HasFilter("\"State\" = 'Proposed'");
        // A won deal proposes each of its contacts once, however many instances look at the same time.
        builder.HasIndex(n => new { n.OpportunityId, n.ContactId }).IsUnique();
        builder.HasIndex(n => new { n.State, n.ProposedAt });
        builder.HasIndex(n => new { n.ContactId, n.ProposedAt });
    }
}
