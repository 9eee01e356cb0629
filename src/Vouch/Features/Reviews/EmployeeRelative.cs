using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Vouch.Features.Contacts;

namespace Vouch.Features.Reviews;

/// <summary>
/// A contact who is family of one of our employees, so that review sites' rules keep them out of every campaign though
/// their email is their own company's. Employees themselves are known by their email's domain (see
/// <see cref="CompanyDomains"/>).
/// </summary>
public sealed class EmployeeRelative
{
    public const int RelationMaxLength = 200;

    /// <summary>The contact; a contact is recorded once.</summary>
    public Guid ContactId { get; set; }

    /// <summary>How they are related, in words ("sister of Jo Park, sales").</summary>
    public required string Relation { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
}

internal sealed class EmployeeRelativeConfiguration : IEntityTypeConfiguration<EmployeeRelative>
{
    public void Configure(EntityTypeBuilder<EmployeeRelative> builder)
    {
        builder.HasKey(r => r.ContactId);
        builder.Property(r => r.Relation).HasMaxLength(EmployeeRelative.RelationMaxLength);
        builder.HasOne<Contact>().WithMany().HasForeignKey(r => r.ContactId).OnDelete(DeleteBehavior.Cascade);
    }
}
