using System.Net;
using System.Net.Http.Json;
using Vouch.Auth;
using Vouch.Features.Contacts;
using Vouch.Features.Requests;
using Vouch.Tests.Api;
using Vouch.Tests.Infrastructure;

namespace Vouch.Tests.Pages;

public sealed class RequestPagesTests(VouchApp app) : IClassFixture<VouchApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_seller_sees_the_deal_the_ranked_advocates_and_why_others_are_not_available()
    {
        var (people, advocate) = await app.AddPeopleAsync(c => c.LastName = "Lovelace");
        await app.AddAdvocateAsync(null, c => (c.LastName, c.Consent) = ("Nobody", ConsentLevel.None));
        var opportunityId = await app.AddOpportunityAsync(people.SellerId, advocate);

        var list = await people.Seller.GetStringAsync("/opportunities", Ct);
        var deal = await people.Seller.GetStringAsync($"/opportunities/{opportunityId}", Ct);
        var form = await people.Seller.GetStringAsync($"/requests/new?opportunity={opportunityId}", Ct);
        using var created = await people.Seller.PostAsJsonAsync("/api/v1/requests", new { activityType = "reference-call", neededBy = "2027-01-31", opportunityId }, Ct);
        var request = (await created.Content.ReadFromJsonAsync<RequestResponse>(Ct))!;
        var page = await people.Seller.GetStringAsync($"/requests/{request.Id}", Ct);

        Assert.Contains($"href=\"/opportunities/{opportunityId}\"", list, StringComparison.Ordinal);
        Assert.Contains($"<a href=\"/requests/new?opportunity={opportunityId}\" role=\"button\">Ask for a reference</a>", deal, StringComparison.Ordinal);
        Assert.Contains("<option value=\"reference-call\" selected=\"selected\">Reference call</option>", form, StringComparison.Ordinal);
        Assert.Contains("value=\"Legacy Corp\"", form, StringComparison.Ordinal);
        Assert.Contains($"<input type=\"checkbox\" name=\"Form.ProductIds\" value=\"{advocate.ProductId}\" checked=\"checked\" />", form, StringComparison.Ordinal);
        Assert.Contains("Ada Lovelace", page, StringComparison.Ordinal);
        Assert.Contains("<li>replaced the same competitor</li>", page, StringComparison.Ordinal);
        Assert.Contains("Ada Nobody", page, StringComparison.Ordinal);
        Assert.Contains("no consent to be a reference", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_owner_finds_the_request_waiting_and_the_advocate_finds_the_ask_in_the_portal()
    {
        var (people, advocate) = await app.AddPeopleAsync();
        using var created = await people.Seller.PostAsJsonAsync("/api/v1/requests", new { activityType = "reference-call", neededBy = "2027-01-31", useCase = "billing" }, Ct);
        var request = (await created.Content.ReadFromJsonAsync<RequestResponse>(Ct))!;
        (await people.Seller.PostAsJsonAsync($"/api/v1/requests/{request.Id}/assign", new { contactId = advocate.ContactId }, Ct)).Dispose();

        Assert.Contains("You have no open asks", await people.Advocate.GetStringAsync("/portal", Ct), StringComparison.Ordinal);
        var waiting = await people.Owner.GetStringAsync("/requests", Ct);
        Assert.Contains($"href=\"/requests/{request.Id}\"", waiting, StringComparison.Ordinal);
        Assert.Contains("Your customer is asked: do you consent?", await people.Owner.GetStringAsync($"/requests/{request.Id}", Ct), StringComparison.Ordinal);

        (await people.Owner.PostAsJsonAsync($"/api/v1/requests/{request.Id}/owner-consent", new { decision = "approve" }, Ct)).Dispose();
        var portal = await people.Advocate.GetStringAsync("/portal", Ct);

        Assert.Contains("about billing.", portal, StringComparison.Ordinal);
        Assert.Contains("Yes, I'll do it", WebUtility.HtmlDecode(portal), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Someone_elses_request_and_deal_are_not_there()
    {
        var (people, advocate) = await app.AddPeopleAsync();
        var opportunityId = await app.AddOpportunityAsync(people.SellerId, advocate);
        using var created = await people.Seller.PostAsJsonAsync("/api/v1/requests", new { activityType = "reference-call", neededBy = "2027-01-31" }, Ct);
        var request = (await created.Content.ReadFromJsonAsync<RequestResponse>(Ct))!;
        using var other = await app.ClientForAsync(Roles.Seller);

        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/requests/{request.Id}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/opportunities/{opportunityId}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/requests/new?opportunity={opportunityId}", Ct)).StatusCode);
    }
}
