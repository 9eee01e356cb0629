using Microsoft.EntityFrameworkCore;
using Vouch.Data;
using Vouch.Features.Accounts;
using Vouch.Features.Contacts;
using Vouch.Features.Engagements;
using Vouch.Features.Offers;

namespace Vouch.Seeding;

/// <summary>
/// The exchange's offers to click through: eight of different kinds (open, one full, one closed, one draft), needs with
/// evidence on several advocates and the demo advocate, and applications, some delivered as gives in the ledger, so the
/// demo advocate finds offers that fit them and sees what they were given.
/// </summary>
public static class DemoOffers
{
    private sealed record Seed(string Title, OfferKind Kind, SocialCapital Gives, int Capacity, int OpensIn, int ClosesIn, int? EventIn, string Description,
        OfferState State = OfferState.Open, Segment[]? Segments = null, AdvocacyStage? MinimumStage = null);

    private static readonly Seed[] s_offers =
    [
        new("Speaker at the Customer Summit 2027", OfferKind.SpeakingSlot, SocialCapital.Reputation | SocialCapital.Status, 3, -10, 40, 75,
            "A 30-minute slot on the main stage to tell 800 peers how you run your program."),
        new("Host a webinar: references that close deals", OfferKind.WebinarHost, SocialCapital.Reputation, 2, -5, 25, 35,
            "Co-host our quarterly webinar with our head of customer marketing; we do the slides, you bring the stories."),
        new("Customer Advisory Board seat", OfferKind.AdvisoryBoardSeat, SocialCapital.ProductSay | SocialCapital.Status | SocialCapital.Affiliation, 6, -20, 30, 90,
            "Two meetings a year with our executives and product leaders to shape the roadmap.", MinimumStage: AdvocacyStage.Advocate),
        new("Early access: Vouch Analytics 2.0", OfferKind.EarlyAccess, SocialCapital.Learning | SocialCapital.ProductSay, 20, -30, 60, null,
            "Use the new analytics three months before anyone else and tell the team what to change."),
        new("Interview with TechWeekly", OfferKind.MediaInterview, SocialCapital.Reputation | SocialCapital.Status, 1, -15, 20, 28,
            "A feature interview on how your team automated its reference program."),
        new("Lead the enterprise user group", OfferKind.CommunityLeadership, SocialCapital.Affiliation | SocialCapital.Status, 2, -3, 45, null,
            "Chair the enterprise user group's quarterly meetings, with our community team behind you.", Segments: [Segment.Enterprise]),
        new("Meet a peer: the CFO round table", OfferKind.PeerIntroduction, SocialCapital.Affiliation | SocialCapital.Learning, 8, -90, -10, -5,
            "An evening with eight finance leaders who run the same processes as you."),
        new("Roadmap session with the product team", OfferKind.ProductTeamSession, SocialCapital.ProductSay | SocialCapital.Learning, 4, 10, 50, 60,
            "An hour with the product managers of your modules, on what comes next.", State: OfferState.Draft),
    ];

    private static readonly (SocialCapital Capital, string Evidence)[] s_evidence =
    [
        (SocialCapital.Reputation, "Blogs weekly about finance automation"),
        (SocialCapital.Affiliation, "Chairs the regional user group"),
        (SocialCapital.Learning, "Joined every beta we ran"),
        (SocialCapital.Status, "Asked to be named in the annual report"),
        (SocialCapital.ProductSay, "Sends detailed feature requests every quarter"),
    ];

