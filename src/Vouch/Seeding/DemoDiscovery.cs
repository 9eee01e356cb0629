using Microsoft.EntityFrameworkCore;
using Vouch.Data;
using Vouch.Features.Contacts;
using Vouch.Features.Discovery;
using Vouch.Features.Engagements;
using Vouch.Features.Opportunities;

namespace Vouch.Seeding;

/// <summary>
/// Candidates worth a look and nominations in every state: promoters nobody has asked (one of them influential), an
/// advocate who went quiet, nominations proposed, accepted and declined, and a won deal whose buyer the nominations list
/// proposes when it is first opened.
/// </summary>
public static class DemoDiscovery
{
    public static async Task SeedAsync(VouchDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var seller = await db.Users.SingleAsync(u => u.Email == "seller@vouch.demo", ct);
        var manager = await db.Users.SingleAsync(u => u.Email == "manager@vouch.demo", ct);
        var asked = db.Engagements.Where(e => e.Kind == EngagementKind.Ask).Select(e => e.ContactId);
        var customers = await db.Contacts
            .Where(c => (c.AdvocacyStage == AdvocacyStage.Customer || c.AdvocacyStage == AdvocacyStage.Promoter) && !asked.Contains(c.Id) && c.Email != "advocate@vouch.demo")
            .OrderBy(c => c.LastName).ThenBy(c => c.Id).Take(9).ToListAsync(ct);
        if (customers.Count < 9)
        {
            return;
        }

        // Promoters never asked: the first one blogs, speaks and leads; all answered 9 or 10 recently.
        var (blogger, promoters) = (customers[0], customers[..4]);
        (blogger.BlogUrl, blogger.Followers, blogger.SpeaksAtEvents, blogger.IsLeadUser) = ("https://example.com/blog", 14_500, true, true);
        blogger.Associations = "Finance Leaders Forum";
        foreach (var (contact, index) in promoters.Select((c, i) => (c, i)))
        {
            db.NpsAnswers.Add(new NpsAnswer { ContactId = contact.Id, AnsweredOn = today.AddDays(-14 - index * 9), Score = index % 2 == 0 ? 10 : 9, Comment = "Would recommend to any peer." });
        }

        // An advocate who went quiet: their last reference call was long ago.
        var quiet = await db.Contacts.Where(c => c.AdvocacyStage == AdvocacyStage.Advocate && c.Email != "advocate@vouch.demo")
            .OrderBy(c => c.LastName).ThenBy(c => c.Id).FirstOrDefaultAsync(ct);
        var call = await db.ActivityTypes.SingleAsync(t => t.Key == "reference-call", ct);
        if (quiet is not null)
        {
            db.Engagements.Add(new Engagement
            {
                ContactId = quiet.Id, AccountId = quiet.AccountId, Kind = EngagementKind.Ask, ActivityTypeId = call.Id,
                Status = EngagementStatus.Completed, At = now.AddDays(-260), Rating = 5, Notes = "Demo: a call long ago, nothing since.",
            });
        }

        // Nominations: one open from the seller, one accepted (being recruited), one declined with a note.
        db.Add(new Nomination
        {
            ContactId = customers[4].Id, Source = NominationSource.Person, NominatedById = seller.Id, State = NominationState.Proposed,
            Reason = "Presented their rollout at our customer day and fielded questions from prospects afterwards.", ProposedAt = now.AddDays(-3),
        });
        db.Add(new Nomination
        {
            ContactId = customers[5].Id, Source = NominationSource.Person, NominatedById = seller.Id, State = NominationState.Accepted,
            Reason = "Renewed early and asked how they can help other customers.", ProposedAt = now.AddDays(-20),
            DecidedById = manager.Id, DecidedAt = now.AddDays(-18), DecisionNote = "Good fit: start with a quote for the website.",
        });
        customers[5].AdvocacyStage = AdvocacyStage.Promoter;
        db.Add(new Nomination
        {
            ContactId = customers[6].Id, Source = NominationSource.Person, NominatedById = seller.Id, State = NominationState.Declined,
            Reason = "Very happy with the product.", ProposedAt = now.AddDays(-40),
            DecidedById = manager.Id, DecidedAt = now.AddDays(-35), DecisionNote = "Open support escalation; ask again after it is resolved.",
        });

        // A deal won four months ago, with a buyer the nominations list will propose.
        var buyer = customers[7];
        var deal = new Opportunity
        {
            AccountId = buyer.AccountId, Name = "Expansion to the finance team", Amount = 84_000, Stage = "Closed Won", CloseDate = today.AddDays(-120),
            IsClosed = true, IsWon = true, OwnerId = seller.Id,
        };
        db.Opportunities.Add(deal);
        db.OpportunityContactRoles.Add(new OpportunityContactRole { OpportunityId = deal.Id, ContactId = buyer.Id, Role = "Economic Buyer" });
        await db.SaveChangesAsync(ct);
    }
}
