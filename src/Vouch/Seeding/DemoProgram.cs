using Microsoft.EntityFrameworkCore;
using Vouch.Data;
using Vouch.Features.Accounts;
using Vouch.Features.Contacts;
using Vouch.Features.Engagements;
using Vouch.Features.Opportunities;
using Vouch.Features.Programs;
using Vouch.Features.Requests;

namespace Vouch.Seeding;

/// <summary>
/// A year of the program, month by month, so the dashboard's charts have something to say: deals closed each month, the
/// ones references helped winning more often; requests fulfilled (most within the service level), declined and expired;
/// gives to advocates; promoters recruited; and five KPIs, some met last month and some not.
/// </summary>
public static class DemoProgram
{
    private const int LedgerAfterDays = 190;

    private static readonly string[] s_gives = ["Advisory board seat", "Speaking slot at the user conference", "Early access to the beta", "Thank-you dinner"];

    public static async Task SeedAsync(VouchDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var seller = await db.Users.SingleAsync(u => u.Email == "seller@vouch.demo", ct);
        var call = await db.ActivityTypes.SingleAsync(t => t.Key == "reference-call", ct);
        var advocates = await db.Contacts.Where(c => c.Consent != ConsentLevel.None).OrderBy(c => c.LastName).ThenBy(c => c.Id).ToListAsync(ct);
        if (advocates.Count == 0)
        {
            return;
        }
        var random = new Random(16);
        // Deals that references helped close sooner; from a stream of their own, so the rest is the same as without them.
        var cycles = new Random(17);
        var thisMonth = new DateOnly(today.Year, today.Month, 1);
        for (var m = 11; m >= 0; m--)
        {
            var month = thisMonth.AddMonths(-m);
            var lastDay = month.AddMonths(1).AddDays(-1) < today ? month.AddMonths(1).AddDays(-1) : today;
            var prospect = new Account { Name = $"Prospects of {month:MMMM yyyy}", Region = Region.Emea, Employees = 250 + random.Next(2_000) };
            db.Accounts.Add(prospect);
            // The program grows through the year: more deals, more of them with references.
            var deals = 4 + (11 - m) / 2 + random.Next(3);
            for (var d = 0; d < deals; d++)
            {
                var closeDay = month.AddDays(random.Next(lastDay.Day));
                var withReference = random.NextDouble() < 0.35 + (11 - m) * 0.03;
                var won = random.NextDouble() < (withReference ? 0.68 : 0.42);
                var deal = new Opportunity
                {
                    AccountId = prospect.Id, Name = $"{prospect.Name} – deal {d + 1}", Amount = 15_000m + random.Next(40) * 3_500m,
                    Stage = won ? OpportunityClosing.WonStage : "Closed lost", CloseDate = closeDay, IsClosed = true, IsWon = won, OwnerId = seller.Id,
                    OpenedOn = closeDay.AddDays(-(withReference ? cycles.Next(35, 76) : cycles.Next(55, 111))),
                };
                db.Opportunities.Add(deal);
                if (withReference)
                {
                    AddRequest(db, seller.Id, call.Id, advocates[random.Next(advocates.Count)], deal.Id, closeDay, random, RequestStatus.FeedbackRecorded, now);
                }
            }
            // Asks that did not come to a call: an advocate who said no, one that ran out of time.
            for (var r = random.Next(1, 3); r > 0; r--)
            {
                AddRequest(db, seller.Id, call.Id, advocates[random.Next(advocates.Count)], null, month.AddDays(random.Next(lastDay.Day)), random,
                    random.Next(3) == 0 ? RequestStatus.Expired : RequestStatus.Declined, now);
            }
            for (var g = random.Next(1, 4); g > 0; g--)
            {
                var advocate = advocates[random.Next(advocates.Count)];
                db.Engagements.Add(new Engagement
                {
                    ContactId = advocate.Id, AccountId = advocate.AccountId, Kind = EngagementKind.Give, Title = s_gives[random.Next(s_gives.Length)],
                    CreditHours = 1 + random.Next(4), Status = EngagementStatus.Completed, At = At(month.AddDays(random.Next(lastDay.Day))),
                });
            }
        }
        // Promoters recruited through the year: those past "customer" who consented, by the day they did.
        var promoters = advocates.Where(c => c.AdvocacyStage != AdvocacyStage.Customer).ToList();
        for (var i = 0; i < promoters.Count; i++)
        {
            promoters[i].ConsentGivenOn = thisMonth.AddMonths(-(i % 12)).AddDays(random.Next(20));
        }
        db.Set<ProgramKpi>().AddRange(
            new ProgramKpi { Position = 1, Measure = "influenced-revenue", Name = "Influenced revenue a month", Target = 150_000m, HigherIsBetter = true },
            new ProgramKpi { Position = 2, Measure = "win-rate-with-references", Name = "Win rate with references", Target = 0.6m, HigherIsBetter = true },
            new ProgramKpi { Position = 3, Measure = "days-to-fulfil", Name = "Days to a scheduled call", Target = 3m, HigherIsBetter = false },
            new ProgramKpi { Position = 4, Measure = "acceptance-rate", Name = "Advocates who say yes", Target = 0.9m, HigherIsBetter = true },
            new ProgramKpi { Position = 5, Measure = "hours-given", Name = "Hours given back a month", Target = 10m, HigherIsBetter = true });
        await db.SaveChangesAsync(ct);
    }

    /// <summary>A request asked some days before <paramref name="day"/>, with the ask in the ledger when it came to a call.</summary>
    private static void AddRequest(
        VouchDbContext db, Guid sellerId, Guid callId, Contact advocate, Guid? dealId, DateOnly day, Random random, RequestStatus status, DateTimeOffset now)
    {
        var created = At(day.AddDays(-random.Next(10, 30)));
        var request = new ReferenceRequest
        {
            RequesterId = sellerId, OpportunityId = dealId, ActivityTypeId = callId, NeededBy = day, Status = status, CreatedAt = created,
            ContactId = advocate.Id, AdvocateAskedAt = created.AddDays(2),
        };
        if (status == RequestStatus.FeedbackRecorded)
        {
            var scheduled = created.AddDays(2 + random.Next(9));
            (request.ScheduledFor, request.Happened, request.Helped, request.Rating) = (scheduled.AddDays(2), true, true, 3 + random.Next(3));
            request.Transitions.Add(new RequestTransition { To = RequestStatus.Scheduled, At = scheduled, ByUserId = sellerId, ByName = "seller@vouch.demo" });
            // Calls of the last two quarters stay out of the ledger, so the advocates the other demos ask now are under their caps.
            if (scheduled < now.AddDays(-LedgerAfterDays))
            {
                var engagement = new Engagement
                {
                    ContactId = advocate.Id, AccountId = advocate.AccountId, Kind = EngagementKind.Ask, ActivityTypeId = callId,
                    Status = EngagementStatus.Completed, At = scheduled.AddDays(2), Rating = request.Rating,
                };
                db.Engagements.Add(engagement);
                request.EngagementId = engagement.Id;
            }
        }
        db.ReferenceRequests.Add(request);
    }

    private static DateTimeOffset At(DateOnly day) => new(day.ToDateTime(new TimeOnly(10, 0)), TimeSpan.Zero);
}
