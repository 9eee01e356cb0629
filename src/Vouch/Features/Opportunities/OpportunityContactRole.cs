using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Vouch.Features.Accounts;
using Vouch.Features.Contacts;

namespace Vouch.Features.Opportunities;

/// <summary>A contact's part in a deal ("Decision Maker", "Economic Buyer"), as the CRM records it.</summary>
public sealed class OpportunityContactRole
{
    public const int RoleMaxLength = 100;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid OpportunityId { get; set; }
    public Opportunity? Opportunity { get; set; }
    public Guid ContactId { get; set; }
    public Contact? Contact { get; set; }
    public string? Role { get; set; }
    public string? ExternalId { get; set; }
}

internal sealed class OpportunityContactRoleConfiguration : IEntityTypeConfiguration<OpportunityContactRole>
{
    public void Configure(EntityTypeBuilder<OpportunityContactRole> builder)
    {
        builder.Property(r => r.Role).HasMaxLength(OpportunityContactRole.RoleMaxLength);
        builder.Property(r => r.ExternalId).HasMaxLength(Account.ExternalIdMaxLength);
        builder.HasOne(r => r.Opportunity).WithMany().HasForeignKey(r => r.OpportunityId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(r => r.Contact).WithMany().HasForeignKey(r => r.ContactId).OnDelete(DeleteBehavior.Cascade);
        // Contacts are soft-deleted; a role of a deleted contact is hidden with it.
        builder.HasQueryFilter(r => r.Contact!.DeletedAt == null);
        builder.HasIndex(r => r.OpportunityId);
        builder.HasIndex(r => r.ContactId);
        builder.HasIndex(r => r.ExternalId).IsUnique();
    }
}
