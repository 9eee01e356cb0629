using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Vouch.Auth;
using Vouch.Data;
using Vouch.Features.AccountReviews;
using Vouch.Features.Matching;
using Vouch.Features.Requests;
using Vouch.Tests.Infrastructure;
using Vouch.Web;

namespace Vouch.Tests.Api;

/// <summary>Account reviews, their health and escalations, and the hold they put on matching and asking.</summary>
public sealed class AccountReviewsApiTests(VouchApp app) : IClassFixture<VouchApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);

    private static async Task<AccountReviewResponse> ReadAsync(HttpResponseMessage response, HttpStatusCode status = HttpStatusCode.OK)
    {
        Assert.True(response.StatusCode == status, $"{response.StatusCode}: {await response.Content.ReadAsStringAsync(Ct)}");
        return (await response.Content.ReadFromJsonAsync<AccountReviewResponse>(Ct))!;
    }

    /// <summary>A review as JSON, so two reads compare by value, their lists too.</summary>
    private static string Json(AccountReviewResponse? review) => JsonSerializer.Serialize(review);

    private Task<int> ReviewsOfAsync(Guid accountId) =>
        app.WithScopeAsync(services => services.GetRequiredService<VouchDbContext>().Set<AccountReview>().CountAsync(r => r.AccountId == accountId, Ct));

    [Fact]
    public async Task A_review_is_scheduled_then_recorded_with_its_health_and_escalations()
    {
        var advocate = await app.AddAdvocateAsync(null);
        using var manager = await app.ClientForAsync(Roles.ReferenceManager);
        using var seller = await app.ClientForAsync(Roles.Seller);

        var scheduled = await ReadAsync(await manager.PostAsJsonAsync("/api/v1/account-reviews",
            new { accountId = advocate.AccountId, scheduledOn = Today.AddDays(-1) }, Ct), HttpStatusCode.Created);
        Assert.Equal((null, null), (scheduled.HeldOn, scheduled.Health));

        var recorded = await ReadAsync(await manager.PutAsJsonAsync($"/api/v1/account-reviews/{scheduled.Id}", new
        {
            scheduledOn = scheduled.ScheduledOn, heldOn = Today, health = "red", notes = "Go-live slipped", version = scheduled.Version,
            openEscalations = new[] { "Data migration stalled" },
        }, Ct));

        Assert.Equal((Today, "Red", "Go-live slipped"), (recorded.HeldOn, recorded.Health, recorded.Notes));
        var escalation = Assert.Single(recorded.Escalations);
        Assert.Equal(("Data migration stalled", Today, (DateOnly?)null), (escalation.Title, escalation.OpenedOn, escalation.ClosedOn));
        Assert.Equal([escalation.Id], recorded.OpenEscalations.Select(e => e.Id));
        Assert.Equal(Json(recorded), Json(await seller.GetFromJsonAsync<AccountReviewResponse>($"/api/v1/account-reviews/{scheduled.Id}", Ct)));
        var red = (await seller.GetFromJsonAsync<Paged<AccountReviewSummary>>($"/api/v1/account-reviews?accountId={advocate.AccountId}&health=Red", Ct))!;
        Assert.Equal([(scheduled.Id, 1)], red.Items.Select(r => (r.Id, r.EscalationsRaised)));
        Assert.Empty((await seller.GetFromJsonAsync<Paged<AccountReviewSummary>>($"/api/v1/account-reviews?accountId={advocate.AccountId}&held=false", Ct))!.Items);

        // A stale version is refused.
        await (await manager.PutAsJsonAsync($"/api/v1/account-reviews/{scheduled.Id}",
            new { scheduledOn = Today, heldOn = Today, health = "Green", version = scheduled.Version }, Ct)).AssertProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task A_health_outside_the_scale_and_other_bad_input_are_refused_and_change_nothing()
    {
        var advocate = await app.AddAdvocateAsync(null);
        using var manager = await app.ClientForAsync(Roles.ReferenceManager);

        async Task<string[]> InvalidAsync(object body, string field) =>
            await (await manager.PostAsJsonAsync("/api/v1/account-reviews", body, Ct)).AssertValidationProblemAsync(field);

        Assert.Equal(["health must be one of Green, Amber, Red."],
            await InvalidAsync(new { accountId = advocate.AccountId, scheduledOn = Today, heldOn = Today, health = "Purple" }, "health"));
        Assert.Equal(["health must be one of Green, Amber, Red."],
            await InvalidAsync(new { accountId = advocate.AccountId, scheduledOn = Today, heldOn = Today, health = "4" }, "health"));
        Assert.Equal(["heldOn cannot be in the future: record a review once it is held."],
            await InvalidAsync(new { accountId = advocate.AccountId, scheduledOn = Today, heldOn = Today.AddDays(2), health = "Green" }, "heldOn"));
        Assert.Equal(["heldOn is required with a health: a review finds the health when it is held."],
            await InvalidAsync(new { accountId = advocate.AccountId, scheduledOn = Today, health = "Green" }, "heldOn"));
        Assert.Equal(["health is required for a held review: Green, Amber, Red."],
            await InvalidAsync(new { accountId = advocate.AccountId, scheduledOn = Today, heldOn = Today }, "health"));
        Assert.Equal([$"No account has the id {Guid.Empty}."], await InvalidAsync(new { accountId = Guid.Empty, scheduledOn = Today }, "accountId"));
        Assert.Equal(["health must be one of Green, Amber, Red."],
            await (await manager.GetAsync("/api/v1/account-reviews?health=Blue", Ct)).AssertValidationProblemAsync("health"));
        Assert.Equal(0, await ReviewsOfAsync(advocate.AccountId));

        var review = await ReadAsync(await manager.PostAsJsonAsync("/api/v1/account-reviews",
            new { accountId = advocate.AccountId, scheduledOn = Today }, Ct), HttpStatusCode.Created);
        Assert.Equal(["health must be one of Green, Amber, Red."],
            await (await manager.PutAsJsonAsync($"/api/v1/account-reviews/{review.Id}",
                new { scheduledOn = Today, heldOn = Today, health = "Ultraviolet", version = review.Version }, Ct)).AssertValidationProblemAsync("health"));
        Assert.Equal(Json(review), Json(await manager.GetFromJsonAsync<AccountReviewResponse>($"/api/v1/account-reviews/{review.Id}", Ct)));
    }

    [Fact]
    public async Task A_held_accounts_contact_is_excluded_with_the_reason_and_cannot_be_assigned_until_delivery_is_fixed()
    {
        var (people, advocate) = await app.AddPeopleAsync();
        using var manager = await app.ClientForAsync(Roles.ReferenceManager);
        var red = await ReadAsync(await manager.PostAsJsonAsync("/api/v1/account-reviews", new
        {
            accountId = advocate.AccountId, scheduledOn = Today.AddDays(-3), heldOn = Today.AddDays(-2), health = "Red",
            openEscalations = new[] { "Data migration stalled" },
        }, Ct), HttpStatusCode.Created);
        using var created = await people.Seller.PostAsJsonAsync("/api/v1/requests", new { activityType = "reference-call", neededBy = Today.AddDays(30) }, Ct);
        var request = (await created.Content.ReadFromJsonAsync<RequestResponse>(Ct))!;
        var heldReasons = new[]
        {
            $"account health is red at the review on {Words.Day(Today.AddDays(-2), Today)}: fix delivery first",
            $"open escalation: Data migration stalled (since {Words.Day(Today.AddDays(-2), Today)}): fix delivery first",
        };

        var matches = await people.Seller.GetFromJsonAsync<JsonElement>($"/api/v1/requests/{request.Id}/matches", Ct);

        Assert.DoesNotContain(matches.GetProperty("candidates").EnumerateArray(), c => c.GetProperty("contactId").GetGuid() == advocate.ContactId);
        var excluded = matches.GetProperty("excluded").EnumerateArray().Single(c => c.GetProperty("contactId").GetGuid() == advocate.ContactId);
        Assert.Equal(heldReasons, excluded.GetProperty("reasons").EnumerateArray().Select(r => r.GetString()));
        var refused = await (await people.Seller.PostAsJsonAsync($"/api/v1/requests/{request.Id}/assign", new { contactId = advocate.ContactId }, Ct))
            .AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(char.ToUpperInvariant(heldReasons[0][0]) + heldReasons[0][1..] + "; " + heldReasons[1] + ".", refused.GetProperty("detail").GetString());
        Assert.Equal("Submitted", (await people.Seller.GetFromJsonAsync<RequestResponse>($"/api/v1/requests/{request.Id}", Ct))!.Status);

        // Fixed: the escalation closed at a green review, with the next on the calendar; matching proposes a case study there.
        await ReadAsync(await manager.PostAsJsonAsync("/api/v1/account-reviews",
            new { accountId = advocate.AccountId, scheduledOn = Today.AddDays(40) }, Ct), HttpStatusCode.Created);
        var green = await ReadAsync(await manager.PostAsJsonAsync("/api/v1/account-reviews",
            new { accountId = advocate.AccountId, scheduledOn = Today, heldOn = Today, health = "Green" }, Ct), HttpStatusCode.Created);
        await ReadAsync(await manager.PutAsJsonAsync($"/api/v1/account-reviews/{green.Id}", new
        {
            scheduledOn = Today, heldOn = Today, health = "Green", version = green.Version, closeEscalations = red.Escalations.Select(e => e.Id),
        }, Ct));

        var after = await people.Seller.GetFromJsonAsync<JsonElement>($"/api/v1/requests/{request.Id}/matches", Ct);

        var candidate = after.GetProperty("candidates").EnumerateArray().Single(c => c.GetProperty("contactId").GetGuid() == advocate.ContactId);
        Assert.Equal($"delivery excels: propose a case study at the review on {Words.Day(Today.AddDays(40), Today)}",
            candidate.GetProperty("reasons").EnumerateArray().Last().GetString());
        using var assigned = await people.Seller.PostAsJsonAsync($"/api/v1/requests/{request.Id}/assign", new { contactId = advocate.ContactId }, Ct);
        Assert.Equal(HttpStatusCode.OK, assigned.StatusCode);
    }
}
