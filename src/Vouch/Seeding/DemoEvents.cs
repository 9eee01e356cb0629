using Microsoft.EntityFrameworkCore;
using Vouch.Data;
using Vouch.Features.Accounts;
using Vouch.Features.Contacts;
using Vouch.Features.Engagements;
using Vouch.Features.Events;
using Vouch.Features.Opportunities;

namespace Vouch.Seeding;

/// <summary>
/// The demo's events: a prospect mixer four months ago where customers spoke to ten prospects, eight of whom became
/// customers with won deals since; an upcoming mixer and an upcoming webinar with advocates on the stage (the demo
/// advocate among them), and a user group of customers.
/// </summary>
public static class DemoEvents
{
    private static readonly string[] s_prospects =
    [
        "Harbour Logistics", "Juniper Health", "Northwind Freight", "Alder Capital", "Brightwater Foods",
        "Cobalt Energy", "Meridian Insurance", "Pinecrest Retail", "Quarry Works", "Summit Ledger",
    ];

    public static async Task SeedAsync(VouchDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var speaking = await db.ActivityTypes.SingleAsync(t => t.Key == "speaking", ct);
        var webinar = await db.ActivityTypes.SingleAsync(t => t.Key == "webinar", ct);
        var alex = await db.Contacts.SingleAsync(c => c.Email == "advocate@vouch.demo", ct);
        var advocates = await db.Contacts.Where(c => c.AgreedActivities.Any() && c.Id != alex.Id)
            .OrderByDescending(c => c.LastName).ThenBy(c => c.Id).Take(3).ToListAsync(ct);
        var customers = await db.Contacts.Where(c => c.Account!.CustomerSince != null && !c.AgreedActivities.Any())
            .OrderBy(c => c.FirstName).ThenBy(c => c.Id).Take(12).ToListAsync(ct);
        if (advocates.Count < 3 || customers.Count < 12)
        {
            return;
        }

        Event NewEvent(EventKind kind, string title, string topic, int daysFromNow, int hour, string place, int capacity)
        {
            var startsAt = new DateTimeOffset(today.AddDays(daysFromNow).ToDateTime(new TimeOnly(hour, 0)), TimeSpan.Zero);
            var added = new Event
            {
                Kind = kind, Title = title, Topic = topic, StartsAt = startsAt, StartsOn = DateOnly.FromDateTime(startsAt.UtcDateTime),
                EndsAt = startsAt.AddHours(kind == EventKind.Webinar ? 1 : 3), Place = place, Capacity = capacity, CreatedAt = now.AddDays(-150),
            };
            db.Add(added);
            return added;
        }
        void Speaker(Event at, Contact contact)
        {
            var activity = at.Kind == EventKind.Webinar ? webinar : speaking;
            var status = at.StartsAt <= now ? EngagementStatus.Completed : EngagementStatus.Scheduled;
            var title = $"Speaking at {at.Title}";
            var ask = new Engagement
            {
                ContactId = contact.Id, AccountId = contact.AccountId, Kind = EngagementKind.Ask, ActivityTypeId = activity.Id,
                Title = title, Status = status, At = at.StartsAt, Rating = status == EngagementStatus.Completed ? 5 : null,
            };
            var give = LedgerEntries.NewGive(contact.Id, contact.AccountId, title, activity.EffortHours, at.StartsOn);
            (give.Status, give.At, give.ActivityTypeId) = (status, at.StartsAt, activity.Id);
            db.Engagements.AddRange(ask, give);
            db.Add(new EventSpeaker { EventId = at.Id, ContactId = contact.Id, AskEngagementId = ask.Id, GiveEngagementId = give.Id, AddedAt = at.CreatedAt });
        }
        void Attend(Event at, Contact contact, AttendeeRole role, bool came) => db.Add(new EventAttendee
        {
            EventId = at.Id, ContactId = contact.Id, AccountId = contact.AccountId, Role = role, RegisteredAt = at.StartsAt.AddDays(-14),
            CheckedInAt = came ? at.StartsAt.AddMinutes(10) : null,
        });

        // Four months ago: customers told ten prospects how they close the books faster; eight became customers since.
        var mixer = NewEvent(EventKind.ProspectMixer, "Spring prospect mixer: closing the books in four days",
            "Finance leaders from three customers on automated invoicing and a faster close, over dinner.", -120, 18, "The Landmark, London", 60);
        Speaker(mixer, advocates[0]);
        Speaker(mixer, advocates[1]);
        for (var i = 0; i < s_prospects.Length; i++)
        {
            var converted = i < 8;
            var account = new Account
            {
                Name = s_prospects[i], Segment = Segment.MidMarket, Region = Region.Emea, CountryCode = "GB", Employees = 400 + (i * 150),
                CustomerSince = converted ? mixer.StartsOn.AddDays(25 + (i * 9)) : null,
                ContractDate = converted ? mixer.StartsOn.AddDays(25 + (i * 9)) : null,
            };
            var contact = new Contact
            {
                AccountId = account.Id, FirstName = "Finance", LastName = $"Lead {i + 1}", Title = "CFO",
                Email = $"cfo@{account.Name.Split(' ')[0].ToLowerInvariant()}.example",
            };
            db.AddRange(account, contact);
            db.Opportunities.Add(new Opportunity
            {
                AccountId = account.Id, Name = $"{account.Name} – Vouch Cloud", Amount = 40_000 + (i * 12_500), CloseDate = converted ? account.CustomerSince!.Value : today.AddDays(45),
                Stage = converted ? "Closed" : "Proposal", IsClosed = converted, IsWon = converted,
            });
            Attend(mixer, contact, AttendeeRole.Prospect, came: true);
        }
        foreach (var customer in customers.Take(4))
        {
            Attend(mixer, customer, AttendeeRole.Customer, came: true);
        }
        db.Add(new EventAttendee
        {
            EventId = mixer.Id, Name = "Robin Walk-in", Email = "robin@walkin.example", Company = "Walk-in Consulting", Role = AttendeeRole.Prospect,
            RegisteredAt = mixer.StartsAt, CheckedInAt = mixer.StartsAt.AddMinutes(30),
        });

        // Ahead: a webinar with the demo advocate, a mixer with a customer on the stage, and a user group.
        var live = NewEvent(EventKind.Webinar, "Webinar: invoice automation across subsidiaries",
            "How a customer automated invoicing across twelve subsidiaries, live with questions.", 14, 16, "https://events.vouch.demo/invoice-automation", 500);
        Speaker(live, alex);
        var autumn = NewEvent(EventKind.ProspectMixer, "Autumn prospect mixer: analytics for finance teams",
            "Customers show prospects the dashboards they run the month-end on.", 21, 18, "Hotel Adlon, Berlin", 40);
        Speaker(autumn, advocates[2]);
        foreach (var customer in customers.Skip(4).Take(3))
        {
            Attend(autumn, customer, AttendeeRole.Customer, came: false);
        }
        db.Add(new EventAttendee
        {
            EventId = autumn.Id, Name = "Dana Prospect", Email = "dana@keystone.example", Company = "Keystone Manufacturing", Role = AttendeeRole.Prospect,
            RegisteredAt = now.AddDays(-2),
        });
        var group = NewEvent(EventKind.UserGroup, "London user group", "Customers compare notes on the spring release.", 35, 17, "Vouch office, London", 30);
        foreach (var customer in customers.Skip(7))
        {
            Attend(group, customer, AttendeeRole.Customer, came: false);
        }
        await db.SaveChangesAsync(ct);
    }
}
