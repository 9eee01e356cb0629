using Microsoft.EntityFrameworkCore;
using Vouch.Data;
using Vouch.Features.Accounts;
using Vouch.Features.BuyerJourney;
using Vouch.Features.Contacts;
using Vouch.Features.Engagements;
using Vouch.Features.Opportunities;
using Vouch.Features.Referrals;
using Vouch.Features.Requests;

namespace Vouch.Seeding;

/// <summary>
/// Catie, the seeds' hidden wealth: Brightline Studios buys 6,000 a year at 2,400 of gross profit (a lifetime value of
/// 6,955), yet Catie referred four customers whose deals won 57,500 (23,000 of margin at 40 %, less 600 for the 12
/// hours asked of her) and gave the references that helped win 20,000 alone and 13,400 with a peer (10,680 of margin):
/// 33,080 beyond buying, 13.8 times what she is worth as a buyer. And buyer-journey answers on a few closed deals, in
/// which review sites mattered most for the largest share of won revenue.
/// </summary>
public static class DemoValue
{
    public const string CatieAccount = "Brightline Studios";

    private static readonly (string Company, decimal Amount, int DaysAgo)[] s_referred =
    [
        ("Initech Studios", 20_000m, 40), ("Umbra Design", 15_000m, 90), ("Hollow Pine Media", 12_500m, 150), ("Stark Print Co", 10_000m, 220),
    ];

