using Microsoft.EntityFrameworkCore;
using Vouch.Data;
using Vouch.Features.Accounts;
using Vouch.Features.Contacts;
using Vouch.Features.Engagements;
using Vouch.Features.Opportunities;
using Vouch.Features.Referrals;

namespace Vouch.Seeding;

/// <summary>
/// Referrals at every stage: one that became a deal closed won (its revenue on the referral, the advocate and the report),
/// an open deal, a qualified and a lost prospect, and a prospect referred twice, merged into the first referral.
/// </summary>
public static class DemoReferrals
{
    private sealed record Seed(string Company, string Domain, string Person, string Title, int DaysAgo, ReferralStatus[] Moves, string Note);

    private static readonly Seed[] s_referrals =
    [
        new("Kestrel Analytics", "kestrelanalytics.example", "Maya Lindqvist", "Head of Revenue Operations", 150,
            [ReferralStatus.Contacted, ReferralStatus.Qualified, ReferralStatus.Opportunity], "Her team evaluated us last year and asked me how our roll-out went."),
        new("Blue Fern Software", "bluefern.example", "Tomasz Nowak", "VP Customer Success", 60,
            [ReferralStatus.Contacted, ReferralStatus.Qualified, ReferralStatus.Opportunity], "Looking to replace a spreadsheet of references before their next funding round."),
        new("Summit Dental Group", "summitdental.example", "Grace Okafor", "COO", 35,
            [ReferralStatus.Contacted, ReferralStatus.Qualified], "Forty clinics, one marketing team; they need proof from peers."),
        new("Lakeside Freight", "lakesidefreight.example", "Ben Carter", "IT Director", 90,
            [ReferralStatus.Contacted, ReferralStatus.Lost], "Went with an in-house tool in the end."),
        new("Orchard Bank", "orchardbank.example", "Sofia Marquez", "Head of Marketing", 8, [], "Asked me at a dinner who we use."),
    ];

    public static async Task SeedAsync(VouchDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var manager = await db.Users.SingleAsync(u => u.Email == "manager@vouch.demo", ct);
        var referral = await db.ActivityTypes.SingleAsync(t => t.Key == ReferralIntake.ActivityKey, ct);
        var advocates = await db.Contacts.Where(c => c.Consent != ConsentLevel.None && c.Email != "advocate@vouch.demo")
            .OrderBy(c => c.LastName).ThenBy(c => c.Id).Take(3).ToListAsync(ct);
        if (advocates.Count < 3)
        {
            return;
        }

        Referral? won = null;
        for (var i = 0; i < s_referrals.Length; i++)
        {
            var seed = s_referrals[i];
            var advocate = advocates[i % 2];
            var at = now.AddDays(-seed.DaysAgo);
            var r = new Referral
            {
                ReferredById = advocate.Id, AccountId = advocate.AccountId, Company = seed.Company, CompanyDomain = seed.Domain, PersonName = seed.Person,
                PersonTitle = seed.Title, PersonEmail = $"{seed.Person.Split(' ')[0].ToLowerInvariant()}@{seed.Domain}", Note = seed.Note,
                Status = ReferralStatus.New, CreatedAt = at, RecordedById = manager.Id,
            };
            db.Add(r);
            db.Engagements.Add(new Engagement
            {
                ContactId = advocate.Id, AccountId = advocate.AccountId, Kind = EngagementKind.Ask, ActivityTypeId = referral.Id,
                Title = $"Referred {seed.Person} at {seed.Company}", Status = EngagementStatus.Completed, At = at,
            });
            var step = 0;
            foreach (var to in seed.Moves)
            {
                step++;
                db.Add(new ReferralMove { ReferralId = r.Id, From = r.Status, To = to, At = at.AddDays(step * seed.DaysAgo / (seed.Moves.Length + 2)), ById = manager.Id });
                r.Status = to;
            }
            if (r.Status == ReferralStatus.Opportunity)
            {
                var prospect = new Account { Name = seed.Company, Region = Region.Emea, Employees = 400 + (i * 350) };
                var closesWon = won is null;
                var deal = new Opportunity
                {
                    AccountId = prospect.Id, Name = $"{seed.Company} – reference program", Amount = closesWon ? 128_000m : 74_000m,
                    Stage = closesWon ? OpportunityClosing.WonStage : "Proposal", CloseDate = closesWon ? today.AddDays(-20) : today.AddDays(45),
                    IsClosed = closesWon, IsWon = closesWon, OwnerId = manager.Id,
                };
                db.AddRange(prospect, deal);
                r.OpportunityId = deal.Id;
                won ??= r;
            }
        }

        // The won prospect referred again by another advocate: merged into the first referral, which keeps the credit.
        db.Add(new MergedReferral
        {
            ReferralId = won!.Id, ReferredById = advocates[2].Id, At = won.CreatedAt.AddDays(12), RecordedById = manager.Id,
            Note = "Also knows Maya from a user group.",
        });
        await db.SaveChangesAsync(ct);
    }
}
