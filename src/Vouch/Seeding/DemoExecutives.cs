using Microsoft.EntityFrameworkCore;
using Vouch.Auth;
using Vouch.Data;
using Vouch.Features.AccountReviews;
using Vouch.Features.Engagements;
using Vouch.Features.Executives;
using Vouch.Features.Users;

namespace Vouch.Seeding;

/// <summary>
/// The demo's executive program and delivery: three executives with conversations against their targets (one behind,
/// on a target of their own), themes that repeat in what they learned, sponsors of the largest accounts, and account
/// reviews on a calendar. One account of referenceable advocates is red with an open escalation, so the demo request
/// shows its contacts held; another is green with a review to come, so matching proposes a case study there.
/// </summary>
public static class DemoExecutives
{
    public static readonly IReadOnlyList<(string Email, string Name)> Executives =
    [
        ("cto@vouch.demo", "Theo Technology"),
        ("cfo@vouch.demo", "Fiona Finance"),
    ];

    private static readonly string[] s_learned =
    [
        "They want single sign-on for their contractors before the renewal.",
        "Onboarding time for new branches dropped from weeks to days; they would talk about it.",
        "The data migration from the legacy system still worries their IT team.",
        "Month-end close is faster, but the board wants reporting dashboards they can read on a phone.",
        "Field teams need offline access on mobile; the data migration is their next project.",
        "They would join a customer advisory board if it met near their office.",
        "Reporting dashboards replaced a monthly pack of spreadsheets for the board.",
    ];

    private static readonly string[] s_value =
    [
        "Month-end close in four days instead of twelve.",
        "Onboarding time halved for new customers.",
        "Reporting dashboards replaced two analysts' spreadsheets.",
        "Fewer audit findings since the close moved to Vouch.",
        "One view of every customer across regional teams.",
    ];

