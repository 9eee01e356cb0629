using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Vouch.Features.Users;

namespace Vouch.Features.Contacts;

/// <summary>
/// One change of a contact's consent: what it became, who recorded it and when. The history a program shows when
/// asked "who said we could?".
/// </summary>
public sealed class ConsentRecord
{
    public const int ChangeMaxLength = 1_000;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid ContactId { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
    public Guid? RecordedById { get; set; }
    public User? RecordedBy { get; set; }
    public ConsentLevel Consent { get; set; }
    public DateOnly? GivenOn { get; set; }
    public DateOnly? ExpiresOn { get; set; }
    public string? Scope { get; set; }

    /// <summary>The keys of the activity types agreed to, comma-separated, as they stood after the change.</summary>
    public string ActivityTypes { get; set; } = "";

    /// <summary>What changed, in words, when the contact changed their own preferences ("most asks a quarter: 3 → 2").</summary>
    public string? Change { get; set; }
}

internal sealed class ConsentRecordConfiguration : IEntityTypeConfiguration<ConsentRecord>
{
    public void Configure(EntityTypeBuilder<ConsentRecord> builder)
    {
        builder.Property(r => r.Consent).HasConversion<string>().HasMaxLength(10);
        builder.Property(r => r.Scope).HasMaxLength(500);
        builder.Property(r => r.ActivityTypes).HasMaxLength(2000);
        builder.Property(r => r.Change).HasMaxLength(ConsentRecord.ChangeMaxLength);
        builder.HasOne<Contact>().WithMany().HasForeignKey(r => r.ContactId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(r => r.RecordedBy).WithMany().OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(r => new { r.ContactId, r.RecordedAt });
    }
}
