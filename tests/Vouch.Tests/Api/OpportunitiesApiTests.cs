using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Vouch.Auth;
using Vouch.Data;
using Vouch.Features.Opportunities;
using Vouch.Tests.Infrastructure;

namespace Vouch.Tests.Api;

public sealed class OpportunitiesApiTests(VouchApp app) : IClassFixture<VouchApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly string s_today = DateOnly.FromDateTime(DateTime.UtcNow).ToString("yyyy-MM-dd");

    private Task<Opportunity> DealAsync(Guid id) =>
        app.WithScopeAsync(s => s.GetRequiredService<VouchDbContext>().Opportunities.AsNoTracking().SingleAsync(o => o.Id == id, Ct));

    [Fact]
    public async Task The_owning_seller_closes_their_deal_won_with_its_amount_and_day()
    {
        var (people, advocate) = await app.AddPeopleAsync();
        var id = await app.AddOpportunityAsync(people.SellerId, advocate);
        var read = (await people.Seller.GetFromJsonAsync<OpportunityResponse>($"/api/v1/opportunities/{id}", Ct))!;

        using var response = await people.Seller.PostAsJsonAsync($"/api/v1/opportunities/{id}/close",
            new { won = true, amount = 61_250.50m, closeDate = s_today, version = read.Version }, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var closed = (await response.Content.ReadFromJsonAsync<OpportunityResponse>(Ct))!;
        Assert.Equal((true, true, "Closed Won", 61_250.50m, DateOnly.Parse(s_today, System.Globalization.CultureInfo.InvariantCulture)),
            (closed.IsClosed, closed.IsWon, closed.Stage, closed.Amount, closed.CloseDate));
        Assert.NotEqual(read.Version, closed.Version);
        Assert.Equal((true, true, 61_250.50m), await DealAsync(id) is var deal ? (deal.IsClosed, deal.IsWon, deal.Amount) : default);
    }

    [Fact]
    public async Task A_reference_manager_closes_anyones_deal_lost()
    {
        var (people, advocate) = await app.AddPeopleAsync();
        var id = await app.AddOpportunityAsync(people.SellerId, advocate);
        using var manager = await app.ClientForAsync(Roles.ReferenceManager);
        var read = (await manager.GetFromJsonAsync<OpportunityResponse>($"/api/v1/opportunities/{id}", Ct))!;

        using var response = await manager.PostAsJsonAsync($"/api/v1/opportunities/{id}/close",
            new { won = false, amount = 0, closeDate = s_today, version = read.Version }, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var deal = await DealAsync(id);
        Assert.Equal((true, false, "Closed Lost", 0m), (deal.IsClosed, deal.IsWon, deal.Stage, deal.Amount));
    }

    [Fact]
    public async Task Bad_input_names_each_field_and_changes_nothing()
    {
        var (people, advocate) = await app.AddPeopleAsync();
        var id = await app.AddOpportunityAsync(people.SellerId, advocate);
        var before = await DealAsync(id);
        var tomorrow = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(1).ToString("yyyy-MM-dd");

        using var response = await people.Seller.PostAsJsonAsync($"/api/v1/opportunities/{id}/close", new { amount = -1, closeDate = tomorrow }, Ct);

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        var errors = problem.GetProperty("errors");
        Assert.Equal("won is required: true when the deal was won, false when it was lost.", errors.GetProperty("won")[0].GetString());
        Assert.Equal("amount must be 0 or more.", errors.GetProperty("amount")[0].GetString());
        Assert.Equal("closeDate must be today or earlier: a deal is closed once it has closed.", errors.GetProperty("closeDate")[0].GetString());
        Assert.StartsWith("version is required", errors.GetProperty("version")[0].GetString(), StringComparison.Ordinal);
        var after = await DealAsync(id);
        Assert.Equal((false, "Proposal", 50_000m, before.Version), (after.IsClosed, after.Stage, after.Amount, after.Version));
    }

    [Fact]
    public async Task A_stale_version_is_409_and_changes_nothing()
    {
        var (people, advocate) = await app.AddPeopleAsync();
        var id = await app.AddOpportunityAsync(people.SellerId, advocate);
        var read = (await people.Seller.GetFromJsonAsync<OpportunityResponse>($"/api/v1/opportunities/{id}", Ct))!;
        await app.WithScopeAsync(async s =>
        {
            // Someone else moves the deal along after the seller read it.
            var db = s.GetRequiredService<VouchDbContext>();
            var deal = await db.Opportunities.SingleAsync(o => o.Id == id, Ct);
            deal.Stage = "Negotiation";
            await db.SaveChangesAsync(Ct);
        });

        using var response = await people.Seller.PostAsJsonAsync($"/api/v1/opportunities/{id}/close",
            new { won = true, amount = 50_000, closeDate = s_today, version = read.Version }, Ct);

        var problem = await response.AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("The record was changed by someone else.", problem.GetProperty("title").GetString());
        var after = await DealAsync(id);
        Assert.Equal((false, "Negotiation"), (after.IsClosed, after.Stage));
    }

    [Fact]
    public async Task A_closed_deal_is_not_closed_again()
    {
        var (people, advocate) = await app.AddPeopleAsync();
        var id = await app.AddOpportunityAsync(people.SellerId, advocate);
        var read = (await people.Seller.GetFromJsonAsync<OpportunityResponse>($"/api/v1/opportunities/{id}", Ct))!;
        (await people.Seller.PostAsJsonAsync($"/api/v1/opportunities/{id}/close", new { won = true, amount = 10, closeDate = s_today, version = read.Version }, Ct)).Dispose();
        var closed = (await people.Seller.GetFromJsonAsync<OpportunityResponse>($"/api/v1/opportunities/{id}", Ct))!;

        using var again = await people.Seller.PostAsJsonAsync($"/api/v1/opportunities/{id}/close",
            new { won = false, amount = 0, closeDate = s_today, version = closed.Version }, Ct);

        var problem = await again.AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("The deal is already closed.", problem.GetProperty("title").GetString());
        Assert.Equal((true, 10m), await DealAsync(id) is var deal ? (deal.IsWon, deal.Amount) : default);
    }

    [Fact]
    public async Task Someone_elses_deal_is_not_there_and_an_executive_may_not_close_one()
    {
        var (people, advocate) = await app.AddPeopleAsync();
        var id = await app.AddOpportunityAsync(people.SellerId, advocate);
        var version = (await DealAsync(id)).Version;
        var body = new { won = true, amount = 1, closeDate = s_today, version };
        using var executive = await app.ClientForAsync(Roles.Executive);

        // The owner of the advocate's account is a seller too, but not of this deal.
        Assert.Equal(HttpStatusCode.NotFound, (await people.Owner.GetAsync($"/api/v1/opportunities/{id}", Ct)).StatusCode);
        await (await people.Owner.PostAsJsonAsync($"/api/v1/opportunities/{id}/close", body, Ct)).AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.OK, (await executive.GetAsync($"/api/v1/opportunities/{id}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await executive.PostAsJsonAsync($"/api/v1/opportunities/{id}/close", body, Ct)).StatusCode);
        Assert.False((await DealAsync(id)).IsClosed);
    }

    [Fact]
    public async Task A_seller_may_not_ask_for_a_reference_for_someone_elses_deal()
    {
        var (people, advocate) = await app.AddPeopleAsync();
        var id = await app.AddOpportunityAsync(people.SellerId, advocate);

        using var response = await people.Owner.PostAsJsonAsync("/api/v1/requests", new { activityType = "reference-call", neededBy = "2027-01-31", opportunityId = id }, Ct);

        Assert.Equal(["opportunityId is not one of your opportunities."], await response.AssertValidationProblemAsync("opportunityId"));
        Assert.Equal(0, await app.WithScopeAsync(s => s.GetRequiredService<VouchDbContext>().ReferenceRequests.CountAsync(r => r.OpportunityId == id, Ct)));
    }
}
