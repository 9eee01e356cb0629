using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Vouch.Auth;
using Vouch.Data;
using Vouch.Features.Accounts;
using Vouch.Features.BuyerJourney;
using Vouch.Features.Opportunities;
using Vouch.Tests.Infrastructure;

namespace Vouch.Tests.Api;

/// <summary>The buyer-journey survey: one answer per closed deal, by its seller or the reference team, and the report.</summary>
public sealed class BuyerJourneyApiTests(VouchApp app) : IClassFixture<VouchApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private Task<Guid> AddDealAsync(Guid? ownerId, bool closed, bool won = true, decimal amount = 10_000m) => app.WithScopeAsync(async services =>
    {
        var db = services.GetRequiredService<VouchDbContext>();
        var account = new Account { Name = $"Buyer {Guid.NewGuid():N}"[..20] };
        var deal = new Opportunity
        {
            AccountId = account.Id, Name = "Journey deal", Amount = amount, Stage = closed ? (won ? "Closed Won" : "Closed Lost") : "Proposal",
            CloseDate = new DateOnly(2026, 3, 1), IsClosed = closed, IsWon = closed && won, OwnerId = ownerId,
        };
        db.AddRange(account, deal);
        await db.SaveChangesAsync(Ct);
        return deal.Id;
    });

    private static object Body(params string[] influences) =>
        new { influences, matteredMost = influences.FirstOrDefault(), stage = "Decision", note = "They read three reviews before the call." };

    [Fact]
    public async Task A_closed_deal_is_answered_once_and_the_answer_is_read_back()
    {
        var seller = await app.AddUserAsync(Roles.Seller);
        using var client = app.ClientWithToken(await app.CreateTokenAsync(seller.Id));
        var deal = await AddDealAsync(seller.Id, closed: true);

        using var answered = await client.PostAsJsonAsync($"/api/v1/opportunities/{deal}/buyer-journey", Body("reviewSites", "references"), Ct);
        using var again = await client.PostAsJsonAsync($"/api/v1/opportunities/{deal}/buyer-journey", Body("events"), Ct);
        var read = (await client.GetFromJsonAsync<BuyerJourneyResponse>($"/api/v1/opportunities/{deal}/buyer-journey", Ct))!;

        Assert.Equal(HttpStatusCode.Created, answered.StatusCode);
        Assert.Equal(["References", "ReviewSites"], read.Influences);
        Assert.Equal(("ReviewSites", "Decision", true, "They read three reviews before the call."), (read.MatteredMost, read.Stage, read.Won, read.Note));
        Assert.Equal("The deal's buyer journey is already recorded.", (await again.AssertProblemAsync(HttpStatusCode.Conflict)).GetProperty("title").GetString());
        Assert.Equal(1, await app.WithScopeAsync(s => s.GetRequiredService<VouchDbContext>().Set<BuyerJourneyAnswer>().CountAsync(a => a.OpportunityId == deal, Ct)));
    }

    [Fact]
    public async Task An_open_deal_bad_input_and_someone_elses_deal_are_refused_and_nothing_is_recorded()
    {
        var seller = await app.AddUserAsync(Roles.Seller);
        using var client = app.ClientWithToken(await app.CreateTokenAsync(seller.Id));
        var open = await AddDealAsync(seller.Id, closed: false);
        var closed = await AddDealAsync(seller.Id, closed: true);
        var anothers = await AddDealAsync(null, closed: true);

        using var stillOpen = await client.PostAsJsonAsync($"/api/v1/opportunities/{open}/buyer-journey", Body("references"), Ct);
        using var bad = await client.PostAsJsonAsync($"/api/v1/opportunities/{closed}/buyer-journey",
            new { influences = new[] { "references", "gossip" }, matteredMost = "events", stage = "later" }, Ct);
        using var notTheirs = await client.PostAsJsonAsync($"/api/v1/opportunities/{anothers}/buyer-journey", Body("references"), Ct);
        using var notAnswered = await client.GetAsync($"/api/v1/opportunities/{closed}/buyer-journey", Ct);

        Assert.Equal("The deal is still open.", (await stillOpen.AssertProblemAsync(HttpStatusCode.Conflict)).GetProperty("title").GetString());
        var errors = (await bad.AssertProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors");
        Assert.Equal(["influences[1]", "matteredMost", "stage"], errors.EnumerateObject().Select(e => e.Name).Order(StringComparer.Ordinal));
        await notTheirs.AssertProblemAsync(HttpStatusCode.NotFound);
        await notAnswered.AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(0, await app.WithScopeAsync(s => s.GetRequiredService<VouchDbContext>().Set<BuyerJourneyAnswer>()
            .CountAsync(a => a.OpportunityId == open || a.OpportunityId == closed || a.OpportunityId == anothers, Ct)));
    }

    [Fact]
    public async Task The_report_gives_each_influence_its_share_of_the_won_revenue_it_mattered_most_for()
    {
        using var manager = await app.ClientForAsync(Roles.ReferenceManager);
        var before = (await manager.GetFromJsonAsync<BuyerJourneyReport>("/api/v1/reports/buyer-journey", Ct))!;
        foreach (var (amount, won, most) in new[] { (30_000m, true, "ReviewSites"), (10_000m, true, "Events"), (50_000m, false, "ReviewSites") })
        {
            var deal = await AddDealAsync(null, closed: true, won, amount);
            using var answered = await manager.PostAsJsonAsync($"/api/v1/opportunities/{deal}/buyer-journey", Body(most), Ct);
            Assert.Equal(HttpStatusCode.Created, answered.StatusCode);
        }

        var report = (await manager.GetFromJsonAsync<BuyerJourneyReport>("/api/v1/reports/buyer-journey", Ct))!;

        Assert.Equal((before.AnsweredDeals + 3, before.AnsweredWonRevenue + 40_000m), (report.AnsweredDeals, report.AnsweredWonRevenue));
        var reviews = report.Influences.Single(i => i.Influence == "ReviewSites");
        var beforeReviews = before.Influences.Single(i => i.Influence == "ReviewSites");
        Assert.Equal(beforeReviews.WonRevenue + 30_000m, reviews.WonRevenue);
        Assert.Equal(Math.Round(reviews.WonRevenue / report.AnsweredWonRevenue, 4), reviews.Share);
    }
}
