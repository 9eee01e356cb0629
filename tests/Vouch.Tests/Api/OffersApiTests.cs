using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Vouch.Auth;
using Vouch.Commands;
using Vouch.Data;
using Vouch.Features.Accounts;
using Vouch.Features.Contacts;
using Vouch.Features.Engagements;
using Vouch.Features.Offers;
using Vouch.Tests.Infrastructure;

namespace Vouch.Tests.Api;

public sealed class OffersApiTests(VouchApp app) : IClassFixture<VouchApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly DateOnly s_today = DateOnly.FromDateTime(DateTime.UtcNow);

    private static async Task<T> ReadAsync<T>(HttpResponseMessage response, HttpStatusCode status = HttpStatusCode.OK)
    {
        Assert.True(response.StatusCode == status, $"{response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<T>(Ct))!;
    }

    private static object OfferBody(
        string title = "Summit keynote", string kind = "SpeakingSlot", int capacity = 2, string[]? gives = null, string[]? segments = null,
        string? minimumStage = null, decimal? creditHours = null) => new
        {
            title, kind, description = "Thirty minutes on the main stage.", gives = gives ?? ["Reputation", "Status"],
            opensOn = s_today.AddDays(-1), closesOn = s_today.AddDays(30), eventOn = s_today.AddDays(45), capacity, creditHours,
            segments = segments ?? [], minimumStage,
        };

    /// <summary>An open offer made through the API by <paramref name="manager"/>.</summary>
    private static async Task<OfferResponse> OpenOfferAsync(HttpClient manager, object? body = null)
    {
        var created = await ReadAsync<OfferResponse>(await manager.PostAsJsonAsync("/api/v1/offers", body ?? OfferBody(), Ct), HttpStatusCode.Created);
        return await ReadAsync<OfferResponse>(await manager.PostAsync($"/api/v1/offers/{created.Id}/open", null, Ct));
    }

    private static async Task<HttpResponseMessage> ApplyAsync(HttpClient manager, Guid offerId, Guid contactId) =>
        await manager.PostAsJsonAsync($"/api/v1/offers/{offerId}/applications", new { contactId }, Ct);

    private static async Task<ApplicationResponse> AppliedAsync(HttpClient manager, Guid offerId, Guid contactId) =>
        await ReadAsync<ApplicationResponse>(await ApplyAsync(manager, offerId, contactId), HttpStatusCode.Created);

    private Task<int> ApplicationCountAsync(Guid offerId) =>
        app.WithScopeAsync(s => s.GetRequiredService<VouchDbContext>().Set<OfferApplication>().CountAsync(a => a.OfferId == offerId, Ct));

    [Fact]
    public async Task A_new_offer_is_a_draft_with_its_kinds_credit_until_opened()
    {
        using var manager = await app.ClientForAsync(Roles.ReferenceManager);

        var created = await ReadAsync<OfferResponse>(await manager.PostAsJsonAsync("/api/v1/offers", OfferBody(segments: ["enterprise"], minimumStage: "Advocate"), Ct), HttpStatusCode.Created);
        var opened = await ReadAsync<OfferResponse>(await manager.PostAsync($"/api/v1/offers/{created.Id}/open", null, Ct));

        Assert.Equal(("Draft", 8m, 2, 0, 2), (created.State, created.CreditHours, created.Capacity, created.SeatsTaken, created.SeatsLeft));
        Assert.Equal(["Reputation", "Status"], created.Gives);
        Assert.Equal(["Enterprise"], created.Segments);
        Assert.Equal("Advocate", created.MinimumStage);
        Assert.Equal("Open", opened.State);
        var open = await ReadAsync<List<OfferResponse>>(await manager.GetAsync("/api/v1/offers?state=open", Ct));
        Assert.Contains(open, o => o.Id == created.Id);
        var drafts = await ReadAsync<List<OfferResponse>>(await manager.GetAsync("/api/v1/offers?state=Draft", Ct));
        Assert.DoesNotContain(drafts, o => o.Id == created.Id);
        await (await manager.GetAsync("/api/v1/offers?state=3", Ct)).AssertValidationProblemAsync("state");
    }

    [Fact]
    public async Task Bad_offers_name_the_field_and_create_nothing()
    {
        using var manager = await app.ClientForAsync(Roles.ReferenceManager);
        var before = await app.WithScopeAsync(s => s.GetRequiredService<VouchDbContext>().Set<Offer>().CountAsync(Ct));

        async Task<string[]> RefusedAsync(object body, string field) =>
            await (await manager.PostAsJsonAsync("/api/v1/offers", body, Ct)).AssertValidationProblemAsync(field);

        Assert.Equal(["title is required."], await RefusedAsync(OfferBody(title: " "), "title"));
        Assert.Equal([$"kind must be one of {EnumText.Names<OfferKind>()}."], await RefusedAsync(OfferBody(kind: "Lunch"), "kind"));
        Assert.Equal(["gives must name at least one kind of social capital: Affiliation, Learning, Reputation, Status, ProductSay."],
            await RefusedAsync(OfferBody(gives: []), "gives"));
        Assert.Equal(["capacity is required: the number of advocates the offer can take, 1 or more."], await RefusedAsync(OfferBody(capacity: 0), "capacity"));
        Assert.Equal(["creditHours must be more than 0 and at most 1000."], await RefusedAsync(OfferBody(creditHours: -1), "creditHours"));
        Assert.Equal(["segments must be one of SmallBusiness, MidMarket, Enterprise."], await RefusedAsync(OfferBody(segments: ["Huge"]), "segments"));
        Assert.Equal(["closesOn must be on or after opensOn."],
            await RefusedAsync(new { title = "x", kind = "EarlyAccess", gives = new[] { "Learning" }, opensOn = s_today, closesOn = s_today.AddDays(-1), capacity = 1 }, "closesOn"));
        Assert.Equal(before, await app.WithScopeAsync(s => s.GetRequiredService<VouchDbContext>().Set<Offer>().CountAsync(Ct)));
    }

    [Fact]
    public async Task An_offer_is_changed_only_over_the_version_read()
    {
        using var manager = await app.ClientForAsync(Roles.ReferenceManager);
        var offer = await OpenOfferAsync(manager);

        var saved = await ReadAsync<OfferResponse>(await manager.PutAsJsonAsync($"/api/v1/offers/{offer.Id}",
            new { title = "Summit closing keynote", kind = "SpeakingSlot", gives = new[] { "Reputation" }, opensOn = offer.OpensOn, closesOn = offer.ClosesOn, capacity = 4, creditHours = 10, version = offer.Version }, Ct));
        var stale = await manager.PutAsJsonAsync($"/api/v1/offers/{offer.Id}",
            new { title = "Lost", kind = "SpeakingSlot", gives = new[] { "Reputation" }, opensOn = offer.OpensOn, closesOn = offer.ClosesOn, capacity = 4, version = offer.Version }, Ct);

        Assert.Equal(("Summit closing keynote", 4, 10m, "Open"), (saved.Title, saved.Capacity, saved.CreditHours, saved.State));
        await stale.AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("Summit closing keynote", (await ReadAsync<OfferResponse>(await manager.GetAsync($"/api/v1/offers/{offer.Id}", Ct))).Title);
    }

    [Fact]
    public async Task Applying_is_refused_naming_why_and_changes_nothing()
    {
        using var manager = await app.ClientForAsync(Roles.ReferenceManager);
        var advocate = await app.AddAdvocateAsync(null, shapeAccount: a => a.Segment = Segment.MidMarket);
        var other = await app.AddAdvocateAsync(null);
        var draft = await ReadAsync<OfferResponse>(await manager.PostAsJsonAsync("/api/v1/offers", OfferBody(), Ct), HttpStatusCode.Created);
        var enterprise = await OpenOfferAsync(manager, OfferBody(segments: ["Enterprise"]));
        var stage = await OpenOfferAsync(manager, OfferBody(minimumStage: "RockStar"));
        var closed = await OpenOfferAsync(manager);
        await manager.PostAsync($"/api/v1/offers/{closed.Id}/close", null, Ct);
        var full = await OpenOfferAsync(manager, OfferBody(capacity: 1));
        await manager.PostAsync($"/api/v1/offers/{full.Id}/applications/{(await AppliedAsync(manager, full.Id, other.ContactId)).Id}/accept", null, Ct);
        var open = await OpenOfferAsync(manager);
        await AppliedAsync(manager, open.Id, advocate.ContactId);

        async Task<string> RefusedAsync(Guid offerId)
        {
            var problem = await (await ApplyAsync(manager, offerId, advocate.ContactId)).AssertProblemAsync(HttpStatusCode.Conflict);
            return $"{problem.GetProperty("title").GetString()} {problem.GetProperty("detail").GetString()}";
        }

        Assert.Equal("The offer is not open yet. Open it before putting advocates forward.", await RefusedAsync(draft.Id));
        Assert.StartsWith("The offer is closed.", await RefusedAsync(closed.Id), StringComparison.Ordinal);
        Assert.Equal("The offer is full. Every seat is taken by an accepted application.", await RefusedAsync(full.Id));
        Assert.Matches(@"^Ada Advocate\w+ is not eligible for this offer \(segment\)\. The offer is for Enterprise accounts; Ada Advocate\w+'s account is MidMarket\.$", await RefusedAsync(enterprise.Id));
        Assert.Matches(@"is not eligible for this offer \(minimum advocacy stage\)\. The offer is for advocates at stage RockStar or beyond; .* is at stage Customer\.$", await RefusedAsync(stage.Id));
        Assert.Matches(@"applied to this offer already\. They applied on \d{4}-\d{2}-\d{2}; the application is applied\.$", await RefusedAsync(open.Id));
        await (await ApplyAsync(manager, open.Id, Guid.NewGuid())).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await manager.PostAsJsonAsync($"/api/v1/offers/{open.Id}/applications", new { }, Ct)).AssertValidationProblemAsync("contactId");
        Assert.Equal((0, 0, 0, 0, 1, 1), (await ApplicationCountAsync(draft.Id), await ApplicationCountAsync(enterprise.Id), await ApplicationCountAsync(stage.Id),
            await ApplicationCountAsync(closed.Id), await ApplicationCountAsync(full.Id), await ApplicationCountAsync(open.Id)));
    }

    [Fact]
    public async Task Accepting_takes_a_seat_and_past_the_capacity_is_refused()
    {
        using var manager = await app.ClientForAsync(Roles.ReferenceManager);
        var offer = await OpenOfferAsync(manager, OfferBody(capacity: 1));
        var first = await AppliedAsync(manager, offer.Id, (await app.AddAdvocateAsync(null)).ContactId);
        var second = await AppliedAsync(manager, offer.Id, (await app.AddAdvocateAsync(null)).ContactId);

        var accepted = await ReadAsync<ApplicationResponse>(await manager.PostAsync($"/api/v1/offers/{offer.Id}/applications/{first.Id}/accept", null, Ct));
        var refused = await (await manager.PostAsync($"/api/v1/offers/{offer.Id}/applications/{second.Id}/accept", null, Ct)).AssertProblemAsync(HttpStatusCode.Conflict);
        var again = await (await manager.PostAsync($"/api/v1/offers/{offer.Id}/applications/{first.Id}/accept", null, Ct)).AssertProblemAsync(HttpStatusCode.Conflict);

        Assert.Equal("Accepted", accepted.State);
        Assert.Equal("The offer is full.", refused.GetProperty("title").GetString());
        Assert.Equal("The application is accepted.", again.GetProperty("title").GetString());
        var now = await ReadAsync<OfferResponse>(await manager.GetAsync($"/api/v1/offers/{offer.Id}", Ct));
        Assert.Equal(("Full", 1, 0), (now.State, now.SeatsTaken, now.SeatsLeft));
        var applications = await ReadAsync<List<ApplicationResponse>>(await manager.GetAsync($"/api/v1/offers/{offer.Id}/applications", Ct));
        Assert.Equal("Applied", applications.Single(a => a.Id == second.Id).State);

        // Withdrawing the accepted one frees its seat.
        await ReadAsync<ApplicationResponse>(await manager.PostAsync($"/api/v1/offers/{offer.Id}/applications/{first.Id}/withdraw", null, Ct));
        Assert.Equal("Open", (await ReadAsync<OfferResponse>(await manager.GetAsync($"/api/v1/offers/{offer.Id}", Ct))).State);
    }

    [Fact]
    public async Task Two_accepts_racing_for_the_last_seat_never_both_win()
    {
        using var manager = await app.ClientForAsync(Roles.ReferenceManager);
        var offer = await OpenOfferAsync(manager, OfferBody(capacity: 1));
        var applications = new List<ApplicationResponse>();
        for (var i = 0; i < 4; i++)
        {
            applications.Add(await AppliedAsync(manager, offer.Id, (await app.AddAdvocateAsync(null)).ContactId));
        }

        var answers = await Task.WhenAll(applications.Select(a => manager.PostAsync($"/api/v1/offers/{offer.Id}/applications/{a.Id}/accept", null, Ct)));

        Assert.Equal(1, answers.Count(r => r.StatusCode == HttpStatusCode.OK));
        Assert.Equal(3, answers.Count(r => r.StatusCode == HttpStatusCode.Conflict));
        var now = await ReadAsync<OfferResponse>(await manager.GetAsync($"/api/v1/offers/{offer.Id}", Ct));
        Assert.Equal(1, now.SeatsTaken);
        var states = await ReadAsync<List<ApplicationResponse>>(await manager.GetAsync($"/api/v1/offers/{offer.Id}/applications", Ct));
        Assert.Single(states, a => a.State == "Accepted");
    }

    [Fact]
    public async Task Delivering_writes_the_give_to_the_ledger()
    {
        using var manager = await app.ClientForAsync(Roles.ReferenceManager);
        var advocate = await app.AddAdvocateAsync(null);
        var offer = await OpenOfferAsync(manager, OfferBody(title: "Advisory board seat 2027", kind: "AdvisoryBoardSeat", gives: ["ProductSay"]));
        var application = await AppliedAsync(manager, offer.Id, advocate.ContactId);

        var early = await manager.PostAsync($"/api/v1/offers/{offer.Id}/applications/{application.Id}/deliver", null, Ct);
        await ReadAsync<ApplicationResponse>(await manager.PostAsync($"/api/v1/offers/{offer.Id}/applications/{application.Id}/accept", null, Ct));
        var delivered = await ReadAsync<ApplicationResponse>(await manager.PostAsync($"/api/v1/offers/{offer.Id}/applications/{application.Id}/deliver", null, Ct));

        Assert.Equal("Only an accepted application can be delivered.", (await early.AssertProblemAsync(HttpStatusCode.Conflict)).GetProperty("detail").GetString());
        Assert.Equal("Delivered", delivered.State);
        var (give, balance) = await app.WithScopeAsync(async s =>
        {
            var db = s.GetRequiredService<VouchDbContext>();
            var give = await db.Engagements.SingleAsync(e => e.ContactId == advocate.ContactId, Ct);
            return (give, await s.GetRequiredService<Ledger>().BalanceAsync(advocate.ContactId, Ct));
        });
        Assert.Equal((EngagementKind.Give, EngagementStatus.Completed, "Advisory board seat 2027", 8m, offer.Id, (Guid?)null, advocate.AccountId),
            (give.Kind, give.Status, give.Title, give.CreditHours, give.OfferId, give.ActivityTypeId, give.AccountId));
        Assert.Equal((1, 8m), (balance.Gives, balance.GivenHours));
        // An offer with applications is closed, not deleted.
        await (await manager.DeleteAsync($"/api/v1/offers/{offer.Id}", Ct)).AssertProblemAsync(HttpStatusCode.Conflict);
        var unused = await OpenOfferAsync(manager);
        Assert.Equal(HttpStatusCode.NoContent, (await manager.DeleteAsync($"/api/v1/offers/{unused.Id}", Ct)).StatusCode);
        await (await manager.GetAsync($"/api/v1/offers/{unused.Id}", Ct)).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Needs_keep_the_social_capital_wanted_in_step()
    {
        using var manager = await app.ClientForAsync(Roles.ReferenceManager);
        var advocate = await app.AddAdvocateAsync(null, c => c.PersonalityStyle = PersonalityStyle.Amiable);
        var read = await ReadAsync<NeedsResponse>(await manager.GetAsync($"/api/v1/contacts/{advocate.ContactId}/needs", Ct));

        var saved = await ReadAsync<NeedsResponse>(await manager.PutAsJsonAsync($"/api/v1/contacts/{advocate.ContactId}/needs", new
        {
            needs = new[] { new { capital = "affiliation", evidence = "Chairs a user group" }, new { capital = "Learning", evidence = " Blogs weekly " } },
            version = read.Version,
        }, Ct));
        var stale = await manager.PutAsJsonAsync($"/api/v1/contacts/{advocate.ContactId}/needs", new { needs = Array.Empty<object>(), version = read.Version }, Ct);
        var bad = await manager.PutAsJsonAsync($"/api/v1/contacts/{advocate.ContactId}/needs",
            new { needs = new[] { new { capital = "Money", evidence = "" } }, version = saved.Version }, Ct);

        Assert.Equal(["Reputation"], read.Wanted);
        Assert.Equal(("Amiable", "PeerIntroduction"), (read.Guide!.Style, read.Guide.LeadWith[0]));
        Assert.Equal(["Affiliation", "Learning"], saved.Wanted);
        Assert.Equal([("Affiliation", "Chairs a user group"), ("Learning", "Blogs weekly")], saved.Needs.Select(n => (n.Capital, n.Evidence)));
        await stale.AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(["needs[0].capital must be one of Affiliation, Learning, Reputation, Status, ProductSay."], await bad.AssertValidationProblemAsync("needs[0].capital"));
        var wanted = await app.WithScopeAsync(s => s.GetRequiredService<VouchDbContext>().Contacts.Where(c => c.Id == advocate.ContactId).Select(c => c.SocialCapitalWanted).SingleAsync(Ct));
        Assert.Equal(SocialCapital.Affiliation | SocialCapital.Learning, wanted);
    }

    [Fact]
    public async Task Recommendations_rank_offers_for_a_contact_and_advocates_for_an_offer_with_reasons()
    {
        using var manager = await app.ClientForAsync(Roles.ReferenceManager);
        using var seller = await app.ClientForAsync(Roles.Seller);
        var advocate = await app.AddAdvocateAsync(null, c => (c.PersonalityStyle, c.AdvocacyStage) = (PersonalityStyle.Expressive, AdvocacyStage.Advocate));
        var stage = await OpenOfferAsync(manager, OfferBody(title: "Webinar host", kind: "WebinarHost", gives: ["Reputation"]));
        var learning = await OpenOfferAsync(manager, OfferBody(title: "Beta programme", kind: "EarlyAccess", gives: ["Learning"]));
        var applied = await OpenOfferAsync(manager, OfferBody(title: "Applied already"));
        await AppliedAsync(manager, applied.Id, advocate.ContactId);

        var offers = await ReadAsync<List<RecommendedOffer>>(await seller.GetAsync($"/api/v1/contacts/{advocate.ContactId}/offers", Ct));
        var advocates = await ReadAsync<List<RecommendedAdvocate>>(await seller.GetAsync($"/api/v1/offers/{stage.Id}/advocates", Ct));

        var top = offers.First(o => o.Id == stage.Id || o.Id == learning.Id);
        Assert.Equal(stage.Id, top.Id);
        Assert.Equal(["wants reputation — a webinar to host gives it", "Expressive: loves the stage", "an active advocate"], top.Reasons);
        Assert.Equal(50, top.Score);
        Assert.DoesNotContain(offers, o => o.Id == applied.Id);
        var fits = Assert.Single(advocates, a => a.ContactId == advocate.ContactId);
        Assert.Equal((50, "asked nothing, given nothing in the last year", false), (fits.Score, fits.Balance, fits.Owed));
        await (await seller.GetAsync($"/api/v1/contacts/{Guid.NewGuid()}/offers", Ct)).AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.Forbidden, (await seller.PostAsJsonAsync("/api/v1/offers", OfferBody(), Ct)).StatusCode);
    }

    [Fact]
    public async Task The_advocate_applies_and_withdraws_their_own_and_another_advocates_is_not_there()
    {
        using var manager = await app.ClientForAsync(Roles.ReferenceManager);
        var (people, advocate) = await RequestScenario.AddPeopleAsync(app);
        var (others, _) = await RequestScenario.AddPeopleAsync(app);
        var offer = await OpenOfferAsync(manager, OfferBody(title: "Speak at the summit"));
        var draft = await ReadAsync<OfferResponse>(await manager.PostAsJsonAsync("/api/v1/offers", OfferBody(), Ct), HttpStatusCode.Created);

        var before = await ReadAsync<PortalOffersResponse>(await people.Advocate.GetAsync("/api/v1/portal/offers", Ct));
        var applied = await ReadAsync<ApplicationResponse>(await people.Advocate.PostAsync($"/api/v1/portal/offers/{offer.Id}/applications", null, Ct), HttpStatusCode.Created);
        var twice = await people.Advocate.PostAsync($"/api/v1/portal/offers/{offer.Id}/applications", null, Ct);
        var toDraft = await people.Advocate.PostAsync($"/api/v1/portal/offers/{draft.Id}/applications", null, Ct);
        var byOther = await others.Advocate.PostAsync($"/api/v1/portal/offers/applications/{applied.Id}/withdraw", null, Ct);
        var after = await ReadAsync<PortalOffersResponse>(await people.Advocate.GetAsync("/api/v1/portal/offers", Ct));
        var withdrawn = await ReadAsync<ApplicationResponse>(await people.Advocate.PostAsync($"/api/v1/portal/offers/applications/{applied.Id}/withdraw", null, Ct));

        Assert.Contains(before.Offers, o => o.Id == offer.Id && o.Reasons.Contains("wants reputation — a speaking slot gives it"));
        Assert.Equal((advocate.ContactId, "Applied", "Advocate"), (applied.ContactId, applied.State, applied.AppliedBy));
        await twice.AssertProblemAsync(HttpStatusCode.Conflict);
        await toDraft.AssertProblemAsync(HttpStatusCode.NotFound);
        await byOther.AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.DoesNotContain(after.Offers, o => o.Id == offer.Id);
        Assert.Equal([applied.Id], after.Applications.Select(a => a.Id));
        Assert.Equal("Withdrawn", withdrawn.State);
        Assert.Empty((await ReadAsync<PortalOffersResponse>(await others.Advocate.GetAsync("/api/v1/portal/offers", Ct))).Applications);
        // A withdrawn application may be made again.
        Assert.Equal("Applied", (await ReadAsync<ApplicationResponse>(await people.Advocate.PostAsync($"/api/v1/portal/offers/{offer.Id}/applications", null, Ct), HttpStatusCode.Created)).State);
    }
}