    public static async Task SeedAsync(VouchDbContext db, UserAdministration users, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        foreach (var (email, name) in Executives)
        {
            var added = await users.AddAsync(email, name, Roles.Executive, DemoData.Password);
            if (!added.Succeeded)
            {
                throw new InvalidOperationException($"Could not add demo user {email}: {added.Refusal.Message}");
            }
        }
        var eve = await db.Users.SingleAsync(u => u.Email == "exec@vouch.demo", ct);
        var theo = await db.Users.SingleAsync(u => u.Email == "cto@vouch.demo", ct);
        var fiona = await db.Users.SingleAsync(u => u.Email == "cfo@vouch.demo", ct);
        var call = await db.ActivityTypes.SingleAsync(t => t.Key == "reference-call", ct);
        var alex = await db.Contacts.SingleAsync(c => c.Email == "advocate@vouch.demo", ct);
        // Customers with people to talk to, largest first (prospects the rest of the demo made have neither revenue nor
        // contacts, and PostgreSQL would sort their empty revenue first).
        var accounts = await db.Accounts.Where(a => a.AnnualRevenue != null && db.Contacts.Any(c => c.AccountId == a.Id))
            .OrderByDescending(a => a.AnnualRevenue).ThenBy(a => a.Id).ToListAsync(ct);
        var contacts = (await db.Contacts.OrderBy(c => c.LastName).ThenBy(c => c.Id).ToListAsync(ct)).ToLookup(c => c.AccountId);
        // Advocates who agreed to reference calls and were not asked lately: those the demo request would show.
        var advocates = await db.Contacts.Where(c => c.AgreedActivities.Any(t => t.Id == call.Id) && c.AccountId != alex.AccountId)
            .OrderBy(c => c.LastName).ThenBy(c => c.Id).ToListAsync(ct);
        var fresh = advocates.Skip(5).Select(c => c.AccountId).Distinct().ToList();
        if (accounts.Count < 7 || fresh.Count < 3)
        {
            return;
        }
        var (red, excels, amber) = (fresh[0], fresh[1], fresh[2]);

        // The largest accounts have sponsors; the poor-health and the excelling accounts are sponsored too.
        var sponsored = new List<(Guid Account, Guid Executive)>();
        foreach (var (accountId, index) in accounts.Take(6).Select(a => a.Id).Union([red, excels]).Select((id, i) => (id, i)))
        {
            var executive = (index % 3) switch { 0 => eve, 1 => theo, _ => fiona };
            db.Add(new ExecutiveSponsor { AccountId = accountId, ExecutiveId = executive.Id, Since = today.AddDays(-120 - 30 * index) });
            sponsored.Add((accountId, executive.Id));
        }

        // Eve is just ahead of a steady pace to 30; Theo, on a target of 40 of his own, is far behind; Fiona keeps pace with 24.
        db.Add(new ExecutiveTarget { ExecutiveId = theo.Id, ConversationsPerYear = 40 });
        db.Add(new ExecutiveTarget { ExecutiveId = fiona.Id, ConversationsPerYear = 24 });
        var plan = new[]
        {
            (Executive: eve, Held: ConversationProgress.Of(30, 0, today).OnTrackLine + 1),
            (Executive: theo, Held: ConversationProgress.Of(40, 0, today).OnTrackLine / 3),
            (Executive: fiona, Held: ConversationProgress.Of(24, 0, today).OnTrackLine),
        };
        var start = new DateOnly(today.Year, 1, 1);
        var span = today.DayNumber - start.DayNumber;
        var n = 0;
        foreach (var (executive, held) in plan)
        {
            var theirs = sponsored.Where(s => s.Executive == executive.Id).Select(s => s.Account).ToList();
            for (var i = 0; i < held; i++, n++)
            {
                // Mostly the accounts they sponsor, sometimes another; spread over the year so far, the latest a few days ago.
                var accountId = i % 4 == 3 ? accounts[(n * 7) % accounts.Count].Id : theirs[i % theirs.Count];
                var people = contacts[accountId].ToList();
                if (people.Count == 0)
                {
                    continue;
                }
                var contact = people[i % people.Count];
                var heldOn = start.AddDays(Math.Max(0, span - 2 - (held - 1 - i) * span / Math.Max(1, held)));
                var conversation = new ExecutiveConversation
                {
                    ExecutiveId = executive.Id, ContactId = contact.Id, AccountId = accountId, HeldOn = heldOn,
                    Channel = (ConversationChannel)(n % 3), Minutes = 30 + 15 * (n % 3),
                    ProductUse = "Runs month-end close and customer onboarding on it across regional teams.",
                    Value = s_value[n % s_value.Length],
                    Sentiment = accountId == red ? Sentiment.Negative : n % 5 == 4 ? Sentiment.Neutral : Sentiment.Positive,
                    Feeling = accountId == red ? "Frustrated: the migration has stalled for weeks." : "Pleased, and keen to see what comes next.",
                    Learned = s_learned[n % s_learned.Length],
                    FollowUps = n % 4 == 0 ? "Send the product roadmap for single sign-on." : null,
                    FollowUpsDone = n % 8 == 0,
                    RecordedAt = now.AddDays(heldOn.DayNumber - today.DayNumber),
                };
                var give = LedgerEntries.NewGive(contact.Id, accountId, $"Conversation with {executive.DisplayName}", new ExecutiveOptions().ConversationCreditHours, heldOn);
                conversation.EngagementId = give.Id;
                db.Engagements.Add(give);
                db.Add(conversation);
            }
        }

        // Quarterly reviews of the largest accounts and of the three above: two held, the next on the calendar.
        var reviewed = accounts.Take(6).Select(a => a.Id).Union([red, excels, amber]).ToList();
        foreach (var (accountId, index) in reviewed.Select((id, i) => (id, i)))
        {
            var health = accountId == red ? DeliveryHealth.Red : accountId == amber ? DeliveryHealth.Amber : index == 4 ? DeliveryHealth.Amber : DeliveryHealth.Green;
            var earlier = new AccountReview { AccountId = accountId, ScheduledOn = today.AddDays(-100 - index), Notes = "Quarterly business review." };
            (earlier.HeldOn, earlier.Health) = (earlier.ScheduledOn, DeliveryHealth.Green);
            var latest = new AccountReview { AccountId = accountId, ScheduledOn = today.AddDays(-10 - index * 3), Notes = "Quarterly business review." };
            (latest.HeldOn, latest.Health) = (latest.ScheduledOn.AddDays(index % 2), health);
            if (accountId == red)
            {
                latest.Notes = "Delivery is failing: the data migration has stalled for three weeks and the go-live slipped twice.";
                db.Add(new Escalation { AccountId = accountId, ReviewId = latest.Id, Title = "Data migration stalled for three weeks", OpenedOn = latest.HeldOn.Value });
            }
            if (index == 2)
            {
                // An escalation raised and closed: the history stays, the hold does not.
                db.Add(new Escalation { AccountId = accountId, ReviewId = earlier.Id, Title = "Invoices sent twice", OpenedOn = earlier.HeldOn.Value, ClosedOn = earlier.HeldOn.Value.AddDays(12) });
            }
            var next = new AccountReview { AccountId = accountId, ScheduledOn = today.AddDays(5 + index * 6), Notes = "Agenda: adoption, roadmap, renewal." };
            db.AddRange(earlier, latest, next);
        }
        // One review whose day has passed and that nobody recorded yet.
        db.Add(new AccountReview { AccountId = accounts[6].Id, ScheduledOn = today.AddDays(-3), Notes = "Quarterly business review." });
        await db.SaveChangesAsync(ct);
    }
}
