using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Vouch.Data;
using Vouch.Features.Accounts;
using Vouch.Features.Contacts;
using Vouch.Features.Engagements;

namespace Vouch.Features.Offers;

/// <summary>What the company gives an advocate in return for their time.</summary>
public enum OfferKind
{
    SpeakingSlot,
    WebinarHost,
    AdvisoryBoardSeat,
    EarlyAccess,
    MediaInterview,
    CommunityLeadership,
    PeerIntroduction,
    ProductTeamSession,
    FrontRowSeat,
}

/// <summary>
/// Draft until the team opens it; Full while accepted applications take every seat; Closed by hand or once its
/// closing day has passed. Only Draft, Open and Closed are stored: Full and a lapsed closing day are read from the
/// seats and the date (<see cref="Offer.StateOn"/>), so the state can never disagree with them.
/// </summary>
public enum OfferState { Draft, Open, Full, Closed }

/// <summary>Something the program offers its advocates: a stage, insider access, peers, status or a say.</summary>
public sealed class Offer : IVersioned
{
    public const int TitleMaxLength = Engagement.TitleMaxLength;
    public const int DescriptionMaxLength = 4000;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public required string Title { get; set; }
    public OfferKind Kind { get; set; }
    public string? Description { get; set; }

    /// <summary>The kinds of social capital the offer gives; at least one.</summary>
    public SocialCapital Gives { get; set; }

    /// <summary>The first day advocates may apply.</summary>
    public DateOnly OpensOn { get; set; }

    /// <summary>The last day advocates may apply.</summary>
    public DateOnly ClosesOn { get; set; }

    /// <summary>When it takes place, if it is an event (a conference, a board meeting).</summary>
    public DateOnly? EventOn { get; set; }

    /// <summary>How many advocates it can take.</summary>
    public int Capacity { get; set; }

    /// <summary>Seats taken: applications accepted or delivered. Kept on the offer so that accepting checks and takes a seat in one versioned save.</summary>
    public int SeatsTaken { get; set; }

    /// <summary>What it is worth to the advocate, in hours of their own time, in the give/ask balance (decision 19).</summary>
    public decimal CreditHours { get; set; }

    // Eligibility: an empty list lets everyone in.
    public List<Segment> Segments { get; set; } = [];
    public List<Guid> IndustryIds { get; set; } = [];
    public AdvocacyStage? MinimumStage { get; set; }

    /// <summary>Draft, Open or Closed as the team set it; see <see cref="StateOn"/> for the state people see.</summary>
    public OfferState State { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public Guid Version { get; set; } = Guid.NewGuid();

    public int SeatsLeft => Math.Max(0, Capacity - SeatsTaken);

    /// <summary>The state as of <paramref name="today"/>: closed by hand or by its date, full when no seat is left.</summary>
    public OfferState StateOn(DateOnly today) => StateOf(State, ClosesOn, Capacity, SeatsTaken, today);

    public static OfferState StateOf(OfferState stored, DateOnly closesOn, int capacity, int seatsTaken, DateOnly today) =>
        stored is OfferState.Draft or OfferState.Closed ? stored
        : closesOn < today ? OfferState.Closed
        : seatsTaken >= capacity ? OfferState.Full
        : OfferState.Open;
}

internal sealed class OfferConfiguration : IEntityTypeConfiguration<Offer>
{
    public void Configure(EntityTypeBuilder<Offer> builder)
    {
        builder.Property(o => o.Title).HasMaxLength(Offer.TitleMaxLength);
        builder.Property(o => o.Description).HasMaxLength(Offer.DescriptionMaxLength);
        builder.Property(o => o.Kind).HasConversion<string>().HasMaxLength(30);
        builder.Property(o => o.State).HasConversion<string>().HasMaxLength(10);
        builder.Property(o => o.MinimumStage).HasConversion<string>().HasMaxLength(20);
        builder.Property(o => o.CreditHours).HasPrecision(6, 2);
        builder.Property(o => o.Version).IsConcurrencyToken();
        builder.Ignore(o => o.SeatsLeft);
        // The open offers are read by state and closing day for every recommendation.
        builder.HasIndex(o => new { o.State, o.ClosesOn });
        // A give keeps its place in the ledger when its offer is deleted; it only loses the link.
        builder.HasMany<Engagement>().WithOne().HasForeignKey(e => e.OfferId).OnDelete(DeleteBehavior.SetNull);
    }
}
