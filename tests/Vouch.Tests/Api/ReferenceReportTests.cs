using System.Net;
using System.Net.Http.Json;
using Vouch.Auth;
using Vouch.Features.Opportunities;
using Vouch.Features.Requests;
using Vouch.Tests.Infrastructure;

namespace Vouch.Tests.Api;

/// <summary>The influenced revenue report over deals closed through the API; one test, so the figures are exactly its own.</summary>
public sealed class ReferenceReportTests(VouchApp app) : IClassFixture<VouchApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly string s_today = DateOnly.FromDateTime(DateTime.UtcNow).ToString("yyyy-MM-dd");

    /// <summary>A deal of a new seller, a reference for it taken through every step with this feedback, and the deal closed.</summary>
    private async Task<(Guid Deal, Guid Request, string Contact)> DealWithReferenceAsync(decimal amount, object feedback, bool won)
    {
        var (people, advocate) = await app.AddPeopleAsync();
        var deal = await app.AddOpportunityAsync(people.SellerId, advocate, amount);
        using var created = await people.Seller.PostAsJsonAsync("/api/v1/requests",
            new { activityType = "reference-call", neededBy = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(20), opportunityId = deal }, Ct);
        var request = (await created.Content.ReadFromJsonAsync<RequestResponse>(Ct))!;
        await StepAsync(people.Seller, $"/api/v1/requests/{request.Id}/assign", new { contactId = advocate.ContactId });
        await StepAsync(people.Owner, $"/api/v1/requests/{request.Id}/owner-consent", new { decision = "approve" });
        await StepAsync(people.Advocate, $"/api/v1/requests/{request.Id}/accept", null);
        await StepAsync(people.Seller, $"/api/v1/requests/{request.Id}/schedule", new { at = DateTimeOffset.UtcNow.AddDays(2) });
        await StepAsync(people.Seller, $"/api/v1/requests/{request.Id}/complete", null);
        var closedRequest = await StepAsync(people.Seller, $"/api/v1/requests/{request.Id}/feedback", feedback);
        await CloseAsync(people.Seller, deal, won, amount);
        return (deal, request.Id, closedRequest.Contact!);
    }

    private static async Task<RequestResponse> StepAsync(HttpClient client, string path, object? body)
    {
        using var response = body is null ? await client.PostAsync(path, null, Ct) : await client.PostAsJsonAsync(path, body, Ct);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {response.StatusCode} {await response.Content.ReadAsStringAsync(Ct)}");
        return (await response.Content.ReadFromJsonAsync<RequestResponse>(Ct))!;
    }

    private static async Task CloseAsync(HttpClient seller, Guid deal, bool won, decimal amount)
    {
        var read = (await seller.GetFromJsonAsync<OpportunityResponse>($"/api/v1/opportunities/{deal}", Ct))!;
        using var response = await seller.PostAsJsonAsync($"/api/v1/opportunities/{deal}/close", new { won, amount, closeDate = s_today, version = read.Version }, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Closing_deals_feeds_influenced_revenue_and_the_win_rates_with_and_without_references()
    {
        var won = await DealWithReferenceAsync(80_000m, new { happened = true, rating = 4, helped = true }, won: true);
        var lost = await DealWithReferenceAsync(30_000m, new { happened = true, rating = 2 }, won: false);
        // A reference that did not help leaves its deal "without references".
        await DealWithReferenceAsync(20_000m, new { happened = true, rating = 1, helped = false }, won: true);
        using var executive = await app.ClientForAsync(Roles.Executive);
        using var seller = await app.ClientForAsync(Roles.Seller);

        var report = (await executive.GetFromJsonAsync<ReferenceReport>("/api/v1/reports/references", Ct))!;

        Assert.Equal(80_000m, report.InfluencedRevenue);
        Assert.Equal((2, 1, 0.5), (report.DealsWithReferences, report.WonWithReferences, report.WinRateWithReferences));
        Assert.Equal((1, 1, 1.0), (report.DealsWithoutReferences, report.WonWithoutReferences, report.WinRateWithoutReferences));
        Assert.Equal(new[] { (won.Deal, true), (lost.Deal, false) }.Order(), report.Deals.Select(d => (d.OpportunityId, d.Won)).Order());
        var credited = Assert.Single(report.Deals.Single(d => d.OpportunityId == won.Deal).References);
        Assert.Equal((won.Request, won.Contact, "Reference call", 4, 80_000m), (credited.RequestId, credited.Contact, credited.Activity, credited.Rating, credited.Credit));
        Assert.Equal(0m, Assert.Single(report.Deals.Single(d => d.OpportunityId == lost.Deal).References).Credit);
        Assert.Equal(HttpStatusCode.Forbidden, (await seller.GetAsync("/api/v1/reports/references", Ct)).StatusCode);

        var page = await executive.GetStringAsync("/reports/references", Ct);
        Assert.Contains("<span class=\"figure\" data-testid=\"influenced-revenue\">80,000</span>", page, StringComparison.Ordinal);
        Assert.Contains("<span class=\"figure\" data-testid=\"win-rate-with\">50%</span>", page, StringComparison.Ordinal);
        Assert.Contains("<span class=\"figure\" data-testid=\"win-rate-without\">100%</span>", page, StringComparison.Ordinal);
        Assert.Contains($"<a href=\"/requests/{won.Request}\">{won.Contact}</a>", page, StringComparison.Ordinal);
    }
}
