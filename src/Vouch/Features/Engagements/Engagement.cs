using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Vouch.Features.Accounts;
using Vouch.Features.ActivityTypes;
using Vouch.Features.Contacts;
using Vouch.Features.Matching;

namespace Vouch.Features.Engagements;

/// <summary>An ask takes an advocate's time; a give is something the company does for them in return.</summary>
public enum EngagementKind { Ask, Give }

/// <summary>
/// Reserved holds the advocate's capacity from the moment a request names them; declined, cancelled and expired asks
/// are released and no longer count against any limit.
/// </summary>
public enum EngagementStatus { Reserved, Scheduled, Completed, Released }

/// <summary>
/// One entry in the ledger of every touch with an advocate. The caps, rest periods and the give/ask balance read it,
/// so an ask is written here the moment it is reserved, not when it happens.
/// </summary>
public sealed class Engagement
{
    public const int NotesMaxLength = 2_000;
    public const int TitleMaxLength = 200;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid ContactId { get; set; }
    public Contact? Contact { get; set; }
    public Guid AccountId { get; set; }
    public EngagementKind Kind { get; set; }

    /// <summary>What an ask asked for; a give names one only when it is an activity too (a speaking slot).</summary>
    public Guid? ActivityTypeId { get; set; }
    public ActivityType? ActivityType { get; set; }

    /// <summary>What was given, in words ("Speaking slot at the Customer Summit"); asks are named by their activity.</summary>
    public string? Title { get; set; }

    /// <summary>
    /// For a give, the hours of the advocate's own time it is worth to them in the give/ask balance; none for asks,
    /// whose hours are their activity type's effort.
    /// </summary>
    public decimal? CreditHours { get; set; }

    /// <summary>The offer a give took up, if it came from one.</summary>
    public Guid? OfferId { get; set; }

    /// <summary>The gift a give records, if it is one.</summary>
    public Guid? GiftId { get; set; }

    /// <summary>The reference request the ask fulfils; none for asks and gives recorded by hand.</summary>
    public Guid? RequestId { get; set; }
    public EngagementStatus Status { get; set; }

    /// <summary>When it takes or took place; while only reserved, when it was reserved.</summary>
    public DateTimeOffset At { get; set; }

    /// <summary>How the seller rated the advocate's part, 1 to 5.</summary>
    public int? Rating { get; set; }
    public string? Notes { get; set; }
    public Guid Version { get; set; } = Guid.NewGuid();

    /// <summary>The entry as the matching rules read it.</summary>
    public PastAsk ToPastAsk(int restPeriodDays) => PastAskOf(ContactId, AccountId, At, Status, restPeriodDays, Rating);

    /// <summary>An entry as the matching rules read it, from the columns alone.</summary>
    public static PastAsk PastAskOf(Guid contactId, Guid accountId, DateTimeOffset at, EngagementStatus status, int restPeriodDays, int? rating) => new(
        contactId, accountId, DateOnly.FromDateTime(at.UtcDateTime), status switch
        {
            EngagementStatus.Reserved => AskState.Reserved,
            EngagementStatus.Scheduled => AskState.Scheduled,
            EngagementStatus.Completed => AskState.Completed,
            _ => AskState.Released,
        }, restPeriodDays, rating);
}

internal sealed class EngagementConfiguration : IEntityTypeConfiguration<Engagement>
{
    public void Configure(EntityTypeBuilder<Engagement> builder)
    {
        builder.Property(e => e.Kind).HasConversion<string>().HasMaxLength(10);
        builder.Property(e => e.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(e => e.Notes).HasMaxLength(Engagement.NotesMaxLength);
        builder.Property(e => e.Title).HasMaxLength(Engagement.TitleMaxLength);
        builder.Property(e => e.CreditHours).HasPrecision(6, 2);
        builder.Property(e => e.Version).IsConcurrencyToken();
        builder.HasOne(e => e.Contact).WithMany().HasForeignKey(e => e.ContactId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Account>().WithMany().HasForeignKey(e => e.AccountId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(e => e.ActivityType).WithMany().HasForeignKey(e => e.ActivityTypeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(e => new { e.ContactId, e.At });
        builder.HasIndex(e => new { e.AccountId, e.At });
        builder.HasIndex(e => e.RequestId);
    }
}
