using System.Net;
using System.Net.Http.Json;
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

public sealed class SupplyDemandApiTests(VouchApp app) : IClassFixture<VouchApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly Guid s_banking = Industry.Standard("Banking").Id;
    private static readonly Guid s_referenceCall = StableId.For("activity-type:reference-call");

    [Fact]
    public async Task The_report_weighs_the_periods_requests_against_the_capacity_of_advocates_who_fit()
    {
        var seller = await app.AddUserAsync(Roles.Seller);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var now = DateTimeOffset.UtcNow;
        var (busy, product) = await app.WithScopeAsync(async services =>
        {
            var db = services.GetRequiredService<VouchDbContext>();
            var referenceCall = await db.ActivityTypes.FindAsync([s_referenceCall], Ct);
            var payments = new Product { Key = $"payments-{Guid.NewGuid():N}", Name = $"Payments {Guid.NewGuid():N}" };
            var account = new Account { Name = "Nordbank", IndustryId = s_banking, Region = Region.Emea, Products = [payments] };
            Contact Advocate(string name, int? perQuarter) => new()
            {
                AccountId = account.Id, FirstName = name, LastName = "Advocate", Consent = ConsentLevel.Written,
                AgreedActivities = [referenceCall!], MaxAsksPerQuarter = perQuarter,
            };
            var busy = Advocate("Busy", perQuarter: 1);
            var free = Advocate("Free", perQuarter: null);
            var unwilling = new Contact { AccountId = account.Id, FirstName = "No", LastName = "Consent" };
            db.AddRange(account, busy, free, unwilling);
            db.Add(new Engagement
            {
                ContactId = busy.Id, AccountId = account.Id, Kind = EngagementKind.Ask, ActivityTypeId = s_referenceCall,
                Status = EngagementStatus.Completed, At = now.AddDays(-5),
            });
            var deal = new Opportunity { AccountId = account.Id, Name = "Closed deal", Stage = "Closed Won", CloseDate = today.AddDays(-3), IsClosed = true, IsWon = true };
            db.Add(deal);
            db.Add(new Opportunity { AccountId = account.Id, Name = "Next deal", Stage = "Proposal", CloseDate = today.AddDays(20), Products = [payments] });
            for (var i = 0; i < 5; i++)
            {
                db.Add(new ReferenceRequest
                {
                    RequesterId = seller.Id, ActivityTypeId = s_referenceCall, NeededBy = today.AddDays(30), IndustryId = s_banking,
                    Region = Region.Emea, Products = [payments], CreatedAt = now.AddDays(-i - 1), OpportunityId = i == 0 ? deal.Id : null,
                });
            }
            await db.SaveChangesAsync(Ct);
            return (busy.Id, payments.Name);
        });
        using var manager = await app.ClientForAsync(Roles.ReferenceManager);

        var report = (await manager.GetFromJsonAsync<SupplyDemandReport>(
            $"/api/v1/reports/supply-demand?from={today.AddDays(-30):yyyy-MM-dd}&to={today.AddDays(1):yyyy-MM-dd}", Ct))!;

        Assert.Equal(5, report.Requests);
        var cell = Assert.Single(report.Cells);
        Assert.Equal(new MarketCell("Banking", product, "Emea", "reference-call"), cell.Cell);
        // Over 31 days "Busy" may take 1 × 31/91 ≈ 0 more and has taken one; "Free" counts at the default of 2 a quarter: 1.
        Assert.Equal((5, 1, 4), (cell.Demand, cell.Supply, cell.Gap));
        var risk = Assert.Single(report.NearestBurnout);
        Assert.Equal((busy, 1, 1), (risk.ContactId, risk.AsksLastQuarter, risk.AsksPerQuarter));
        // One deal request over one closed deal, one open deal closing in the next 31 days.
        var forecast = Assert.Single(report.Forecast);
        Assert.Equal((new MarketCell("Banking", product, "Emea", "reference-call"), 1.0), (forecast.Cell, forecast.ExpectedRequests));
    }

    [Theory]
    [InlineData("from=2026-05-01&to=2026-04-01", "from")]
    [InlineData("from=2020-01-01&to=2026-01-01", "to")]
    [InlineData("from=yesterday", "from")]
    public async Task A_bad_period_is_refused_naming_the_field(string query, string field)
    {
        using var manager = await app.ClientForAsync(Roles.ReferenceManager);

        using var response = await manager.GetAsync($"/api/v1/reports/supply-demand?{query}", Ct);

        await ProblemAssertions.AssertValidationProblemAsync(response, field);
    }

    [Fact]
    public async Task The_page_shows_the_balance_and_who_is_nearest_burnout()
    {
        using var executive = await app.ClientForAsync(Roles.Executive);

        using var response = await executive.GetAsync("/reports/supply-demand", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Demand against supply", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }
}
