using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Vouch.Auth;
using Vouch.Data;
using Vouch.Features.Contacts;
using Vouch.Features.Engagements;
using Vouch.Features.Requests;
using Vouch.Tests.Infrastructure;

namespace Vouch.Tests.Api;

public sealed class RequestsApiTests(VouchApp app) : IClassFixture<VouchApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly DateOnly s_neededBy = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(30);

    private static async Task<RequestResponse> ReadAsync(HttpResponseMessage response, HttpStatusCode status = HttpStatusCode.OK)
    {
        Assert.True(response.StatusCode == status, $"{response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<RequestResponse>(Ct))!;
    }

    private static async Task<RequestResponse> CreateAsync(HttpClient seller, object body) =>
        await ReadAsync(await seller.PostAsJsonAsync("/api/v1/requests", body, Ct), HttpStatusCode.Created);

    [Fact]
    public async Task The_smallest_request_is_an_activity_and_a_day()
    {
        using var seller = await app.ClientForAsync(Roles.Seller);

        var created = await CreateAsync(seller, new { activityType = "reference-call", neededBy = "2027-01-31" });

        Assert.Equal("Submitted", created.Status);
        Assert.Equal("reference-call", created.ActivityType);
        Assert.Equal("SelfService", created.Fulfilment);
        Assert.Equal(new DateOnly(2027, 1, 31), created.NeededBy);
        Assert.Null(created.OpportunityId);
        Assert.Empty(created.Criteria.ProductIds);
        Assert.Equal([WaitingOn.Assign, WaitingOn.Cancel], created.Actions);
        var step = Assert.Single(created.Timeline);
        Assert.Equal((null, "Submitted"), (step.From, step.To));
        Assert.NotNull(created.StepDueAt);
    }

    [Fact]
    public async Task Bad_input_names_the_field_and_creates_nothing()
    {
        var seller = await app.AddUserAsync(Roles.Seller);
        using var client = app.ClientWithToken(await app.CreateTokenAsync(seller.Id));

        Assert.Equal(["activityType is required."],
            await (await client.PostAsJsonAsync("/api/v1/requests", new { neededBy = "2027-01-31" }, Ct)).AssertValidationProblemAsync("activityType"));
        Assert.Equal(["activityType 'lunch' is not an activity type in use."],
            await (await client.PostAsJsonAsync("/api/v1/requests", new { activityType = "lunch", neededBy = "2027-01-31" }, Ct)).AssertValidationProblemAsync("activityType"));
        Assert.Equal(["neededBy must be today or later."],
            await (await client.PostAsJsonAsync("/api/v1/requests", new { activityType = "reference-call", neededBy = "2020-01-31" }, Ct)).AssertValidationProblemAsync("neededBy"));
        Assert.Equal(["criteria.region must be one of NorthAmerica, LatinAmerica, Emea, Apac."],
            await (await client.PostAsJsonAsync("/api/v1/requests",
                new { activityType = "reference-call", neededBy = "2027-01-31", criteria = new { region = "Mars" } }, Ct)).AssertValidationProblemAsync("criteria.region"));
        Assert.Equal(0, await app.WithScopeAsync(s => s.GetRequiredService<VouchDbContext>().ReferenceRequests.CountAsync(r => r.RequesterId == seller.Id, Ct)));
    }

    [Fact]
    public async Task Criteria_left_out_come_from_the_opportunity()
    {
        var (people, advocate) = await app.AddPeopleAsync();
        var opportunityId = await app.AddOpportunityAsync(people.SellerId, advocate);

        var created = await CreateAsync(people.Seller, new { activityType = "reference-call", neededBy = s_neededBy, opportunityId });

        Assert.Equal(opportunityId, created.OpportunityId);
        Assert.Equal(advocate.IndustryId, created.Criteria.IndustryId);
        Assert.Equal([advocate.ProductId], created.Criteria.ProductIds);
        Assert.Equal(("Emea", "DE", 500, "Legacy Corp"), (created.Criteria.Region, created.Criteria.CountryCode, created.Criteria.Employees, created.Criteria.Competitor));
    }

    [Fact]
    public async Task The_whole_path_from_request_to_feedback()
    {
        var (people, advocate) = await app.AddPeopleAsync();
        var opportunityId = await app.AddOpportunityAsync(people.SellerId, advocate);
        var blackedOut = await app.AddAdvocateAsync(null, c => c.Blackouts = [new ContactBlackout { Starts = s_neededBy.AddDays(-5), Ends = s_neededBy.AddDays(5) }]);
        var request = await CreateAsync(people.Seller, new { activityType = "reference-call", neededBy = s_neededBy, opportunityId, useCase = "invoicing automation" });

        var matches = (await people.Seller.GetFromJsonAsync<JsonElement>($"/api/v1/requests/{request.Id}/matches", Ct));
        var best = matches.GetProperty("candidates").EnumerateArray().Single(c => c.GetProperty("contactId").GetGuid() == advocate.ContactId);
        Assert.Equal(
            ["same industry", "uses the product", "same country", "similar size", "replaced the same competitor", "story shares 2 of 2 use-case words",
                "never asked before", "wants reputation, which a reference call gives", "not rated yet"],
            best.GetProperty("reasons").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal(95, best.GetProperty("score").GetInt32());
        var excluded = matches.GetProperty("excluded").EnumerateArray().Single(c => c.GetProperty("contactId").GetGuid() == blackedOut.ContactId);
        Assert.Equal([$"blacked out until {Say(s_neededBy.AddDays(5))}"], excluded.GetProperty("reasons").EnumerateArray().Select(r => r.GetString()));
        Assert.Empty(matches.GetProperty("alternatives").EnumerateArray());

        var assigned = await ReadAsync(await people.Seller.PostAsJsonAsync($"/api/v1/requests/{request.Id}/assign", new { contactId = advocate.ContactId }, Ct));
        Assert.Equal("CandidateProposed", assigned.Status);
        Assert.Equal(people.OwnerId, assigned.AccountOwnerId);
        Assert.Equal([WaitingOn.Cancel], assigned.Actions);
        Assert.Equal(EngagementStatus.Reserved, await AskStatusAsync(request.Id));

        var waiting = await people.Owner.GetFromJsonAsync<JsonElement>("/api/v1/requests?view=waiting", Ct);
        Assert.Contains(waiting.GetProperty("items").EnumerateArray(), r => r.GetProperty("id").GetGuid() == request.Id);
        Assert.Equal([WaitingOn.Approve], (await people.Owner.GetFromJsonAsync<RequestResponse>($"/api/v1/requests/{request.Id}", Ct))!.Actions);

        var approved = await ReadAsync(await people.Owner.PostAsJsonAsync($"/api/v1/requests/{request.Id}/owner-consent", new { decision = "approve" }, Ct));
        Assert.Equal("OwnerApproved", approved.Status);
        Assert.Contains(await NotificationsAsync(people.AdvocateUserId), n => n.Link == "/portal");

        var accepted = await ReadAsync(await people.Advocate.PostAsync($"/api/v1/requests/{request.Id}/accept", null, Ct));
        Assert.Equal("Accepted", accepted.Status);

        var at = DateTimeOffset.UtcNow.AddDays(7);
        var scheduled = await ReadAsync(await people.Seller.PostAsJsonAsync($"/api/v1/requests/{request.Id}/schedule", new { at }, Ct));
        Assert.Equal("Scheduled", scheduled.Status);
        Assert.Equal(EngagementStatus.Scheduled, await AskStatusAsync(request.Id));

        Assert.Equal("Completed", (await ReadAsync(await people.Seller.PostAsync($"/api/v1/requests/{request.Id}/complete", null, Ct))).Status);
        var closed = await ReadAsync(await people.Seller.PostAsJsonAsync($"/api/v1/requests/{request.Id}/feedback",
            new { happened = true, rating = 5, helped = true, notes = "Sealed the deal." }, Ct));

        Assert.Equal("FeedbackRecorded", closed.Status);
        Assert.Equal((true, 5, true), (closed.Happened!.Value, closed.Rating!.Value, closed.Helped!.Value));
        Assert.Equal(
            ["Submitted", "CandidateProposed", "OwnerApproved", "Accepted", "Scheduled", "Completed", "FeedbackRecorded"],
            closed.Timeline.Select(t => t.To));
        Assert.Empty(closed.Actions);
        var ask = await app.WithScopeAsync(s => s.GetRequiredService<VouchDbContext>().Engagements.SingleAsync(e => e.RequestId == request.Id, Ct));
        Assert.Equal((EngagementStatus.Completed, 5, EngagementKind.Ask), (ask.Status, ask.Rating!.Value, ask.Kind));
        Assert.Contains(await NotificationsAsync(people.SellerId), n => n.Text.Contains("accepted your reference call", StringComparison.Ordinal));

        // The deal closes won: its whole amount is credited to the one reference that helped.
        await app.WithScopeAsync(async s =>
        {
            var db = s.GetRequiredService<VouchDbContext>();
            var deal = await db.Opportunities.SingleAsync(o => o.Id == opportunityId, Ct);
            (deal.IsClosed, deal.IsWon) = (true, true);
            await db.SaveChangesAsync(Ct);
        });
        using var manager = await app.ClientForAsync(Roles.ReferenceManager);
        var report = (await manager.GetFromJsonAsync<ReferenceReport>("/api/v1/reports/references", Ct))!;
        Assert.Equal(50_000m, Assert.Single(report.Attributed, a => a.RequestId == request.Id).Amount);
    }

    [Fact]
    public async Task An_advocate_the_rules_forbid_is_refused_with_the_rule_and_nothing_changes()
    {
        var (people, advocate) = await app.AddPeopleAsync(c => c.ConsentExpiresOn = new DateOnly(2026, 3, 2));
        var request = await CreateAsync(people.Seller, new { activityType = "reference-call", neededBy = s_neededBy });

        using var response = await people.Seller.PostAsJsonAsync($"/api/v1/requests/{request.Id}/assign", new { contactId = advocate.ContactId }, Ct);

        var problem = await response.AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.EndsWith(" cannot be asked.", problem.GetProperty("title").GetString());
        Assert.Equal("Consent expired on 2 March.", problem.GetProperty("detail").GetString());
        Assert.Equal("Submitted", (await people.Seller.GetFromJsonAsync<RequestResponse>($"/api/v1/requests/{request.Id}", Ct))!.Status);
        Assert.Equal(0, await app.WithScopeAsync(s => s.GetRequiredService<VouchDbContext>().Engagements.CountAsync(e => e.ContactId == advocate.ContactId, Ct)));
    }

    [Fact]
    public async Task A_rest_period_refuses_the_next_ask()
    {
        var (people, advocate) = await app.AddPeopleAsync();
        await app.WithScopeAsync(async s =>
        {
            var db = s.GetRequiredService<VouchDbContext>();
            var call = await db.ActivityTypes.SingleAsync(t => t.Key == "reference-call", Ct);
            db.Engagements.Add(new Engagement
            {
                ContactId = advocate.ContactId, AccountId = advocate.AccountId, Kind = EngagementKind.Ask, ActivityTypeId = call.Id,
                Status = EngagementStatus.Completed, At = DateTimeOffset.UtcNow.AddDays(-10),
            });
            await db.SaveChangesAsync(Ct);
        });
        var request = await CreateAsync(people.Seller, new { activityType = "reference-call", neededBy = s_neededBy });

        using var response = await people.Seller.PostAsJsonAsync($"/api/v1/requests/{request.Id}/assign", new { contactId = advocate.ContactId }, Ct);

        var problem = await response.AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal($"In a rest period until {Say(DateOnly.FromDateTime(DateTime.UtcNow.AddDays(20)))}.", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task The_owner_declining_ends_the_request_and_releases_the_advocate()
    {
        var (people, advocate) = await app.AddPeopleAsync();
        var request = await CreateAsync(people.Seller, new { activityType = "reference-call", neededBy = s_neededBy });
        await ReadAsync(await people.Seller.PostAsJsonAsync($"/api/v1/requests/{request.Id}/assign", new { contactId = advocate.ContactId }, Ct));

        Assert.Equal(["reason is required when declining."],
            await (await people.Owner.PostAsJsonAsync($"/api/v1/requests/{request.Id}/owner-consent", new { decision = "decline" }, Ct)).AssertValidationProblemAsync("reason"));
        var declined = await ReadAsync(await people.Owner.PostAsJsonAsync($"/api/v1/requests/{request.Id}/owner-consent",
            new { decision = "decline", reason = "Renewal talks are tense" }, Ct));

        Assert.Equal(("Declined", "Renewal talks are tense"), (declined.Status, declined.DeclineReason));
        Assert.Equal(EngagementStatus.Released, await AskStatusAsync(request.Id));
        Assert.Contains(await NotificationsAsync(people.SellerId), n => n.Text.EndsWith("Renewal talks are tense", StringComparison.Ordinal));
        // Released capacity is free again: another request may have the advocate.
        var next = await CreateAsync(people.Seller, new { activityType = "reference-call", neededBy = s_neededBy });
        Assert.Equal("CandidateProposed", (await ReadAsync(await people.Seller.PostAsJsonAsync($"/api/v1/requests/{next.Id}/assign", new { contactId = advocate.ContactId }, Ct))).Status);
    }

    [Fact]
    public async Task The_advocate_declining_ends_the_request()
    {
        var (people, advocate) = await app.AddPeopleAsync();
        var request = await CreateAsync(people.Seller, new { activityType = "reference-call", neededBy = s_neededBy });
        await ReadAsync(await people.Seller.PostAsJsonAsync($"/api/v1/requests/{request.Id}/assign", new { contactId = advocate.ContactId }, Ct));

        // Before the owner consents the advocate has not been asked: for them the request is not there.
        (await people.Advocate.PostAsJsonAsync($"/api/v1/requests/{request.Id}/decline", new { }, Ct)).StatusCode.AssertIs(HttpStatusCode.NotFound);
        await ReadAsync(await people.Owner.PostAsJsonAsync($"/api/v1/requests/{request.Id}/owner-consent", new { decision = "approve" }, Ct));
        var declined = await ReadAsync(await people.Advocate.PostAsJsonAsync($"/api/v1/requests/{request.Id}/decline", new { reason = "Travelling" }, Ct));

        Assert.Equal(("Declined", "Travelling"), (declined.Status, declined.DeclineReason));
        Assert.Equal(EngagementStatus.Released, await AskStatusAsync(request.Id));
    }

    [Fact]
    public async Task Cancelling_releases_the_advocate_and_a_step_out_of_turn_is_a_conflict()
    {
        var (people, advocate) = await app.AddPeopleAsync();
        var request = await CreateAsync(people.Seller, new { activityType = "reference-call", neededBy = s_neededBy });
        await ReadAsync(await people.Seller.PostAsJsonAsync($"/api/v1/requests/{request.Id}/assign", new { contactId = advocate.ContactId }, Ct));

        var early = await (await people.Seller.PostAsync($"/api/v1/requests/{request.Id}/complete", null, Ct)).AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("Cannot mark it completed now.", early.GetProperty("title").GetString());
        Assert.Equal("It is waiting for the account owner's consent.", early.GetProperty("detail").GetString());

        var cancelled = await ReadAsync(await people.Seller.PostAsJsonAsync($"/api/v1/requests/{request.Id}/cancel", new { reason = "Deal lost" }, Ct));
        Assert.Equal("Cancelled", cancelled.Status);
        Assert.Equal(EngagementStatus.Released, await AskStatusAsync(request.Id));
        await (await people.Seller.PostAsJsonAsync($"/api/v1/requests/{request.Id}/cancel", new { }, Ct)).AssertProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Someone_elses_request_is_not_there_and_the_wrong_person_may_not_act()
    {
        var (people, advocate) = await app.AddPeopleAsync();
        var request = await CreateAsync(people.Seller, new { activityType = "reference-call", neededBy = s_neededBy });
        using var otherSeller = await app.ClientForAsync(Roles.Seller);
        using var executive = await app.ClientForAsync(Roles.Executive);
        using var manager = await app.ClientForAsync(Roles.ReferenceManager);

        await (await otherSeller.GetAsync($"/api/v1/requests/{request.Id}", Ct)).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await otherSeller.GetAsync($"/api/v1/requests/{request.Id}/matches", Ct)).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await otherSeller.PostAsJsonAsync($"/api/v1/requests/{request.Id}/assign", new { contactId = advocate.ContactId }, Ct)).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await otherSeller.PostAsJsonAsync($"/api/v1/requests/{request.Id}/cancel", new { }, Ct)).AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.DoesNotContain((await otherSeller.GetFromJsonAsync<JsonElement>("/api/v1/requests?view=all", Ct)).GetProperty("items").EnumerateArray(),
            r => r.GetProperty("id").GetGuid() == request.Id);

        // Executives read everything and change nothing.
        Assert.Equal(request.Id, (await executive.GetFromJsonAsync<RequestResponse>($"/api/v1/requests/{request.Id}", Ct))!.Id);
        Assert.Equal(HttpStatusCode.Forbidden, (await executive.PostAsJsonAsync($"/api/v1/requests/{request.Id}/assign", new { contactId = advocate.ContactId }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await people.Advocate.GetAsync($"/api/v1/requests/{request.Id}", Ct)).StatusCode);

        await ReadAsync(await manager.PostAsJsonAsync($"/api/v1/requests/{request.Id}/assign", new { contactId = advocate.ContactId }, Ct));
        // The seller who asked is not the account owner and may not consent for them.
        var refused = await (await people.Seller.PostAsJsonAsync($"/api/v1/requests/{request.Id}/owner-consent", new { decision = "approve" }, Ct))
            .AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal("Only the account owner or a reference manager consents to the ask.", refused.GetProperty("detail").GetString());
        Assert.Equal("CandidateProposed", (await manager.GetFromJsonAsync<RequestResponse>($"/api/v1/requests/{request.Id}", Ct))!.Status);
    }

    [Fact]
    public async Task Program_team_activities_are_assigned_by_reference_managers_only()
    {
        var (people, advocate) = await app.AddPeopleAsync(c => c.AgreedActivities.Clear());
        var request = await CreateAsync(people.Seller, new { activityType = "case-study", neededBy = s_neededBy });
        Assert.Equal([WaitingOn.Cancel], request.Actions);

        var refused = await (await people.Seller.PostAsJsonAsync($"/api/v1/requests/{request.Id}/assign", new { contactId = advocate.ContactId }, Ct))
            .AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal("Case study requests are fulfilled by the reference program team.", refused.GetProperty("detail").GetString());

        using var manager = await app.ClientForAsync(Roles.ReferenceManager);
        var problem = await (await manager.PostAsJsonAsync($"/api/v1/requests/{request.Id}/assign", new { contactId = advocate.ContactId }, Ct))
            .AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("No consent for case studies.", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task An_overdue_owner_consent_escalates_to_reference_managers_once()
    {
        var manager = await app.AddUserAsync(Roles.ReferenceManager);
        var (people, advocate) = await app.AddPeopleAsync();
        var request = await CreateAsync(people.Seller, new { activityType = "reference-call", neededBy = s_neededBy });
        await ReadAsync(await people.Seller.PostAsJsonAsync($"/api/v1/requests/{request.Id}/assign", new { contactId = advocate.ContactId }, Ct));
        await app.WithScopeAsync(async s =>
        {
            var db = s.GetRequiredService<VouchDbContext>();
            var stored = await db.ReferenceRequests.SingleAsync(r => r.Id == request.Id, Ct);
            stored.StepDueAt = DateTimeOffset.UtcNow.AddMinutes(-1);
            await db.SaveChangesAsync(Ct);
        });

        var first = await app.WithScopeAsync(s => s.GetRequiredService<RequestWorkflow>().EscalateAsync(Ct));
        var second = await app.WithScopeAsync(s => s.GetRequiredService<RequestWorkflow>().EscalateAsync(Ct));

        Assert.True(first >= 1);
        Assert.Equal(0, second);
        var told = (await NotificationsAsync(manager.Id)).Where(n => n.Link == $"/requests/{request.Id}").ToList();
        Assert.Equal("Overdue: the account owner's consent on a reference call request since", Assert.Single(told).Text[..70]);
        Assert.NotNull((await people.Seller.GetFromJsonAsync<RequestResponse>($"/api/v1/requests/{request.Id}", Ct))!.EscalatedAt);
    }

    [Fact]
    public async Task Requests_past_their_day_expire_and_release_the_advocate()
    {
        var (people, advocate) = await app.AddPeopleAsync();
        var request = await CreateAsync(people.Seller, new { activityType = "reference-call", neededBy = s_neededBy });
        await ReadAsync(await people.Seller.PostAsJsonAsync($"/api/v1/requests/{request.Id}/assign", new { contactId = advocate.ContactId }, Ct));
        await app.WithScopeAsync(async s =>
        {
            var db = s.GetRequiredService<VouchDbContext>();
            (await db.ReferenceRequests.SingleAsync(r => r.Id == request.Id, Ct)).NeededBy = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-1);
            await db.SaveChangesAsync(Ct);
        });

        await app.WithScopeAsync(s => s.GetRequiredService<RequestWorkflow>().ExpireAsync(Ct));

        Assert.Equal("Expired", (await people.Seller.GetFromJsonAsync<RequestResponse>($"/api/v1/requests/{request.Id}", Ct))!.Status);
        Assert.Equal(EngagementStatus.Released, await AskStatusAsync(request.Id));
    }

    private Task<EngagementStatus> AskStatusAsync(Guid requestId) =>
        app.WithScopeAsync(s => s.GetRequiredService<VouchDbContext>().Engagements.Where(e => e.RequestId == requestId).Select(e => e.Status).SingleAsync(Ct));

    private Task<List<Features.Notifications.Notification>> NotificationsAsync(Guid userId) =>
        app.WithScopeAsync(s => s.GetRequiredService<VouchDbContext>().Notifications.Where(n => n.UserId == userId).ToListAsync(Ct));

    private static string Say(DateOnly date) => Features.Matching.Words.Day(date, DateOnly.FromDateTime(DateTime.UtcNow));
}

internal static class StatusAssertions
{
    public static void AssertIs(this HttpStatusCode actual, HttpStatusCode expected) => Assert.Equal(expected, actual);
}
