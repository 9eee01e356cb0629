using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Vouch.Auth;
using Vouch.Data;
using Vouch.Features.BuyerJourney;
using Vouch.Features.Value;
using Vouch.Seeding;
using Vouch.Tests.Infrastructure;

namespace Vouch.Tests.Pages;

public sealed class DemoValueTests(VouchApp app) : IClassFixture<VouchApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Catie_is_worth_13_point_8_times_her_value_as_a_buyer_and_review_sites_mattered_most_for_the_largest_share()
    {
        var catie = await app.WithScopeAsync(async services =>
        {
            Assert.True(await ActivatorUtilities.CreateInstance<DemoData>(services).SeedAsync(Ct));
            return await services.GetRequiredService<VouchDbContext>().Accounts.Where(a => a.Name == DemoValue.CatieAccount).Select(a => a.Id).SingleAsync(Ct);
        });
        using var manager = await app.ClientForAsync(Roles.ReferenceManager);

        var value = (await manager.GetFromJsonAsync<EngagementValueResponse>($"/api/v1/accounts/{catie}/value", Ct))!;
        var report = (await manager.GetFromJsonAsync<BuyerJourneyReport>("/api/v1/reports/buyer-journey", Ct))!;
        var page = await manager.GetStringAsync($"/accounts/{catie}", Ct);

        Assert.Equal((6_955.14m, 22_400m, 10_680m, 0m, 13.8m), (value.LifetimeValue.Amount, value.ReferralValue.Amount, value.InfluenceValue.Amount, value.KnowledgeValue.Amount, value.Multiple));
        Assert.Equal(4, value.ReferralValue.Lines.Count(l => l.Source == "referral"));
        Assert.Equal([1m, 0.5m], value.InfluenceValue.Lines.Select(l => l.Share));
        Assert.Contains("13.8×", page, StringComparison.Ordinal);
        Assert.Contains(report.Influences, i => i.Influence == "ReviewSites" && i.Share > 0);
    }
}
