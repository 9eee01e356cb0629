using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Vouch.Auth;
using Vouch.Data;
using Vouch.Features.Accounts;
using Vouch.Features.Contacts;
using Vouch.Features.Engagements;
using Vouch.Features.Ideas;
using Vouch.Features.Opportunities;
using Vouch.Features.Referrals;
using Vouch.Features.Requests;
using Vouch.Features.Value;
using Vouch.Tests.Infrastructure;
using Vouch.Web;

namespace Vouch.Tests.Api;

/// <summary>An account's and a contact's value with its lines, who may read it, and customers sorted by it.</summary>
public sealed class ValueApiTests(VouchApp app) : IClassFixture<VouchApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private sealed record Customer(Guid AccountId, Guid ContactId);

    /// <summary>
    /// A customer earning <paramref name="grossProfit"/> a year whose one contact referred a customer whose deal won
    /// <paramref name="referredWon"/> (no margin on record: 40 %), and gave a reference that alone helped win <paramref name="helpedWon"/>.
    /// </summary>
    private async Task<Customer> AddCustomerAsync(decimal? grossProfit, decimal referredWon, decimal helpedWon, Guid? ownerId = null)
    {
        var requester = await app.AddUserAsync(Roles.Seller);
        return await app.WithScopeAsync(async services => await AddCustomerAsync(services, requester.Id, grossProfit, referredWon, helpedWon, ownerId));
    }

    private static async Task<Customer> AddCustomerAsync(IServiceProvider services, Guid requesterId, decimal? grossProfit, decimal referredWon, decimal helpedWon, Guid? ownerId)
    {
        var db = services.GetRequiredService<VouchDbContext>();
        var call = await db.ActivityTypes.SingleAsync(t => t.Key == "reference-call", Ct);
        var account = new Account
        {
            Name = $"Value {Guid.NewGuid():N}"[..20], AnnualRevenue = grossProfit * 2.5m, GrossProfit = grossProfit, CustomerSince = new DateOnly(2023, 1, 1),
            OwnerId = ownerId, Segment = Segment.Enterprise,
        };
        var contact = new Contact { AccountId = account.Id, FirstName = "Vera", LastName = $"Value{Guid.NewGuid():N}"[..12], AdvocacyStage = AdvocacyStage.Advocate };
        var referred = new Account { Name = $"Referred {Guid.NewGuid():N}"[..20], CustomerSince = new DateOnly(2026, 1, 1) };
        var referredDeal = new Opportunity { AccountId = referred.Id, Name = "Referred deal", Amount = referredWon, Stage = "Closed Won", CloseDate = new DateOnly(2026, 1, 1), IsClosed = true, IsWon = true };
        var prospect = new Account { Name = $"Helped {Guid.NewGuid():N}"[..20] };
        var helped = new Opportunity { AccountId = prospect.Id, Name = "Helped deal", Amount = helpedWon, Stage = "Closed Won", CloseDate = new DateOnly(2026, 2, 1), IsClosed = true, IsWon = true };
        var request = new ReferenceRequest
        {
            RequesterId = requesterId, OpportunityId = helped.Id, ActivityTypeId = call.Id, NeededBy = new DateOnly(2026, 1, 20), Status = RequestStatus.FeedbackRecorded,
            CreatedAt = new DateTimeOffset(2026, 1, 10, 0, 0, 0, TimeSpan.Zero), ContactId = contact.Id, Happened = true, Helped = true, Rating = 4,
        };
        db.AddRange(account, contact, referred, referredDeal, prospect, helped, request,
            new Referral { ReferredById = contact.Id, AccountId = account.Id, Company = referred.Name, PersonName = "Pat", Status = ReferralStatus.Opportunity, OpportunityId = referredDeal.Id },
            new Engagement { ContactId = contact.Id, AccountId = account.Id, Kind = EngagementKind.Ask, ActivityTypeId = call.Id, Status = EngagementStatus.Completed, At = request.CreatedAt, RequestId = request.Id });
        await db.SaveChangesAsync(Ct);
        return new Customer(account.Id, contact.Id);
    }

    private Task RefreshAsync() => app.WithScopeAsync(services => services.GetRequiredService<ValueRefresh>().ProcessStaleAsync(Ct));

    [Fact]
    public async Task An_accounts_value_has_each_part_with_its_lines_and_the_multiple()
    {
        var customer = await AddCustomerAsync(1_000m, referredWon: 10_000m, helpedWon: 5_000m);
        using var manager = await app.ClientForAsync(Roles.ReferenceManager);

        var value = (await manager.GetFromJsonAsync<EngagementValueResponse>($"/api/v1/accounts/{customer.AccountId}/value", Ct))!;

        // Referral: 10,000 × 40 % − 1 hour × 50; influence: 5,000 × 40 % × the whole deal (no margin on record for either: the default).
        Assert.Equal((4_000m - 50m, 2_000m, 0m), (value.ReferralValue.Amount, value.InfluenceValue.Amount, value.KnowledgeValue.Amount));
        Assert.Equal(Math.Round(5_950m / 1_000m, 1), value.Multiple);
        Assert.Equal(2_897.98m, value.LifetimeValue.Amount);
        Assert.Equal(2_897.98m + 5_950m, value.EngagementValue);
        Assert.Equal(["referral", "advocacy-cost"], value.ReferralValue.Lines.Select(l => l.Source));
        var line = Assert.Single(value.InfluenceValue.Lines);
        Assert.Equal(("deal", 1m, "Equal split among 1 touch"), (line.Source, line.Share, line.Rule));
        Assert.Equal("EqualSplit", value.Attribution);
        var contact = (await manager.GetFromJsonAsync<EngagementValueResponse>($"/api/v1/contacts/{customer.ContactId}/value", Ct))!;
        Assert.Equal((customer.AccountId, (Guid?)customer.ContactId, value.Multiple), (contact.AccountId, contact.ContactId, contact.Multiple));
    }

    [Fact]
    public async Task Without_gross_profit_the_value_says_it_cannot_be_computed_instead_of_zero()
    {
        var customer = await AddCustomerAsync(null, 10_000m, 5_000m);
        using var executive = await app.ClientForAsync(Roles.Executive);

        var value = (await executive.GetFromJsonAsync<EngagementValueResponse>($"/api/v1/accounts/{customer.AccountId}/value", Ct))!;

        Assert.Equal((null, (decimal?)null, (decimal?)null), (value.LifetimeValue.Amount, value.EngagementValue, value.Multiple));
        Assert.Equal("cannot be computed: no gross profit on record", value.Reason);
        Assert.Equal(value.Reason, value.LifetimeValue.Reason);
        Assert.Equal(3_950m, value.ReferralValue.Amount);
    }

    [Fact]
    public async Task A_seller_sees_the_value_of_their_own_accounts_and_not_of_anothers()
    {
        var seller = await app.AddUserAsync(Roles.Seller);
        var mine = await AddCustomerAsync(1_000m, 1_000m, 1_000m, seller.Id);
        var theirs = await AddCustomerAsync(1_000m, 1_000m, 1_000m);
        using var client = app.ClientWithToken(await app.CreateTokenAsync(seller.Id));

        using var own = await client.GetAsync($"/api/v1/accounts/{mine.AccountId}/value", Ct);
        using var ownContact = await client.GetAsync($"/api/v1/contacts/{mine.ContactId}/value", Ct);
        using var other = await client.GetAsync($"/api/v1/accounts/{theirs.AccountId}/value", Ct);
        using var otherContact = await client.GetAsync($"/api/v1/contacts/{theirs.ContactId}/value", Ct);
        using var missing = await client.GetAsync($"/api/v1/accounts/{Guid.NewGuid()}/value", Ct);

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (own.StatusCode, ownContact.StatusCode));
        await other.AssertProblemAsync(HttpStatusCode.NotFound);
        await otherContact.AssertProblemAsync(HttpStatusCode.NotFound);
        await missing.AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Customers_sort_by_engagement_value_and_by_multiple_once_the_refresh_has_run_a_seller_seeing_their_own()
    {
        var seller = await app.AddUserAsync(Roles.Seller);
        var small = await AddCustomerAsync(10_000m, 1_000m, 1_000m, seller.Id);
        var large = await AddCustomerAsync(100_000m, 2_000m, 2_000m, seller.Id);
        var hidden = await AddCustomerAsync(1_000m, 90_000m, 90_000m);
        var noProfit = await AddCustomerAsync(null, 90_000m, 90_000m, seller.Id);
        await RefreshAsync();
        using var manager = await app.ClientForAsync(Roles.ReferenceManager);
        using var sellerClient = app.ClientWithToken(await app.CreateTokenAsync(seller.Id));

        var byValue = (await manager.GetFromJsonAsync<Paged<AccountSummary>>("/api/v1/accounts?sort=engagementValue&pageSize=200", Ct))!;
        var byMultiple = (await manager.GetFromJsonAsync<Paged<AccountSummary>>("/api/v1/accounts?sort=multiple&pageSize=200", Ct))!;
        var sellers = (await sellerClient.GetFromJsonAsync<Paged<AccountSummary>>("/api/v1/accounts?sort=engagementValue", Ct))!;
        var ownedBySeller = (await manager.GetFromJsonAsync<Paged<AccountSummary>>(
            $"/api/v1/accounts?sort=engagementValue&owner={Uri.EscapeDataString(seller.Email)}", Ct))!;
        var listed = (await manager.GetFromJsonAsync<Paged<CustomerValueRow>>("/api/v1/value/customers?sort=multiple&pageSize=200", Ct))!;
        using var badSort = await manager.GetAsync("/api/v1/accounts?sort=profit", Ct);

        Guid[] ours = [small.AccountId, large.AccountId, hidden.AccountId];
        // Engagement value: large 289,798 + 1,550; hidden 2,898 + 71,950; small 28,980 + 750. Multiple: 72.0, 0.1, 0.0.
        Assert.Equal([large.AccountId, hidden.AccountId, small.AccountId], byValue.Items.Select(a => a.Id).Where(ours.Contains));
        Assert.Equal([hidden.AccountId, small.AccountId, large.AccountId], byMultiple.Items.Select(a => a.Id).Where(ours.Contains));
        Assert.DoesNotContain(noProfit.AccountId, byValue.Items.Select(a => a.Id));
        Assert.Equal([large.AccountId, small.AccountId], sellers.Items.Select(a => a.Id));
        Assert.Equal([large.AccountId, small.AccountId], ownedBySeller.Items.Select(a => a.Id));
        Assert.Equal(2, ownedBySeller.Total);
        Assert.Equal(byValue.Items.Select(a => a.EngagementValue), byValue.Items.Select(a => a.EngagementValue).OrderDescending());
        Assert.Equal([hidden.AccountId, small.AccountId, large.AccountId], listed.Items.Select(c => c.AccountId).Where(ours.Contains));
        Assert.Contains("sort must be one of", Assert.Single(await badSort.AssertValidationProblemAsync("sort")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_new_reference_on_a_deal_moves_the_stored_value_of_everyone_who_shared_it()
    {
        var first = await AddCustomerAsync(1_000m, 0m, 10_000m);
        var dealId = await app.WithScopeAsync(services => services.GetRequiredService<VouchDbContext>().ReferenceRequests
            .Where(r => r.ContactId == first.ContactId).Select(r => r.OpportunityId!.Value).SingleAsync(Ct));
        await RefreshAsync();
        var second = await AddCustomerAsync(1_000m, 0m, 1m);
        await app.WithScopeAsync(async services =>
        {
            var db = services.GetRequiredService<VouchDbContext>();
            var request = await db.ReferenceRequests.SingleAsync(r => r.ContactId == second.ContactId, Ct);
            request.OpportunityId = dealId;
            await db.SaveChangesAsync(Ct);
        });
        await RefreshAsync();

        var influence = await app.WithScopeAsync(services => services.GetRequiredService<VouchDbContext>().Set<AccountValue>()
            .Where(v => v.AccountId == first.AccountId || v.AccountId == second.AccountId).Select(v => v.Influence).ToListAsync(Ct));

        // 10,000 × 40 % split between the two references.
        Assert.Equal([2_000d, 2_000d], influence);
    }

    [Fact]
    public async Task A_vote_on_an_open_idea_leaves_no_note_for_the_refresh_while_delivering_the_idea_does()
    {
        var customer = await AddCustomerAsync(1_000m, 0m, 0m);
        var voter = await app.AddUserAsync(Roles.Advocate);
        var notes = await app.WithScopeAsync(async services =>
        {
            var db = services.GetRequiredService<VouchDbContext>();
            var idea = new Idea { Title = "Notes per vote", Description = "Say who voted.", AuthorId = voter.Id, CreatedAt = DateTimeOffset.UtcNow };
            db.Ideas.Add(idea);
            await db.SaveChangesAsync(Ct);
            db.ChangeTracker.Clear();

            // Voting loads the idea it counts the vote on into the same save.
            var open = await db.Ideas.SingleAsync(i => i.Id == idea.Id, Ct);
            db.IdeaVotes.Add(new IdeaVote { IdeaId = open.Id, UserId = voter.Id, At = DateTimeOffset.UtcNow, AccountId = customer.AccountId });
            await db.SaveChangesAsync(Ct);
            var afterVote = db.ChangeTracker.Entries<StaleValue>().Select(e => (e.Entity.Kind, e.Entity.RecordId)).ToList();
            db.ChangeTracker.Clear();

            var delivered = await db.Ideas.SingleAsync(i => i.Id == idea.Id, Ct);
            delivered.Status = IdeaStatus.Delivered;
            await db.SaveChangesAsync(Ct);
            var afterDelivery = db.ChangeTracker.Entries<StaleValue>().Select(e => (e.Entity.Kind, e.Entity.RecordId)).ToList();
            return (IdeaId: idea.Id, afterVote, afterDelivery);
        });

        Assert.Empty(notes.afterVote);
        Assert.Equal([(StaleKind.Idea, (Guid?)notes.IdeaId)], notes.afterDelivery);
    }

    [Fact]
    public async Task Who_is_worth_most_lists_segments_industries_and_advocates_by_use()
    {
        await AddCustomerAsync(1_000m, 50_000m, 50_000m);
        await RefreshAsync();
        using var executive = await app.ClientForAsync(Roles.Executive);

        var segments = (await executive.GetFromJsonAsync<List<GroupValueRow>>("/api/v1/value/segments", Ct))!;
        var industries = (await executive.GetFromJsonAsync<List<GroupValueRow>>("/api/v1/value/industries", Ct))!;
        var advocates = (await executive.GetFromJsonAsync<AdvocateUse>("/api/v1/value/advocates", Ct))!;

        Assert.Contains(segments, s => s.Group == "Enterprise" && s.ReferralValue > 0 && s.InfluenceValue > 0);
        Assert.Equal(segments.Select(s => s.Total), segments.Select(s => s.Total).OrderDescending());
        Assert.NotEmpty(industries);
        Assert.NotNull(advocates.TypicalValuePerAskHour);
    }
}