    public static async Task SeedAsync(VouchDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var manager = await db.Users.SingleAsync(u => u.Email == "manager@vouch.demo", ct);
        var seller = await db.Users.SingleAsync(u => u.Email == "seller@vouch.demo", ct);
        var types = await db.ActivityTypes.Where(t => t.Key == "referral" || t.Key == "reference-call" || t.Key == "case-study").ToDictionaryAsync(t => t.Key, ct);
        var industry = await db.Industries.OrderBy(i => i.Key).FirstAsync(ct);

        var brightline = new Account
        {
            Name = CatieAccount, IndustryId = industry.Id, Segment = Segment.SmallBusiness, Region = Region.NorthAmerica, CountryCode = "US", Employees = 40,
            AnnualRevenue = 6_000m, GrossProfit = 2_400m, CustomerSince = today.AddYears(-3), ContractDate = today.AddYears(-3), OwnerId = seller.Id,
        };
        var catie = new Contact
        {
            AccountId = brightline.Id, FirstName = "Catie", LastName = "Delgado", Title = "Creative Director", Email = "catie@brightline.example",
            AdvocacyStage = AdvocacyStage.RockStar, HelpsOthers = true, Consent = ConsentLevel.Written, ConsentGivenOn = today.AddYears(-2),
            AgreedActivities = [types["reference-call"], types["referral"], types["case-study"]], SocialCapitalWanted = SocialCapital.Affiliation | SocialCapital.Reputation,
        };
        db.AddRange(brightline, catie);

        void Ask(string key, DateTimeOffset at, string title, Guid? request = null) => db.Engagements.Add(new Engagement
        {
            ContactId = catie.Id, AccountId = brightline.Id, Kind = EngagementKind.Ask, ActivityTypeId = types[key].Id, Title = title,
            Status = EngagementStatus.Completed, At = at, RequestId = request, Rating = key == "reference-call" ? 5 : null,
        });

        // Four customers she referred, each a won deal of its own.
        foreach (var (company, amount, daysAgo) in s_referred)
        {
            var at = now.AddDays(-daysAgo - 60);
            var referred = new Account { Name = company, IndustryId = industry.Id, Segment = Segment.SmallBusiness, Region = Region.NorthAmerica, CountryCode = "US", CustomerSince = today.AddDays(-daysAgo) };
            var deal = WonDeal(referred, $"{company} – first year", amount, today.AddDays(-daysAgo), seller.Id);
            db.AddRange(referred, deal);
            db.Add(new Referral
            {
                ReferredById = catie.Id, AccountId = brightline.Id, Company = company, PersonName = "Head of Studio", Status = ReferralStatus.Opportunity,
                CreatedAt = at, OpportunityId = deal.Id, RecordedById = manager.Id, Note = "Catie introduced us at a design meetup.",
            });
            Ask("referral", at, $"Referred {company}");
        }
        Ask("case-study", now.AddDays(-300), "Case study: Brightline's studio pipeline");

        // Two deals her references helped win: one alone, one beside a peer's reference.
        var northwind = new Account { Name = "Northwind Outfitters", IndustryId = industry.Id, Segment = Segment.MidMarket, Region = Region.NorthAmerica, CountryCode = "US", CustomerSince = today.AddDays(-70) };
        var cobalt = new Account { Name = "Cobalt Print", IndustryId = industry.Id, Segment = Segment.MidMarket, Region = Region.Emea, CountryCode = "GB", CustomerSince = today.AddDays(-30) };
        var harbor = new Account { Name = "Harbor Goods", IndustryId = industry.Id, Segment = Segment.MidMarket, Region = Region.Emea, CountryCode = "GB", AnnualRevenue = 24_000m, GrossProfit = 9_600m, CustomerSince = today.AddYears(-2) };
        var jonah = new Contact { AccountId = harbor.Id, FirstName = "Jonah", LastName = "Reyes", Title = "Operations Lead", Email = "jonah@harborgoods.example", AdvocacyStage = AdvocacyStage.Advocate, Consent = ConsentLevel.Written, ConsentGivenOn = today.AddYears(-1) };
        var dealA = WonDeal(northwind, "Northwind Outfitters – studio suite", 20_000m, today.AddDays(-70), seller.Id);
        var dealB = WonDeal(cobalt, "Cobalt Print – rollout", 13_400m, today.AddDays(-30), seller.Id);
        db.AddRange(northwind, cobalt, harbor, jonah, dealA, dealB);
        Reference(dealA, catie, brightline.Id, now.AddDays(-80));
        Reference(dealB, catie, brightline.Id, now.AddDays(-40));
        Reference(dealB, jonah, harbor.Id, now.AddDays(-38));

        void Reference(Opportunity deal, Contact advocate, Guid accountId, DateTimeOffset at)
        {
            var request = new ReferenceRequest
            {
                RequesterId = seller.Id, OpportunityId = deal.Id, ActivityTypeId = types["reference-call"].Id, NeededBy = DateOnly.FromDateTime(at.UtcDateTime),
                Status = RequestStatus.FeedbackRecorded, CreatedAt = at.AddDays(-7), ContactId = advocate.Id, ScheduledFor = at, AdvocateAskedAt = at.AddDays(-5),
                Happened = true, Rating = 5, Helped = true, FeedbackNotes = "The prospect said this call settled it.", UseCase = "A studio's creative pipeline",
            };
            db.ReferenceRequests.Add(request);
            db.Engagements.Add(new Engagement
            {
                ContactId = advocate.Id, AccountId = accountId, Kind = EngagementKind.Ask, ActivityTypeId = types["reference-call"].Id, Title = $"Reference call for {deal.Name}",
                Status = EngagementStatus.Completed, At = at, RequestId = request.Id, Rating = 5,
            });
        }

        // What influenced the buyers: Catie's deals, and a few other closed deals of the demo.
        var answeredAt = now.AddDays(-1);
        db.AddRange(
            Answer(dealA, [Influence.References, Influence.Content], Influence.References, JourneyStage.Decision),
            Answer(dealB, [Influence.References, Influence.Peers], Influence.References, JourneyStage.Decision));
        var others = await db.Opportunities.Where(o => o.IsClosed).OrderBy(o => o.Name).ThenBy(o => o.Id).Take(6).ToListAsync(ct);
        Influence[] said = [Influence.ReviewSites, Influence.ReviewSites, Influence.Events, Influence.ReviewSites, Influence.Content, Influence.Referrals];
        for (var i = 0; i < others.Count; i++)
        {
            db.Add(Answer(others[i], [said[i], Influence.Content], said[i], i % 2 == 0 ? JourneyStage.Consideration : JourneyStage.Decision));
        }
        await db.SaveChangesAsync(ct);

        BuyerJourneyAnswer Answer(Opportunity deal, List<Influence> influences, Influence most, JourneyStage stage) => new()
        {
            OpportunityId = deal.Id, Influences = [.. influences.Distinct().Order()], MatteredMost = most, Stage = stage, AnsweredAt = answeredAt, AnsweredById = seller.Id,
        };
    }

    private static Opportunity WonDeal(Account account, string name, decimal amount, DateOnly closedOn, Guid ownerId) => new()
    {
        AccountId = account.Id, Name = name, Amount = amount, Stage = OpportunityClosing.WonStage, CloseDate = closedOn, IsClosed = true, IsWon = true, OwnerId = ownerId,
    };
}
