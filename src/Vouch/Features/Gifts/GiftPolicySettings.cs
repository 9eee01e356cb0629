using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Vouch.Data;

namespace Vouch.Features.Gifts;

/// <summary>
/// The program's gift policy as admins set it: one row, read as <see cref="GiftRules"/>. Until an admin saves it, the
/// defaults of decision 20 hold (see <see cref="Default"/>).
/// </summary>
public sealed class GiftPolicySettings : IVersioned
{
    public static readonly Guid TheId = StableId.For("gift-policy");

    /// <summary>The version of the defaults, before anyone saved the policy: what a first save must send.</summary>
    public static readonly Guid DefaultVersion = StableId.For("gift-policy:defaults");

    /// <summary>Industries whose accounts are the public sector by default: their people may accept little or nothing.</summary>
    public static readonly IReadOnlyList<string> DefaultPublicSectorIndustries = ["government", "education", "not-for-profit"];

    public Guid Id { get; set; } = TheId;
    public string Currency { get; set; } = GiftRules.Default.Currency;
    public decimal YearlyLimit { get; set; } = GiftRules.Default.YearlyLimit;
    public decimal OccasionLimit { get; set; } = GiftRules.Default.OccasionLimit;
    public decimal PublicSectorYearlyLimit { get; set; } = GiftRules.Default.PublicSectorYearlyLimit;
    public decimal PublicSectorOccasionLimit { get; set; } = GiftRules.Default.PublicSectorOccasionLimit;
    public decimal ApprovalAbove { get; set; } = GiftRules.Default.ApprovalAbove;
    public decimal HoursPerGift { get; set; } = GiftRules.Default.HoursPerGift;

    /// <summary>The keys of the industries whose accounts count as the public sector.</summary>
    public List<string> PublicSectorIndustries { get; set; } = [.. DefaultPublicSectorIndustries];
    public Guid Version { get; set; } = DefaultVersion;

    public static GiftPolicySettings Default => new();

    public GiftRules Rules => new(Currency, YearlyLimit, OccasionLimit, PublicSectorYearlyLimit, PublicSectorOccasionLimit, ApprovalAbove, HoursPerGift);
}

internal sealed class GiftPolicySettingsConfiguration : IEntityTypeConfiguration<GiftPolicySettings>
{
    public void Configure(EntityTypeBuilder<GiftPolicySettings> builder)
    {
        builder.ToTable("GiftPolicy");
        builder.Property(p => p.Currency).HasMaxLength(3);
        foreach (var limit in new[] { nameof(GiftPolicySettings.YearlyLimit), nameof(GiftPolicySettings.OccasionLimit),
            nameof(GiftPolicySettings.PublicSectorYearlyLimit), nameof(GiftPolicySettings.PublicSectorOccasionLimit), nameof(GiftPolicySettings.ApprovalAbove) })
        {
            builder.Property<decimal>(limit).HasPrecision(12, 2);
        }
        builder.Property(p => p.HoursPerGift).HasPrecision(6, 2);
        builder.Property(p => p.Version).IsConcurrencyToken();
    }
}
