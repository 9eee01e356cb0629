using Microsoft.EntityFrameworkCore;
using Vouch.Data;
using Vouch.Features.Accounts;
using Vouch.Features.Catalog;
using Vouch.Features.Opportunities;
using Vouch.Features.Requests;

namespace Vouch.Seeding;

/// <summary>
/// A year of asks beyond reference calls, where the program is thin: case studies and site visits for healthcare
/// prospects in Asia-Pacific, videos for banks in Latin America, analyst references and speakers for marketing's
/// campaigns. Few advocates agreed to these, so the requests ran out of time or were withdrawn, and the supply and
/// demand report shows the gaps; the segments' open deals, closing in the coming months, make its forecast.
/// </summary>
public static class DemoMarket
{
    private sealed record Ask(string Activity, int Requests, string Industry, Region Region, string Country, string Product, string[] Prospects);

    private static readonly Ask[] s_asks =
    [
        new("case-study", 9, "Healthcare", Region.Apac, "SG", "Vouch Analytics", ["Lotus Care Hospitals", "Sakura Health Network", "Harbourview Clinics"]),
        new("site-visit", 5, "Healthcare", Region.Apac, "AU", "Vouch Analytics", ["Wattle Medical Group", "Coral Coast Health"]),
        new("video", 7, "Finance", Region.LatinAmerica, "BR", "Vouch Security", ["Banco Pampa", "Andes Credit Union", "Caribe Seguros Financieros"]),
        new("analyst-reference", 6, "Finance", Region.Emea, "DE", "Vouch Security", []),
        new("speaking", 5, "Retail", Region.NorthAmerica, "US", "Vouch Mobile", []),
    ];

    public static async Task SeedAsync(VouchDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var seller = await db.Users.SingleAsync(u => u.Email == "seller@vouch.demo", ct);
        var manager = await db.Users.SingleAsync(u => u.Email == "manager@vouch.demo", ct);
        var activities = await db.ActivityTypes.ToDictionaryAsync(t => t.Key, ct);
        var industries = await db.Industries.ToDictionaryAsync(i => i.Name, ct);
        var products = await db.Products.ToDictionaryAsync(p => p.Name, ct);
        var random = new Random(365);

        foreach (var ask in s_asks)
        {
            var industry = industries[ask.Industry];
            var product = products[ask.Product];
            // The segment's prospects: the first one's deals closed lost, the others' are open.
            var prospects = ask.Prospects.Select(name => new Account
            {
                Name = name, IndustryId = industry.Id, Segment = Segment.Enterprise, Region = ask.Region, CountryCode = ask.Country,
                Employees = 800 + random.Next(6_000), OwnerId = seller.Id,
            }).ToList();
            db.Accounts.AddRange(prospects);
            var open = prospects.Skip(1).Select(p => Deal(p, product, today.AddDays(20 + random.Next(150)), closed: false)).ToList();
            db.Opportunities.AddRange(open);

            // The requests spread over the year, the oldest first. A deal's requests take turns among the prospects: the
            // first one's each for a phase that closed lost without the reference, the others' for their open deal. A
            // campaign's requests are for no deal.
            for (var i = 0; i < ask.Requests; i++)
            {
                var created = now.AddDays(-(350 - i * 340 / ask.Requests) + random.Next(7));
                var neededBy = DateOnly.FromDateTime(created.UtcDateTime).AddDays(14 + random.Next(14));
                Opportunity? deal = null;
                if (prospects.Count > 0 && i % prospects.Count == 0)
                {
                    deal = Deal(prospects[0], product, neededBy.AddDays(5 + random.Next(10)), closed: true);
                    deal.Name = $"{prospects[0].Name} – {ask.Product}, phase {i / prospects.Count + 1}";
                    db.Opportunities.Add(deal);
                }
                else if (prospects.Count > 0)
                {
                    deal = open[i % prospects.Count - 1];
                }
                var expired = random.Next(3) > 0;
                var request = new ReferenceRequest
                {
                    RequesterId = deal is null ? manager.Id : seller.Id, OpportunityId = deal?.Id, ActivityTypeId = activities[ask.Activity].Id,
                    NeededBy = neededBy, IndustryId = industry.Id, Products = [product], Region = ask.Region, CountryCode = ask.Country,
                    UseCase = deal is null ? "A campaign in the segment" : $"How a {ask.Industry.ToLowerInvariant()} customer rolled out {ask.Product}",
                    Status = expired ? RequestStatus.Expired : RequestStatus.Cancelled, CreatedAt = created,
                };
                request.Transitions.Add(new RequestTransition { To = RequestStatus.Submitted, At = created, ByUserId = request.RequesterId, ByName = deal is null ? manager.Email! : seller.Email! });
                request.Transitions.Add(new RequestTransition
                {
                    From = RequestStatus.Submitted, To = request.Status, At = expired ? At(neededBy) : created.AddDays(5), ByUserId = manager.Id, ByName = manager.Email!,
                    Note = expired ? "No advocate who agreed to this fits the segment." : "Withdrawn: no advocate fits; sent approved content instead.",
                });
                db.ReferenceRequests.Add(request);
            }
        }
        await db.SaveChangesAsync(ct);

        Opportunity Deal(Account account, Product product, DateOnly closeDate, bool closed) => new()
        {
            AccountId = account.Id, Name = $"{account.Name} – {product.Name}", Amount = 40_000m + random.Next(30) * 5_000m,
            Stage = closed ? "Closed lost" : "Proposal", CloseDate = closeDate, IsClosed = closed, IsWon = false, OwnerId = seller.Id,
            OpenedOn = closeDate.AddDays(-random.Next(60, 120)), Products = [product],
        };
    }

    private static DateTimeOffset At(DateOnly day) => new(day.ToDateTime(new TimeOnly(17, 0)), TimeSpan.Zero);
}
