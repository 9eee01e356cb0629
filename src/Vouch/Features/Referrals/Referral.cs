using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Vouch.Data;
using Vouch.Features.Accounts;
using Vouch.Features.Contacts;
using Vouch.Features.Opportunities;
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

    /// <summary>The advocate credited with the referral: the first who referred the prospect.</summary>
    public Guid ReferredById { get; set; }
    public Contact? ReferredBy { get; set; }

    /// <summary>The advocate's account, whose referrals it counts among.</summary>
    public Guid AccountId { get; set; }
    public required string Company { get; set; }

    /// <summary>The prospect's web domain, lower case: what tells one prospect company from another.</summary>
    public string? CompanyDomain { get; set; }
    public required string PersonName { get; set; }
    public string? PersonTitle { get; set; }

    /// <summary>The prospect's email, lower case, so that the same person referred twice is found by the index.</summary>
    public string? PersonEmail { get; set; }

    /// <summary>What the advocate said about them: why they would be a fit, how to reach them.</summary>
    public string? Note { get; set; }

    /// <summary>
    /// Where the team has taken it. Once an opportunity is linked this stays <see cref="ReferralStatus.Opportunity"/>:
    /// won or lost is read from the deal (<see cref="ReferralStages.Outcome"/>), whichever way the deal was closed.
    /// </summary>
    public ReferralStatus Status { get; set; }
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>The deal it became, when it became one.</summary>
    public Guid? OpportunityId { get; set; }
    public Opportunity? Opportunity { get; set; }

    /// <summary>Who recorded it: the advocate themself in the portal, or the reference team.</summary>
    public Guid? RecordedById { get; set; }
    public Guid Version { get; set; } = Guid.NewGuid();
}

/// <summary>One move of a referral from a stage to the next, timed; the audit log keeps who made it too.</summary>
public sealed class ReferralMove
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid ReferralId { get; set; }
    public ReferralStatus From { get; set; }
    public ReferralStatus To { get; set; }
    public DateTimeOffset At { get; set; }
    public Guid? ById { get; set; }
}

/// <summary>
/// The same prospect referred again by someone else (or again by the same advocate): merged into the first referral,
/// which keeps the credit, and kept here as "also referred by".
/// </summary>
public sealed class MergedReferral
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid ReferralId { get; set; }
    public Guid ReferredById { get; set; }
    public Contact? ReferredBy { get; set; }
    public DateTimeOffset At { get; set; }
    public string? Note { get; set; }
    public Guid? RecordedById { get; set; }
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
        builder.HasOne(r => r.Opportunity).WithMany().HasForeignKey(r => r.OpportunityId).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(r => new { r.ReferredById, r.CreatedAt });
        // The account's referrals (its stats) and the report's filters read by these.
        builder.HasIndex(r => new { r.AccountId, r.CreatedAt });
        builder.HasIndex(r => new { r.Status, r.CreatedAt });
        builder.HasIndex(r => r.OpportunityId);
        builder.HasIndex(r => r.CreatedAt);
        builder.HasIndex(r => r.CompanyDomain);
        builder.HasIndex(r => r.PersonEmail);
    }
}

internal sealed class ReferralMoveConfiguration : IEntityTypeConfiguration<ReferralMove>
{
    public void Configure(EntityTypeBuilder<ReferralMove> builder)
    {
        builder.Property(m => m.From).HasConversion<string>().HasMaxLength(20);
        builder.Property(m => m.To).HasConversion<string>().HasMaxLength(20);
        builder.HasOne<Referral>().WithMany().HasForeignKey(m => m.ReferralId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<User>().WithMany().HasForeignKey(m => m.ById).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(m => new { m.ReferralId, m.At });
    }
}

internal sealed class MergedReferralConfiguration : IEntityTypeConfiguration<MergedReferral>
{
    public void Configure(EntityTypeBuilder<MergedReferral> builder)
    {
        builder.Property(m => m.Note).HasMaxLength(Referral.NoteMaxLength);
        builder.HasOne<Referral>().WithMany().HasForeignKey(m => m.ReferralId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(m => m.ReferredBy).WithMany().HasForeignKey(m => m.ReferredById).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<User>().WithMany().HasForeignKey(m => m.RecordedById).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(m => m.ReferralId);
        builder.HasIndex(m => m.ReferredById);
    }
}
