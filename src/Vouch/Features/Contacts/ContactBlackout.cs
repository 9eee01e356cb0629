using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Vouch.Features.Contacts;

/// <summary>Dates on which a contact must not be asked (a product launch, a holiday, a quiet period).</summary>
public sealed class ContactBlackout
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid ContactId { get; set; }
    public DateOnly Starts { get; set; }
    public DateOnly Ends { get; set; }
    public string? Reason { get; set; }
}

internal sealed class ContactBlackoutConfiguration : IEntityTypeConfiguration<ContactBlackout>
{
    public void Configure(EntityTypeBuilder<ContactBlackout> builder)
    {
        builder.Property(b => b.Reason).HasMaxLength(200);
        builder.HasIndex(b => new { b.ContactId, b.Starts });
    }
}
