using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Vouch.Features.Accounts;
using Vouch.Features.Contacts;

namespace Vouch.Features.Events;

/// <summary>Who an attendee is to us: a customer already, or a prospect the event may help win.</summary>
public enum AttendeeRole { Customer, Prospect }

/// <summary>
/// Someone registered for an event: a contact we know, or a prospect given by name, email and company (with their
/// account when there is one). Checked in once they came.
/// </summary>
public sealed class EventAttendee
{
    public const int NameMaxLength = 200;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid EventId { get; set; }
    public Event? Event { get; set; }
    public Guid? ContactId { get; set; }
    public Contact? Contact { get; set; }

    /// <summary>A prospect's name when they are no contact of ours.</summary>
    public string? Name { get; set; }

    /// <summary>A prospect's email, lower case, when they are no contact of ours.</summary>
    public string? Email { get; set; }

    /// <summary>A prospect's company when they are no contact of ours.</summary>
    public string? Company { get; set; }

    /// <summary>The account they belong to: the contact's, or the one a prospect was linked to. The conversion report follows it.</summary>
    public Guid? AccountId { get; set; }
    public Account? Account { get; set; }
    public AttendeeRole Role { get; set; }
    public DateTimeOffset RegisteredAt { get; set; }
    public DateTimeOffset? CheckedInAt { get; set; }
}

internal sealed class EventAttendeeConfiguration : IEntityTypeConfiguration<EventAttendee>
{
    public void Configure(EntityTypeBuilder<EventAttendee> builder)
    {
        builder.ToTable("EventAttendees");
        builder.Property(a => a.Name).HasMaxLength(EventAttendee.NameMaxLength);
        builder.Property(a => a.Email).HasMaxLength(Contact.EmailMaxLength);
        builder.Property(a => a.Company).HasMaxLength(Account.NameMaxLength);
        builder.Property(a => a.Role).HasConversion<string>().HasMaxLength(10);
        builder.HasOne(a => a.Event).WithMany().HasForeignKey(a => a.EventId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(a => a.Contact).WithMany().HasForeignKey(a => a.ContactId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(a => a.Account).WithMany().HasForeignKey(a => a.AccountId).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(a => new { a.EventId, a.CheckedInAt });
        // The conversion report reads every checked-in prospect's event and account from this index alone.
        builder.HasIndex(a => new { a.AccountId, a.EventId }, "IX_EventAttendees_CheckedInProspects")
            .HasFilter("\"Role\" = 'Prospect' AND \"CheckedInAt\" IS NOT NULL");
        builder.HasIndex(a => a.AccountId);
        builder.HasIndex(a => a.ContactId);
        builder.HasIndex(a => new { a.EventId, a.Email });
    }
}
