using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Vouch.Data;
using Vouch.Features.Contacts;

namespace Vouch.Features.ActivityTypes;

/// <summary>
/// Something an advocate can do for the company (a reference call, a case study, a talk), with what it costs them
/// and how long they rest afterwards. Admins change these; the defaults ship with every database.
/// </summary>
public sealed class ActivityType : IVersioned
{
    public const int KeyMaxLength = 40;
    public const int NameMaxLength = 100;

    public Guid Id { get; set; } = Guid.CreateVersion7();

    /// <summary>The stable key scripts and the API use, such as <c>reference-call</c>.</summary>
    public required string Key { get; set; }
    public required string Name { get; set; }

    /// <summary>Hours of the advocate's time one activity takes.</summary>
    public decimal EffortHours { get; set; }

    /// <summary>Days an advocate is not asked again after one of these is scheduled or completed.</summary>
    public int RestPeriodDays { get; set; }

    /// <summary>The kinds of social capital the activity gives the advocate in return.</summary>
    public SocialCapital SocialCapitalOffered { get; set; }

    /// <summary>Who finds and books the advocate for a request of this type.</summary>
    public Fulfilment Fulfilment { get; set; }

    /// <summary>Retired types stay on past records but are no longer offered.</summary>
    public bool IsActive { get; set; } = true;
    public int SortOrder { get; set; }
    public Guid Version { get; set; } = Guid.NewGuid();
}

internal sealed class ActivityTypeConfiguration : IEntityTypeConfiguration<ActivityType>
{
    public void Configure(EntityTypeBuilder<ActivityType> builder)
    {
        builder.Property(t => t.Key).HasMaxLength(ActivityType.KeyMaxLength);
        builder.Property(t => t.Name).HasMaxLength(ActivityType.NameMaxLength);
        builder.Property(t => t.EffortHours).HasPrecision(6, 2);
        builder.Property(t => t.Fulfilment).HasConversion<string>().HasMaxLength(20);
        builder.Property(t => t.Version).IsConcurrencyToken();
        builder.HasIndex(t => t.Key).IsUnique();
        builder.HasData(DefaultActivityTypes.All.Select((t, index) => new ActivityType
        {
            Id = StableId.For("activity-type:" + t.Key),
            Key = t.Key,
            Name = t.Name,
            EffortHours = t.EffortHours,
            RestPeriodDays = t.RestPeriodDays,
            SocialCapitalOffered = t.Offers,
            Fulfilment = t.Fulfilment,
            SortOrder = (index + 1) * 10,
            Version = StableId.For("activity-type-version:" + t.Key),
        }));
    }
}

/// <summary>
/// Who fulfils a request: the reference program team picks and books the advocate, or the seller does it themselves
/// once the account owner consents.
/// </summary>
public enum Fulfilment { ProgramTeam, SelfService }

/// <summary>The activity types every new database starts with.</summary>
public static class DefaultActivityTypes
{
    public sealed record Default(
        string Key, string Name, decimal EffortHours, int RestPeriodDays, SocialCapital Offers, Fulfilment Fulfilment = Fulfilment.ProgramTeam);

    public static IReadOnlyList<Default> All { get; } =
    [
        new("reference-call", "Reference call", 1m, 30, SocialCapital.Affiliation | SocialCapital.Reputation, Fulfilment.SelfService),
        new("site-visit", "Site visit", 4m, 90, SocialCapital.Affiliation | SocialCapital.Status),
        new("case-study", "Case study", 6m, 180, SocialCapital.Reputation | SocialCapital.Status),
        new("video", "Video testimonial", 4m, 180, SocialCapital.Reputation | SocialCapital.Status),
        new("quote", "Quote", 0.5m, 60, SocialCapital.Reputation),
        new("logo-use", "Logo use", 0.25m, 365, SocialCapital.Reputation),
        new("press-release", "Press release", 2m, 180, SocialCapital.Reputation | SocialCapital.Status),
        new("media-interview", "Media interview", 2m, 90, SocialCapital.Reputation | SocialCapital.Status),
        new("analyst-reference", "Analyst reference", 1m, 90, SocialCapital.Reputation | SocialCapital.ProductSay),
        new("speaking", "Speaking", 8m, 120, SocialCapital.Reputation | SocialCapital.Status | SocialCapital.Affiliation),
        new("webinar", "Webinar", 4m, 90, SocialCapital.Reputation | SocialCapital.Status),
        new("review-site-review", "Review-site review", 1m, 180, SocialCapital.Reputation),
        new("advisory-board", "Advisory board", 8m, 90, SocialCapital.ProductSay | SocialCapital.Affiliation | SocialCapital.Status),
        new("beta-feedback", "Beta feedback", 4m, 60, SocialCapital.ProductSay | SocialCapital.Learning),
        new("community-answer", "Community answer", 0.5m, 7, SocialCapital.Affiliation | SocialCapital.Learning | SocialCapital.Reputation),
        new("referral", "Referral", 1m, 30, SocialCapital.Affiliation | SocialCapital.Status),
        new("event-host", "Event host", 12m, 180, SocialCapital.Status | SocialCapital.Affiliation | SocialCapital.Reputation),
        new("brand-defence", "Brand defence", 1m, 30, SocialCapital.Reputation | SocialCapital.Affiliation),
    ];
}
