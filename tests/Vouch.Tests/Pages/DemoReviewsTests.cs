using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Vouch.Data;
using Vouch.Features.Defences;
using Vouch.Features.Reviews;
using Vouch.Seeding;
using Vouch.Tests.Infrastructure;
using Vouch.Web;

namespace Vouch.Tests.Pages;

public sealed class DemoReviewsTests(VouchApp app) : IClassFixture<VouchApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_demo_has_a_running_campaign_in_every_state_a_refresh_and_a_defence_with_two_defenders()
    {
        await app.WithScopeAsync(async services =>
        {
            Assert.True(await ActivatorUtilities.CreateInstance<DemoData>(services).SeedAsync(Ct));
            var db = services.GetRequiredService<VouchDbContext>();
            var queries = services.GetRequiredService<ReviewQueries>();

            var campaigns = (await queries.ListAsync(new PageQuery(), Ct)).Items;
            var g2 = campaigns.Single(c => c.Site == "G2");
            Assert.Equal(("Running", "USD 25 gift card", new CampaignProgress(5, 3, 2, 12)), (g2.State, g2.Incentive, g2.Progress));
            Assert.Equal(Enum.GetNames<InvitationState>().Order(), (await queries.InvitationsAsync(g2.Id, Ct))!.Select(i => i.State).Distinct().Order());
            var refresh = campaigns.Single(c => c.Kind == "Refresh");
            var due = await queries.EligibleAsync(refresh.Id, null, Ct);
            Assert.Equal(2, due.Value!.Length);
            Assert.NotEmpty((await queries.EligibleAsync(g2.Id, null, Ct)).Value!);

            var log = services.GetRequiredService<DefenceLog>();
            var defence = (await log.FindAsync((await log.ListAsync(new PageQuery(), Ct)).Items.Single().Id, Ct))!;
            Assert.Equal(2, defence.Defenders.Count);
            var ids = defence.Defenders.Select(d => d.ContactId).ToList();
            Assert.True(await db.Contacts.Where(c => ids.Contains(c.Id)).AllAsync(c => c.IsDefender, Ct));
        });
    }
}
