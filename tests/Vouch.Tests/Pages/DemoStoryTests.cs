using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Vouch.Auth;
using Vouch.Data;
using Vouch.Features.Engagements;
using Vouch.Features.Ideas;
using Vouch.Features.Requests;
using Vouch.Features.SupplyDemand;
using Vouch.Features.Value;
using Vouch.Seeding;
using Vouch.Tests.Infrastructure;
using Vouch.Web;
using Candidate = Vouch.Features.Discovery.CandidateResponse;

namespace Vouch.Tests.Pages;

/// <summary>The demo plays a year of a program, and every report it opens on has something to say.</summary>
public sealed class DemoStoryTests(VouchApp app) : IClassFixture<VouchApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_demo_shows_gaps_influence_hidden_wealth_unasked_promoters_an_over_asked_advocate_and_a_hot_idea()
    {
        var (catie, hot, top) = await app.WithScopeAsync(async services =>
        {
            Assert.True(await ActivatorUtilities.CreateInstance<DemoData>(services).SeedAsync(Ct));
            var db = services.GetRequiredService<VouchDbContext>();
            var queries = services.GetRequiredService<IdeaQueries>();
            var manager = await db.Users.SingleAsync(u => u.Email == "manager@vouch.demo", Ct);
            var viewer = new Viewer(manager.Id, IsEmployee: true, IsManager: true);
            async Task<string> FirstAsync(string sort) =>
                (await queries.SearchAsync(viewer, new PageQuery(), (await queries.ResolveAsync(viewer, new IdeaFilter { Sort = sort }, null, Ct)).Query!, Ct)).Items[0].Title;
            return (await db.Accounts.Where(a => a.Name == DemoValue.CatieAccount).Select(a => a.Id).SingleAsync(Ct), await FirstAsync("hot"), await FirstAsync("top"));
        });
        using var manager = await app.ClientForAsync(Roles.ReferenceManager);

        var market = (await manager.GetFromJsonAsync<SupplyDemandReport>("/api/v1/reports/supply-demand", Ct))!;
        var influence = (await manager.GetFromJsonAsync<ReferenceReport>("/api/v1/reports/references", Ct))!;
        var value = (await manager.GetFromJsonAsync<EngagementValueResponse>($"/api/v1/accounts/{catie}/value", Ct))!;
        var promoters = (await manager.GetFromJsonAsync<Paged<Candidate>>("/api/v1/candidates?list=PromotersNeverAsked", Ct))!;
        var promoterIds = promoters.Items.Select(p => p.ContactId).ToList();
        var askedPromoters = await app.WithScopeAsync(services => services.GetRequiredService<VouchDbContext>().Engagements
            .CountAsync(e => promoterIds.Contains(e.ContactId) && e.Kind == EngagementKind.Ask, Ct));

        // A year of requests, and five activities besides calls where demand outruns what advocates can give.
        Assert.True(market.Requests >= 90, $"{market.Requests} requests in the year");
        Assert.Equal(["analyst-reference", "case-study", "site-visit", "speaking", "video"],
            market.Cells.Where(c => c.Demand > c.Supply && c.Demand >= 5).Select(c => c.Cell.Activity).Distinct().Order(StringComparer.Ordinal));
        Assert.Contains(market.Cells, c => c.Cell is { Industry: "Healthcare", Region: "Apac", Activity: "case-study" } && (c.Demand, c.Supply) == (9, 0));
        Assert.Contains(market.Forecast, f => f.Cell is { Industry: "Healthcare", Activity: "case-study" } && f.Gap > 0);
        // Closed deals that references helped: real influenced revenue, and a better win rate with references.
        Assert.True(influence.InfluencedRevenue > 1_000_000m, $"{influence.InfluencedRevenue} influenced");
        Assert.True(influence.WinRateWithReferences > influence.WinRateWithoutReferences + 0.15,
            $"{influence.WinRateWithReferences} with, {influence.WinRateWithoutReferences} without");
        // Catie buys little and is worth many times that.
        Assert.Equal((6_955.14m, 13.8m), (value.LifetimeValue.Amount, value.Multiple));
        // Promoters nobody has asked yet, and an advocate asked beyond their limit.
        Assert.NotEmpty(promoters.Items);
        Assert.Equal(0, askedPromoters);
        Assert.Contains(market.NearestBurnout, b => b.AsksLastQuarter > b.AsksPerQuarter);
        // Votes over months: the most voted idea cooled long ago, another draws votes now.
        Assert.Equal(("Slack notifications for approvals", "Export reports to Excel"), (hot, top));
    }
}
