using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Vouch.Features.Contacts;

namespace Vouch.Features.Offers;

/// <summary>
/// One kind of social capital a contact wants, with what shows it ("blogs weekly", "chairs a user group"). The needs
/// of a contact are kept in step with <see cref="Contact.SocialCapitalWanted"/>, which matching and recommendations read.
/// </summary>
public sealed class SocialCapitalNeed
{
    public const int EvidenceMaxLength = 500;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid ContactId { get; set; }

    /// <summary>One flag of <see cref="SocialCapital"/>.</summary>
    public SocialCapital Capital { get; set; }
    public string? Evidence { get; set; }
    public required string RecordedBy { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
}

internal sealed class SocialCapitalNeedConfiguration : IEntityTypeConfiguration<SocialCapitalNeed>
{
    public void Configure(EntityTypeBuilder<SocialCapitalNeed> builder)
    {
        builder.Property(n => n.Capital).HasConversion<string>().HasMaxLength(20);
        builder.Property(n => n.Evidence).HasMaxLength(SocialCapitalNeed.EvidenceMaxLength);
        builder.Property(n => n.RecordedBy).HasMaxLength(OfferApplication.ByNameMaxLength);
        builder.HasOne<Contact>().WithMany().HasForeignKey(n => n.ContactId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(n => new { n.ContactId, n.Capital }).IsUnique();
    }
}
