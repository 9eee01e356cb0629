using System.Net;
using System.Net.Http.Json;
using Vouch.Auth;
using Vouch.Features.Opportunities;
using Vouch.Tests.Infrastructure;
using Vouch.Web;

namespace Vouch.Tests.Api;

/// <summary>The deals list and creating a deal: sellers see and own their own, the reference team everyone's.</summary>
public sealed class OpportunityListTests(VouchApp app) : IClassFixture<VouchApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_seller_creates_a_deal_they_own_and_lists_only_their_own_deals()
    {
        var (people, advocate) = await app.AddPeopleAsync();
        var othersDeal = await app.AddOpportunityAsync(people.OwnerId, advocate);
        var name = $"Deal {Guid.NewGuid():N}";

        using var created = await people.Seller.PostAsJsonAsync("/api/v1/opportunities",
            new { accountId = advocate.AccountId, name, amount = 25_000m, stage = "Discovery", closeDate = "2027-06-30", competitor = "Legacy Corp" }, Ct);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var deal = (await created.Content.ReadFromJsonAsync<OpportunityResponse>(Ct))!;
        Assert.Equal((people.SellerId, false, "Discovery", 25_000m, "Legacy Corp"), (deal.OwnerId!.Value, deal.IsClosed, deal.Stage, deal.Amount, deal.Competitor));
        var mine = (await people.Seller.GetFromJsonAsync<Paged<OpportunitySummary>>($"/api/v1/opportunities?accountId={advocate.AccountId}", Ct))!;
        Assert.Equal([deal.Id], mine.Items.Select(o => o.Id));
        using var manager = await app.ClientForAsync(Roles.ReferenceManager);
        var searched = (await manager.GetFromJsonAsync<Paged<OpportunitySummary>>($"/api/v1/opportunities?q={Uri.EscapeDataString(name.ToUpperInvariant())}&open=true", Ct))!;
        Assert.Equal([deal.Id], searched.Items.Select(o => o.Id));
        var closedOnly = (await manager.GetFromJsonAsync<Paged<OpportunitySummary>>($"/api/v1/opportunities?q={Uri.EscapeDataString(name)}&won=true", Ct))!;
        Assert.Empty(closedOnly.Items);
        Assert.NotEqual(othersDeal, deal.Id);
    }

    [Fact]
    public async Task Bad_input_names_each_field_and_creates_nothing()
    {
        var (people, advocate) = await app.AddPeopleAsync();
        var before = (await people.Seller.GetFromJsonAsync<Paged<OpportunitySummary>>("/api/v1/opportunities", Ct))!.Total;

        using var empty = await people.Seller.PostAsJsonAsync("/api/v1/opportunities", new { }, Ct);
        using var wrong = await people.Seller.PostAsJsonAsync("/api/v1/opportunities",
            new { accountId = Guid.NewGuid(), name = "X", amount = -5, closeDate = "2027-01-01", stage = "Closed Won", ownerId = people.OwnerId }, Ct);
        using var badFilter = await people.Seller.GetAsync("/api/v1/opportunities?open=true&won=true", Ct);

        var errors = (await empty.AssertProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors");
        Assert.Equal(["accountId", "amount", "closeDate", "name"], errors.EnumerateObject().Select(e => e.Name).Order(StringComparer.Ordinal));
        var wrongErrors = (await wrong.AssertProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors");
        Assert.Equal(["accountId", "amount", "ownerId", "stage"], wrongErrors.EnumerateObject().Select(e => e.Name).Order(StringComparer.Ordinal));
        await badFilter.AssertValidationProblemAsync("won");
        Assert.Equal(before, (await people.Seller.GetFromJsonAsync<Paged<OpportunitySummary>>("/api/v1/opportunities", Ct))!.Total);
        Assert.NotEqual(Guid.Empty, advocate.AccountId);
    }
}
