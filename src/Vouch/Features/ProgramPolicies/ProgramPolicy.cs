using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Vouch.Data;
using Vouch.Features.ActivityTypes;
using Vouch.Features.Requests;
using Vouch.Features.Users;

namespace Vouch.Features.ProgramPolicies;

/// <summary>
/// The program's content-use rules as reference managers set them: one row. Until someone saves it the defaults
/// hold: a logo needs its contact's written consent, and a case study approved more than 24 months ago needs approving again.
/// </summary>
public sealed class ProgramPolicy : IVersioned
{
    public static readonly Guid TheId = StableId.For("program-policy");

    /// <summary>The version of the defaults, before anyone saved the policy: what a first save must send.</summary>
    public static readonly Guid DefaultVersion = StableId.For("program-policy:defaults");

    public const int DefaultCaseStudyReapprovalMonths = 24;

    public Guid Id { get; set; } = TheId;
    public bool LogoNeedsWrittenConsent { get; set; } = true;

    /// <summary>Months after its approval that a case study needs approving again; none means it never does.</summary>
    public int? CaseStudyReapprovalMonths { get; set; } = DefaultCaseStudyReapprovalMonths;
    public Guid Version { get; set; } = DefaultVersion;
}

/// <summary>When in the sales cycle one activity may be asked for; an activity without a row may be asked for at any time.</summary>
public sealed class ActivityPolicy
{
    public Guid ActivityTypeId { get; set; }
    public ActivityType? ActivityType { get; set; }

    /// <summary>An open stage of <see cref="SalesStages"/>; none means any stage.</summary>
    public string? MinimumStage { get; set; }
    public decimal? MinimumDealSize { get; set; }
}

public enum ExceptionState { Requested, Approved, Declined }

/// <summary>
/// A request outside the program's policy: the rules it broke when it was made, and a reference manager's decision.
/// It exists only for requests outside policy; until it is approved, nobody is proposed for the request.
/// </summary>
public sealed class PolicyException
{
    // Short enough to be quoted in the declined request's reason.
    public const int ReasonMaxLength = 400;

    public Guid RequestId { get; set; }

    /// <summary>The keys of the rules broken (<see cref="PolicyEngine.Rules"/>).</summary>
    public List<string> Rules { get; set; } = [];

    /// <summary>Each broken rule in words, as the requester was told.</summary>
    public List<string> Reasons { get; set; } = [];
    public ExceptionState State { get; set; }
    public DateTimeOffset RequestedAt { get; set; }
    public Guid? DecidedById { get; set; }
    public string? DecidedBy { get; set; }
    public DateTimeOffset? DecidedAt { get; set; }
    public string? Reason { get; set; }
}

internal sealed class ProgramPolicyConfiguration : IEntityTypeConfiguration<ProgramPolicy>
{
    public void Configure(EntityTypeBuilder<ProgramPolicy> builder)
    {
        builder.ToTable("ProgramPolicy");
        builder.Property(p => p.Version).IsConcurrencyToken();
    }
}

internal sealed class ActivityPolicyConfiguration : IEntityTypeConfiguration<ActivityPolicy>
{
    public void Configure(EntityTypeBuilder<ActivityPolicy> builder)
    {
        builder.HasKey(p => p.ActivityTypeId);
        builder.Property(p => p.MinimumStage).HasMaxLength(40);
        builder.Property(p => p.MinimumDealSize).HasPrecision(18, 2);
        builder.HasOne(p => p.ActivityType).WithMany().HasForeignKey(p => p.ActivityTypeId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class PolicyExceptionConfiguration : IEntityTypeConfiguration<PolicyException>
{
    public void Configure(EntityTypeBuilder<PolicyException> builder)
    {
        builder.HasKey(e => e.RequestId);
        // Two managers deciding at once: the save of the second finds the state it read gone, and nothing of it is kept.
        builder.Property(e => e.State).HasConversion<string>().HasMaxLength(20).IsConcurrencyToken();
        builder.Property(e => e.DecidedBy).HasMaxLength(256);
        builder.Property(e => e.Reason).HasMaxLength(PolicyException.ReasonMaxLength);
        builder.HasOne<ReferenceRequest>().WithOne().HasForeignKey<PolicyException>(e => e.RequestId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<User>().WithMany().HasForeignKey(e => e.DecidedById).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(e => new { e.State, e.RequestedAt });
    }
}
