using Microsoft.EntityFrameworkCore;
using Vouch.Data;
using Vouch.Features.Accounts;
using Vouch.Features.Contacts;
using Vouch.Features.Content;
using Vouch.Features.Engagements;
using Vouch.Features.Launches;
using Vouch.Features.Opportunities;
using Vouch.Features.ProgramPolicies;
using Vouch.Features.Requests;
using Vouch.Features.Stakeholders;

namespace Vouch.Seeding;

/// <summary>
/// The program's policies at work: an activity type's rest period tuned, reference calls from the stage Proposal and 25,000 up, one request of the demo seller
/// waiting on an exception and one whose exception was approved with a reason; the stakeholder groups with the demo
/// users in them; a launch with targets and early adopters; stories that say where the product fits and where it does not.
/// </summary>
public static class DemoPolicies
{
    private static readonly (string Fits, string NotAFit)[] s_stories =
    [
        ("Finance teams running references across several subsidiaries", "A single small team that asks for two references a year"),
        ("Sales teams with a long enterprise cycle and many reference calls", "Transactional deals closed in a day"),
        ("Programs that need consent tracked for regulated industries", "Companies that never share customer names"),
        ("Marketing teams turning references into case studies", "Teams looking for a general CRM"),
    ];

    public static async Task SeedAsync(VouchDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var staff = await db.Users.Where(u => u.Email!.EndsWith("@vouch.demo")).ToDictionaryAsync(u => u.Email!, ct);
        var activities = await db.ActivityTypes.ToDictionaryAsync(t => t.Key, ct);
        var (call, visit, beta) = (activities["reference-call"], activities["site-visit"], activities["beta-feedback"]);

        db.Add(new ProgramPolicy { Version = Guid.NewGuid() });
        // The admin has tuned the activity types: community answers take a few minutes, so advocates rest a day, not a week.
        activities["community-answer"].RestPeriodDays = 1;
        db.AddRange(
            new ActivityPolicy { ActivityTypeId = call.Id, MinimumStage = "Proposal", MinimumDealSize = 25_000 },
            new ActivityPolicy { ActivityTypeId = visit.Id, MinimumStage = "Negotiation", MinimumDealSize = 100_000 });

        var groups = await db.Set<StakeholderGroup>().ToDictionaryAsync(g => g.Key, ct);
        foreach (var (email, group) in new[] { ("seller@vouch.demo", "sales"), ("manager@vouch.demo", "marketing"), ("admin@vouch.demo", "product") })
        {
            db.Add(new StakeholderMember { UserId = staff[email].Id, GroupId = groups[group].Id });
        }

        // Two small early deals of the demo seller: each request for a call on them is outside policy.
        var seller = staff["seller@vouch.demo"];
        var manager = staff["manager@vouch.demo"];
        var prospect = new Account { Name = "Harbour Line Logistics", Segment = Segment.MidMarket, Region = Region.Emea, CountryCode = "NL", Employees = 400 };
        db.Add(prospect);
        Opportunity Deal(string name, string stage, decimal amount) => new()
        {
            AccountId = prospect.Id, Name = name, Stage = stage, Amount = amount, CloseDate = today.AddDays(60), OwnerId = seller.Id,
        };
        var (waitingDeal, approvedDeal) = (Deal("Harbour Line pilot", "Qualification", 12_000), Deal("Harbour Line depots", "Prospecting", 40_000));
        db.AddRange(waitingDeal, approvedDeal);
        foreach (var (deal, daysAgo, decision) in new[] { (waitingDeal, 1, (string?)null), (approvedDeal, 4, "A first logistics logo in the Netherlands: worth a call early") })
        {
            var request = new ReferenceRequest
            {
                RequesterId = seller.Id, OpportunityId = deal.Id, ActivityTypeId = call.Id, NeededBy = today.AddDays(21), CreatedAt = now.AddDays(-daysAgo),
                Status = RequestStatus.Submitted, StepDueAt = now.AddDays(2), StakeholderGroupId = groups["sales"].Id,
                UseCase = "Warehouse teams booking references across depots",
            };
            db.Add(request);
            db.Add(new RequestTransition { RequestId = request.Id, To = RequestStatus.Submitted, At = request.CreatedAt, ByUserId = seller.Id, ByName = seller.Email! });
            var broken = PolicyEngine.Check(
                new ProgramRules([new ActivityRule(call.Key, "Proposal", 25_000)], true, null), new RequestFacts(call.Key, deal.Stage, deal.Amount));
            db.Add(new PolicyException
            {
                RequestId = request.Id, Rules = [.. broken.Select(b => b.Rule)], Reasons = [.. broken.Select(b => b.Reason)], RequestedAt = request.CreatedAt,
                State = decision is null ? ExceptionState.Requested : ExceptionState.Approved,
                DecidedById = decision is null ? null : manager.Id, DecidedBy = decision is null ? null : manager.Email,
                DecidedAt = decision is null ? null : now.AddDays(-daysAgo + 1), Reason = decision,
            });
        }

        // Stories that tell where the product fits and where it does not, on the referenceable contacts and the case study.
        var referenceable = await db.Contacts.Where(c => c.Consent != ConsentLevel.None).OrderBy(c => c.LastName).ThenBy(c => c.Id)
            .Take(s_stories.Length).ToListAsync(ct);
        foreach (var (contact, story) in referenceable.Zip(s_stories))
        {
            (contact.FitsWhere, contact.NotAFitFor) = story;
        }
        if (await db.ContentAssets.OrderBy(c => c.CreatedAt).FirstOrDefaultAsync(c => c.Kind == ContentKind.CaseStudy, ct) is { } caseStudy)
        {
            (caseStudy.FitsWhere, caseStudy.NotAFitFor) = s_stories[0];
        }

        // A launch of the first product: targets per segment, two lead users and two beta participants to recruit.
        var product = await db.Products.OrderBy(p => p.Name).FirstAsync(ct);
        db.Add(new Launch
        {
            Name = $"{product.Name} 2.0", ProductId = product.Id, Date = today.AddDays(45), Segments = [nameof(Segment.Enterprise), nameof(Segment.MidMarket)],
            CreatedAt = now.AddDays(-10),
            Targets =
            [
                new LaunchTarget { Segment = Segment.Enterprise, ActivityTypeId = call.Id, Needed = 3 },
                new LaunchTarget { Segment = Segment.Enterprise, ActivityTypeId = activities["case-study"].Id, Needed = 1 },
                new LaunchTarget { Segment = Segment.MidMarket, ActivityTypeId = call.Id, Needed = 2 },
            ],
        });
        var early = await db.Contacts.Where(c => c.Account!.Products.Any(p => p.Id == product.Id)).OrderBy(c => c.LastName).ThenBy(c => c.Id).Take(4).ToListAsync(ct);
        foreach (var (contact, i) in early.Select((c, i) => (c, i)))
        {
            if (i < 2)
            {
                contact.IsLeadUser = true;
            }
            else
            {
                db.Engagements.Add(new Engagement
                {
                    ContactId = contact.Id, AccountId = contact.AccountId, Kind = EngagementKind.Ask, ActivityTypeId = beta.Id,
                    Status = EngagementStatus.Completed, At = now.AddDays(-30 * i), Title = $"Beta feedback on {product.Name}",
                });
            }
        }
        await db.SaveChangesAsync(ct);
    }
}
