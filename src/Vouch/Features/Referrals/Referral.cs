using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Vouch.Data;
using Vouch.Features.Accounts;
using Vouch.Features.Contacts;
using Vouch.Features.Users;

namespace Vouch.Features.Referrals;

/// <summary>How far a referred prospect has come.</summary>
public enum ReferralStatus { New, Contacted, Qualified, Opportunity, Won, Lost }

/// <summary>A prospect company and person that an advocate brought us, credited to them.</summary>
public sealed class Referral : IVersioned
{
    public const int NameMaxLength = 200;
    public const int NoteMaxLength = 2_000;

    public Guid Id { get; set; } = Guid.CreateVersion7();

    /// <summary>The advocate credited with the referral.</summary>
    public Guid ReferredById { get; set; }
    public Contact? ReferredBy { get; set; }

    /// <summary>The advocate's account, whose referrals it counts among.</summary>
    public Guid AccountId { get; set; }
    public required string Company { get; set; }

    /// <summary>The prospect's web domain, lower case: what tells one prospect company from another.</summary>
    public string? CompanyDomain { get; set; }
    public required string PersonName { get; set; }
    public string? PersonTitle { get; set; }
    public string? PersonEmail { get; set; }

    /// <summary>What the advocate said about them: why they would be a fit, how to reach them.</summary>
    public string? Note { get; set; }
    public ReferralStatus Status { get; set; }
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Who recorded it: the advocate themself in the portal, or the reference team.</summary>
    public Guid? RecordedById { get; set; }
    public Guid Version { get; set; } = Guid.NewGuid();
}

internal sealed class ReferralConfiguration : IEntityTypeConfiguration<Referral>
{
    public void Configure(EntityTypeBuilder<Referral> builder)
    {
        builder.Property(r => r.Company).HasMaxLength(Referral.NameMaxLength);
        builder.Property(r => r.CompanyDomain).HasMaxLength(Referral.NameMaxLength);
        builder.Property(r => r.PersonName).HasMaxLength(Referral.NameMaxLength);
        builder.Property(r => r.PersonTitle).HasMaxLength(Referral.NameMaxLength);
        builder.Property(r => r.PersonEmail).HasMaxLength(Contact.EmailMaxLength);
        builder.Property(r => r.Note).HasMaxLength(Referral.NoteMaxLength);
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.Version).IsConcurrencyToken();
        builder.HasOne(r => r.ReferredBy).WithMany().HasForeignKey(r => r.ReferredById).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Account>().WithMany().HasForeignKey(r => r.AccountId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<User>().WithMany().HasForeignKey(r => r.RecordedById).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(r => new { r.ReferredById, r.CreatedAt });
        builder.HasIndex(r => r.CreatedAt);
        builder.HasIndex(r => r.CompanyDomain);
        builder.HasIndex(r => r.PersonEmail);
    }
}
