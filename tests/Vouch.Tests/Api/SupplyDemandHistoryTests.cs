using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Vouch.Auth;
using Vouch.Data;
using Vouch.Features.Accounts;
using Vouch.Features.Catalog;
using Vouch.Features.Contacts;
using Vouch.Features.Engagements;
using Vouch.Features.Opportunities;
using Vouch.Features.Requests;
using Vouch.Features.SupplyDemand;
using Vouch.Tests.Infrastructure;

namespace Vouch.Tests.Api;

/// <summary>
/// The report served from the advocate pool and the market history against the engine fed every raw record: requests,
/// referenceable contacts with their accounts and asks, and deals, read one by one.
/// </summary>
public sealed class SupplyDemandHistoryTests(VouchApp app) : IClassFixture<VouchApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private static readonly DateOnly s_today = DateOnly.FromDateTime(DateTime.UtcNow);

    public static TheoryData<int, int, bool> Periods => new()
    {
        { -365, 1, true }, // a year up to today
        { -30, 1, true },
        { -1000, -600, true }, // older than the pool's two years of ledger
        { 1, 90, false }, // ahead, where only scheduled asks and closing deals are
    };

    [Theory]
    [MemberData(nameof(Periods))]
    public async Task The_report_equals_the_engine_fed_every_raw_record(int fromDays, int toDays, bool requested)
    {
        await AddMarketAsync(seed: 11);
        using var manager = await app.ClientForAsync(Roles.ReferenceManager);
        var (from, to) = (s_today.AddDays(fromDays), s_today.AddDays(toDays));

        var served = await ReportAsync(manager, from, to);

        AssertSame(await RawReportAsync(from, to), served);
        Assert.Equal(requested, served.Cells.Count > 0);
    }

    [Fact]
    public async Task Requests_made_and_cancelled_through_this_instance_are_counted_at_once()
    {
        await AddMarketAsync(seed: 23);
        var (people, advocate) = await app.AddPeopleAsync();
        var deal = await app.AddOpportunityAsync(people.SellerId, advocate);
        using var manager = await app.ClientForAsync(Roles.ReferenceManager);
        var (from, to) = (s_today.AddDays(-365), s_today.AddDays(1));
        var before = await ReportAsync(manager, from, to);
        var market = app.Services.GetRequiredService<MarketSnapshot>();
        var read = (await market.CurrentAsync(Ct)).BuiltAt;

        var ids = new List<Guid>();
        foreach (var body in new object[]
        {
            new { activityType = "reference-call", neededBy = s_today.AddDays(30), opportunityId = deal,
                criteria = new { industryId = advocate.IndustryId, productIds = new[] { advocate.ProductId }, region = "Emea" } },
            new { activityType = "reference-call", neededBy = s_today.AddDays(30), criteria = new { region = "Apac" } },
        })
        {
            using var created = await people.Seller.PostAsJsonAsync("/api/v1/requests", body, Ct);
            Assert.Equal(System.Net.HttpStatusCode.Created, created.StatusCode);
            ids.Add((await created.Content.ReadFromJsonAsync<RequestResponse>(Ct))!.Id);
        }
        var afterCreating = await ReportAsync(manager, from, to);
        using (var cancelled = await people.Seller.PostAsJsonAsync($"/api/v1/requests/{ids[0]}/cancel", new { reason = "Deal lost" }, Ct))
        {
            Assert.Equal(System.Net.HttpStatusCode.OK, cancelled.StatusCode);
        }
        var afterCancelling = await ReportAsync(manager, from, to);

        Assert.Equal(before.Requests + 2, afterCreating.Requests);
        AssertSame(await RawReportAsync(from, to), afterCreating);
        // A cancelled request was still asked for: demand counts it.
        Assert.Equal(afterCreating.Requests, afterCancelling.Requests);
        AssertSame(await RawReportAsync(from, to), afterCancelling);
        // Laid on top of the history read before, not read again.
        Assert.Equal(read, (await market.CurrentAsync(Ct)).BuiltAt);
    }

    private static async Task<SupplyDemandReport> ReportAsync(HttpClient client, DateOnly from, DateOnly to) =>
        (await client.GetFromJsonAsync<SupplyDemandReport>($"/api/v1/reports/supply-demand?from={from:yyyy-MM-dd}&to={to:yyyy-MM-dd}", Ct))!;

    private static void AssertSame(SupplyDemandReport expected, SupplyDemandReport actual)
    {
        Assert.Equal(expected.Requests, actual.Requests);
        Assert.Equal(expected.Cells, actual.Cells);
        Assert.Equal(expected.NearestBurnout, actual.NearestBurnout);
        Assert.Equal(expected.Forecast, actual.Forecast);
    }

    /// <summary>The report the engine makes from every record as it is stored, without history or pool.</summary>
    private Task<SupplyDemandReport> RawReportAsync(DateOnly from, DateOnly to) => app.WithScopeAsync(async services =>
    {
        var db = services.GetRequiredService<VouchDbContext>();
        var industries = await db.Industries.ToDictionaryAsync(i => i.Id, i => i.Name, Ct);
        var activities = await db.ActivityTypes.ToDictionaryAsync(t => t.Id, Ct);
        string? IndustryOf(Guid? id) => id is { } known && industries.TryGetValue(known, out var name) ? name : null;

        var requests = (await db.ReferenceRequests.AsNoTracking().Include(r => r.Products).ToListAsync(Ct))
            .Select(r => new DemandSignal(IndustryOf(r.IndustryId), [.. r.Products.Select(p => p.Name)], r.Region?.ToString(),
                activities[r.ActivityTypeId].Key, DateOnly.FromDateTime(r.CreatedAt.UtcDateTime), r.OpportunityId != null))
            .ToList();
        var asks = (await db.Engagements.AsNoTracking().Where(e => e.Kind == EngagementKind.Ask && e.Status != EngagementStatus.Released).ToListAsync(Ct))
            .ToLookup(e => e.ContactId, e => DateOnly.FromDateTime(e.At.UtcDateTime));
        var advocates = (await db.Contacts.AsNoTracking()
                .Include(c => c.Account!).ThenInclude(a => a.Products).Include(c => c.AgreedActivities)
                .Where(c => c.Consent != ConsentLevel.None && (c.ConsentExpiresOn == null || c.ConsentExpiresOn >= s_today))
                .ToListAsync(Ct))
            .Select(c => new AdvocateSupply(
                c.Id, $"{c.FirstName} {c.LastName}", IndustryOf(c.Account!.IndustryId), c.Account.Products.Select(p => p.Name).ToHashSet(),
                c.Account.Region?.ToString(), c.AgreedActivities.Where(t => t.IsActive).Select(t => t.Key).ToHashSet(),
                c.MaxAsksPerQuarter ?? SupplyDemandEndpoints.DefaultAsksPerQuarter, [.. asks[c.Id]]))
            .ToList();
        var pipeline = (await db.Opportunities.AsNoTracking().Include(o => o.Account).Include(o => o.Products).Where(o => !o.IsClosed).ToListAsync(Ct))
            .Select(o => new PipelineDeal(IndustryOf(o.Account!.IndustryId), [.. o.Products.Select(p => p.Name)], o.Account.Region?.ToString(), o.CloseDate))
            .ToList();
        var closed = await db.Opportunities.CountAsync(o => o.IsClosed && o.CloseDate >= from && o.CloseDate < to, Ct);
        return SupplyDemandEngine.Report(from, to, requests, advocates, pipeline, closed, s_today);
    });

    /// <summary>
    /// Accounts in a few industries, regions and products (one deleted), contacts with and without consent, asks over
    /// three years in every state, requests naming none, one or two products, and open and closed deals.
    /// </summary>
    private Task AddMarketAsync(int seed) => app.WithScopeAsync(async services =>
    {
        var random = new Random(seed);
        var db = services.GetRequiredService<VouchDbContext>();
        var seller = (await app.AddUserAsync(Roles.Seller)).Id;
        var industries = await db.Industries.OrderBy(i => i.Key).Take(3).Select(i => (Guid?)i.Id).ToListAsync(Ct);
        industries.Add(null);
        var activities = await db.ActivityTypes.Where(t => t.IsActive).OrderBy(t => t.Key).Take(3).ToListAsync(Ct);
        var products = Enumerable.Range(0, 3).Select(i => new Product { Key = $"m{seed}-{i}-{Guid.NewGuid():N}", Name = $"Market {seed} {i} {Guid.NewGuid():N}" }).ToList();
        Region?[] regions = [Region.Emea, Region.Apac, null];
        var now = DateTimeOffset.UtcNow;
        T Pick<T>(IReadOnlyList<T> items) => items[random.Next(items.Count)];
        List<Product> SomeProducts() => [.. products.Where(_ => random.Next(3) == 0)];

        for (var a = 0; a < 8; a++)
        {
            var account = new Account
            {
                Name = $"Market {seed} {a}", IndustryId = Pick(industries), Region = Pick(regions), Products = SomeProducts(),
                DeletedAt = a == 7 ? now.AddDays(-1) : null,
            };
            db.Add(account);
            for (var c = 0; c < 4; c++)
            {
                var contact = new Contact
                {
                    AccountId = account.Id, FirstName = "Market", LastName = $"Advocate {seed}-{a}-{c}",
                    Consent = random.Next(5) == 0 ? ConsentLevel.None : ConsentLevel.Written,
                    ConsentExpiresOn = random.Next(6) == 0 ? s_today.AddDays(-random.Next(1, 100)) : null,
                    AgreedActivities = [.. activities.Where(_ => random.Next(2) == 0)],
                    MaxAsksPerQuarter = random.Next(3) == 0 ? null : random.Next(1, 4),
                };
                db.Add(contact);
                for (var e = random.Next(0, 6); e > 0; e--)
                {
                    db.Add(new Engagement
                    {
                        ContactId = contact.Id, AccountId = account.Id, Kind = EngagementKind.Ask, ActivityTypeId = Pick(activities).Id,
                        Status = Pick([EngagementStatus.Completed, EngagementStatus.Scheduled, EngagementStatus.Reserved, EngagementStatus.Released]),
                        At = now.AddDays(random.Next(-1000, 120)),
                    });
                }
            }
            for (var o = 0; o < 5; o++)
            {
                var closedDeal = random.Next(2) == 0;
                db.Add(new Opportunity
                {
                    AccountId = account.Id, Name = $"Deal {o}", Stage = closedDeal ? "Closed Won" : "Proposal", IsClosed = closedDeal, IsWon = closedDeal,
                    CloseDate = s_today.AddDays(closedDeal ? random.Next(-1000, 0) : random.Next(0, 400)), Products = SomeProducts(),
                });
            }
        }
        var deals = db.ChangeTracker.Entries<Opportunity>().Select(e => e.Entity.Id).ToList();
        for (var r = 0; r < 120; r++)
        {
            db.Add(new ReferenceRequest
            {
                RequesterId = seller, ActivityTypeId = Pick(activities).Id, NeededBy = s_today.AddDays(30), IndustryId = Pick(industries),
                Region = Pick(regions), Products = random.Next(4) == 0 ? [.. products.Take(2)] : SomeProducts().Take(1).ToList(),
                CreatedAt = now.AddDays(-random.Next(0, 1000)), OpportunityId = random.Next(2) == 0 ? Pick(deals) : null,
            });
        }
        await db.SaveChangesAsync(Ct);
    });
}
