using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Vouch.Features.Contacts;
using Vouch.Features.Engagements;

namespace Vouch.Features.Events;

/// <summary>
/// An advocate on an event's stage: an ask of their time and a give of the stage, both in the ledger, released
/// together when the speaker is taken off.
/// </summary>
public sealed class EventSpeaker
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid EventId { get; set; }
    public Event? Event { get; set; }
    public Guid ContactId { get; set; }
    public Contact? Contact { get; set; }

    /// <summary>The ledger's ask of the speaker's time.</summary>
    public Guid AskEngagementId { get; set; }

    /// <summary>The ledger's give of the stage.</summary>
    public Guid GiveEngagementId { get; set; }
    public DateTimeOffset AddedAt { get; set; }
}

internal sealed class EventSpeakerConfiguration : IEntityTypeConfiguration<EventSpeaker>
{
    public void Configure(EntityTypeBuilder<EventSpeaker> builder)
    {
        builder.ToTable("EventSpeakers");
        builder.HasOne(s => s.Event).WithMany().HasForeignKey(s => s.EventId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(s => s.Contact).WithMany().HasForeignKey(s => s.ContactId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Engagement>().WithMany().HasForeignKey(s => s.AskEngagementId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Engagement>().WithMany().HasForeignKey(s => s.GiveEngagementId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(s => new { s.EventId, s.ContactId }).IsUnique();
        builder.HasIndex(s => s.ContactId);
        builder.HasIndex(s => s.AskEngagementId);
        builder.HasIndex(s => s.GiveEngagementId);
    }
}
