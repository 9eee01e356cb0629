using Microsoft.EntityFrameworkCore;
using Vouch.Data;
using Vouch.Features.Contacts;
using Vouch.Features.Engagements;
using Vouch.Features.Gifts;

namespace Vouch.Seeding;

/// <summary>
/// The demo's exchange: gifts within the policy (one approved above the threshold), one awaiting approval, an exception
/// over the yearly limit refused with the rule it broke, gives recorded by hand, the demo advocate's history on both
/// sides, and one advocate asked again and again with nothing given, flagged "Owed a give".
/// </summary>
public static class DemoGifts
{
    public static async Task SeedAsync(VouchDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var rules = GiftRules.Default;
        var manager = await db.Users.SingleAsync(u => u.Email == "manager@vouch.demo", ct);
        var admin = await db.Users.SingleAsync(u => u.Email == "admin@vouch.demo", ct);
        var call = await db.ActivityTypes.SingleAsync(t => t.Key == "reference-call", ct);
        var caseStudy = await db.ActivityTypes.SingleAsync(t => t.Key == "case-study", ct);
        var alex = await db.Contacts.SingleAsync(c => c.Email == "advocate@vouch.demo", ct);
        var advocates = await db.Contacts.Where(c => c.AgreedActivities.Any() && c.Id != alex.Id)
            .OrderBy(c => c.LastName).ThenBy(c => c.Id).Take(5).ToListAsync(ct);
        if (advocates.Count < 5)
        {
            return;
        }
        var (overAsked, thanked, regular, waiting, introduced) = (advocates[0], advocates[1], advocates[2], advocates[3], advocates[4]);

        void Ask(Contact contact, Guid activity, int daysAgo, EngagementStatus status = EngagementStatus.Completed) => db.Engagements.Add(new Engagement
        {
            ContactId = contact.Id, AccountId = contact.AccountId, Kind = EngagementKind.Ask, ActivityTypeId = activity,
            Status = status, At = now.AddDays(-daysAgo), Rating = status == EngagementStatus.Completed ? 5 : null,
        });
        void HandGive(Contact contact, string title, decimal hours, int daysAgo) =>
            db.Engagements.Add(LedgerEntries.NewGive(contact.Id, contact.AccountId, title, hours, today.AddDays(-daysAgo)));
        Gift NewGift(Contact contact, string description, decimal value, int daysAgo, string? occasion, GiftState state) => new()
        {
            ContactId = contact.Id, Description = description, Value = value, Currency = rules.Currency, GivenOn = today.AddDays(-daysAgo),
            Occasion = occasion, State = state, RecordedById = manager.Id, RecordedAt = now.AddDays(-daysAgo),
        };
        void Given(Gift gift, Guid accountId)
        {
            gift.CreditHours = rules.HoursPerGift;
            db.Add(gift);
            db.Engagements.Add(LedgerEntries.NewGive(gift.ContactId, accountId, $"Gift: {gift.Description}", rules.HoursPerGift, gift.GivenOn, gift.Id));
        }

        // Asked for three case studies and two calls this year, given nothing: owed a give before the next ask.
        foreach (var daysAgo in new[] { 30, 95, 160 })
        {
            Ask(overAsked, caseStudy.Id, daysAgo);
        }
        Ask(overAsked, call.Id, 20);
        Ask(overAsked, call.Id, 65);

        // The demo advocate's history: a case study done, a call to come, and what they received.
        Ask(alex, caseStudy.Id, 70);
        Ask(alex, call.Id, -10, EngagementStatus.Scheduled);
        HandGive(alex, "Introduction to a peer: the CIO of a customer in the same industry", 2, 25);
        Given(NewGift(alex, "Signed copy of a book on customer advocacy", 35, 50, "Thank you for the case study", GiftState.Given), alex.AccountId);

        // Within the policy; one above the approval threshold, approved by the admin.
        Given(NewGift(regular, "Conference swag box", 45, 40, "Customer summit", GiftState.Given), regular.AccountId);
        var dinner = NewGift(thanked, "Dinner at the customer summit", 70, 120, "Customer summit", GiftState.Given);
        dinner.WaitsBecause = GiftPolicy.Judge(rules, new ProposedGift(thanked.FullName, 70, rules.Currency, dinner.GivenOn, dinner.Occasion), []).Detail;
        (dinner.DecidedById, dinner.DecidedAt, dinner.DecisionNote) = (admin.Id, now.AddDays(-119), "Within the occasion limit; a fair thank-you for hosting two site visits.");
        Given(dinner, thanked.AccountId);
        Given(NewGift(thanked, "Online course voucher", 50, 30, "Completed the beta programme", GiftState.Given), thanked.AccountId);

        // An exception over the yearly limit, asked for and refused: the rule and its numbers stay on record.
        var past = new[] { new PastGift(70, rules.Currency, dinner.GivenOn, dinner.Occasion), new PastGift(50, rules.Currency, today.AddDays(-30), null) };
        var wine = NewGift(thanked, "Case of wine for the holidays", 40, 2, "Holidays", GiftState.Refused);
        var verdict = GiftPolicy.Judge(rules, new ProposedGift(thanked.FullName, 40, rules.Currency, wine.GivenOn, wine.Occasion, AsksException: true), past);
        (wine.WaitsBecause, wine.Exception, wine.ExceptionReason) = (verdict.Detail, verdict.Exception, "They hosted two site visits this quarter.");
        (wine.DecidedById, wine.DecidedAt, wine.DecisionNote) = (admin.Id, now.AddDays(-1), "Refused: the yearly limit is there to keep gifts modest; thank them with a speaking slot instead.");
        db.Add(wine);

        // Waits for approval: above the threshold.
        var tickets = NewGift(waiting, "Two tickets to the customer summit", 70, 1, "Customer summit", GiftState.AwaitingApproval);
        tickets.WaitsBecause = GiftPolicy.Judge(rules, new ProposedGift(waiting.FullName, 70, rules.Currency, tickets.GivenOn, tickets.Occasion), []).Detail;
        db.Add(tickets);

        // Gives the reference team recorded by hand.
        HandGive(introduced, "Introduction to a peer in the same industry", 2, 15);
        HandGive(regular, "Seat on the customer advisory board", 8, 60);
        await db.SaveChangesAsync(ct);
    }
}
