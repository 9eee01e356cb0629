using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Vouch.Data;

namespace Vouch.Features.Reviews;

/// <summary>The review sites Vouch knows by name; any other is <see cref="Other"/> with its name.</summary>
public enum ReviewSite { G2, TrustRadius, GartnerPeerInsights, Capterra, PeerSpot, Other }

/// <summary>A first review on the site, or a fresh one from reviewers whose last review has grown old.</summary>
public enum CampaignKind { New, Refresh }

/// <summary>A push for reviews on one site, with dates, a target and whatever reviewers are offered, disclosed.</summary>
public sealed class ReviewCampaign : IVersioned
{
    public const int NameMaxLength = 200;
    public const int SiteNameMaxLength = 100;
    public const int IncentiveMaxLength = 500;
    public const int DisclosureMaxLength = 2000;
    public const int MaxTarget = 10_000;
    public const int MaxRefreshAfterMonths = 120;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public required string Name { get; set; }
    public ReviewSite Site { get; set; }

    /// <summary>The site's name when it is <see cref="ReviewSite.Other"/>; none for a known site.</summary>
    public string? SiteName { get; set; }
    public DateOnly StartsOn { get; set; }
    public DateOnly EndsOn { get; set; }

    /// <summary>How many reviews the campaign aims for.</summary>
    public int TargetCount { get; set; }
    public CampaignKind Kind { get; set; }

    /// <summary>For a refresh: invite reviewers whose last review on the site is older than this.</summary>
    public int? RefreshAfterMonths { get; set; }

    /// <summary>What a reviewer is offered ("USD 25 gift card"); none when nothing is.</summary>
    public string? Incentive { get; set; }

    /// <summary>The words the invitation and the review carry about the incentive, as the sites require.</summary>
    public string? IncentiveDisclosure { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public Guid Version { get; set; } = Guid.NewGuid();

    /// <summary>The site as people name it: "G2", "Gartner Peer Insights", or the other site's own name.</summary>
    public string SiteLabel => LabelOf(Site, SiteName);

    public static string LabelOf(ReviewSite site, string? siteName) => site switch
    {
        ReviewSite.GartnerPeerInsights => "Gartner Peer Insights",
        ReviewSite.Other => siteName ?? "another site",
        _ => site.ToString(),
    };
}

internal sealed class ReviewCampaignConfiguration : IEntityTypeConfiguration<ReviewCampaign>
{
    public void Configure(EntityTypeBuilder<ReviewCampaign> builder)
    {
        builder.Property(c => c.Name).HasMaxLength(ReviewCampaign.NameMaxLength);
        builder.Property(c => c.Site).HasConversion<string>().HasMaxLength(30);
        builder.Property(c => c.SiteName).HasMaxLength(ReviewCampaign.SiteNameMaxLength);
        builder.Property(c => c.Kind).HasConversion<string>().HasMaxLength(10);
        builder.Property(c => c.Incentive).HasMaxLength(ReviewCampaign.IncentiveMaxLength);
        builder.Property(c => c.IncentiveDisclosure).HasMaxLength(ReviewCampaign.DisclosureMaxLength);
        builder.Property(c => c.Version).IsConcurrencyToken();
        builder.Ignore(c => c.SiteLabel);
        // The list shows the latest campaigns first.
        builder.HasIndex(c => new { c.StartsOn, c.Id });
    }
}
