using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Vouch.Data;
using Vouch.Features.Referrals;
using Vouch.Seeding;
using Vouch.Tests.Infrastructure;
using Vouch.Web;

namespace Vouch.Tests.Pages;

public sealed class DemoReferralsTests(VouchApp app) : IClassFixture<VouchApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_demo_has_a_referral_that_became_a_won_deal_and_a_prospect_referred_twice()
    {
        await app.WithScopeAsync(async services =>
        {
            Assert.True(await ActivatorUtilities.CreateInstance<DemoData>(services).SeedAsync(Ct));
            var db = services.GetRequiredService<VouchDbContext>();
            var queries = new ReferralQueries(db);

            // Kestrel Analytics, and the four customers Catie referred (the value demo).
            var won = Assert.Single((await queries.ListAsync(new PageQuery(), new ReferralFilter { Status = "Won" }, Ct)).Items, r => r.Company == "Kestrel Analytics");
            var details = (await queries.FindAsync(won.Id, Ct))!;
            var report = await queries.ReportAsync(Ct);

            Assert.Equal(("Kestrel Analytics", (decimal?)128_000m), (won.Company, won.WonAmount));
            Assert.Single(details.AlsoReferredBy);
            Assert.Equal(["New→Contacted", "Contacted→Qualified", "Qualified→Opportunity"], details.History.Select(m => $"{m.From}→{m.To}"));
            Assert.Equal(128_000m, (await queries.OfAdvocateAsync(won.ReferredById, Ct)).WonRevenue);
            Assert.Equal((11, 5, 128_000m + 57_500m), (report.Totals.Referrals, report.Totals.Won, report.Totals.WonRevenue));
            Assert.Equal(won.ReferredById, report.TopReferrers[0].ContactId);
            Assert.True(await db.Engagements.CountAsync(e => e.ActivityType!.Key == "referral", Ct) >= 5);
        });
    }
}