    public static async Task SeedAsync(VouchDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var offers = s_offers.Select(s => new Offer
        {
            Title = s.Title, Kind = s.Kind, Gives = s.Gives, Capacity = s.Capacity, OpensOn = today.AddDays(s.OpensIn), ClosesOn = today.AddDays(s.ClosesIn),
            EventOn = s.EventIn is { } e ? today.AddDays(e) : null, Description = s.Description, State = s.State, Segments = [.. s.Segments ?? []],
            MinimumStage = s.MinimumStage, CreditHours = OfferKinds.DefaultCreditHours(s.Kind), CreatedAt = now.AddDays(Math.Min(s.OpensIn, 0) - 5),
        }).ToList();
        db.AddRange(offers);

        // The advocates who agreed to be references, and the demo advocate, whose needs say they want a stage and to learn.
        var advocates = await db.Contacts.Where(c => c.Consent == ConsentLevel.Written && c.Email != "advocate@vouch.demo").OrderBy(c => c.LastName).ThenBy(c => c.Id).Take(8).ToListAsync(ct);
        var alex = await db.Contacts.SingleAsync(c => c.Email == "advocate@vouch.demo", ct);
        alex.PersonalityStyle = PersonalityStyle.Expressive;
        AddNeeds(db, alex, [(SocialCapital.Reputation, "Writes a popular newsletter on customer programs"), (SocialCapital.Learning, "Asks for every product preview")], now);
        foreach (var (advocate, index) in advocates.Take(6).Select((a, i) => (a, i)))
        {
            AddNeeds(db, advocate, [s_evidence[index % s_evidence.Length], s_evidence[(index + 2) % s_evidence.Length]], now);
        }

        // Who took what up: the full interview's one seat, delivered early access and round-table seats, a few waiting for an answer.
        var (summit, webinar, board, early, interview, _, roundTable, _) =
            (offers[0], offers[1], offers[2], offers[3], offers[4], offers[5], offers[6], offers[7]);
        AddApplication(db, interview, advocates[0], ApplicationState.Accepted, now.AddDays(-10));
        AddApplication(db, early, alex, ApplicationState.Delivered, now.AddDays(-25));
        AddApplication(db, early, advocates[1], ApplicationState.Delivered, now.AddDays(-20));
        AddApplication(db, roundTable, advocates[2], ApplicationState.Delivered, now.AddDays(-12));
        AddApplication(db, roundTable, advocates[3], ApplicationState.Delivered, now.AddDays(-12));
        AddApplication(db, summit, advocates[4], ApplicationState.Applied, now.AddDays(-4));
        AddApplication(db, board, advocates[5], ApplicationState.Applied, now.AddDays(-2));
        AddApplication(db, webinar, advocates[1], ApplicationState.Declined, now.AddDays(-3));
        await db.SaveChangesAsync(ct);
    }

    private static void AddNeeds(VouchDbContext db, Contact contact, (SocialCapital Capital, string Evidence)[] needs, DateTimeOffset now)
    {
        foreach (var (capital, evidence) in needs.DistinctBy(n => n.Capital))
        {
            db.Add(new SocialCapitalNeed { ContactId = contact.Id, Capital = capital, Evidence = evidence, RecordedBy = "manager@vouch.demo", RecordedAt = now.AddDays(-30) });
        }
        contact.SocialCapitalWanted = needs.Aggregate(SocialCapital.None, (all, n) => all | n.Capital);
    }

    /// <summary>An application as the team would have moved it; a delivered one is a give in the ledger, as delivering writes it.</summary>
    private static void AddApplication(VouchDbContext db, Offer offer, Contact contact, ApplicationState state, DateTimeOffset appliedAt)
    {
        var application = new OfferApplication
        {
            OfferId = offer.Id, ContactId = contact.Id, State = state, AppliedBy = AppliedBy.Team, AppliedByName = "manager@vouch.demo",
            AppliedAt = appliedAt, ChangedAt = state == ApplicationState.Applied ? null : appliedAt.AddDays(2),
        };
        db.Add(application);
        if (application.TakesSeat)
        {
            offer.SeatsTaken++;
        }
        if (state == ApplicationState.Delivered)
        {
            db.Engagements.Add(new Engagement
            {
                ContactId = contact.Id, AccountId = contact.AccountId, Kind = EngagementKind.Give, Status = EngagementStatus.Completed,
                At = appliedAt.AddDays(5), Title = offer.Title, CreditHours = offer.CreditHours, OfferId = offer.Id,
            });
        }
    }
}
