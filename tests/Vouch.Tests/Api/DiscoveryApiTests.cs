using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Vouch.Auth;
using Vouch.Data;
using Vouch.Features.Accounts;
using Vouch.Features.Catalog;
using Vouch.Features.Contacts;
using Vouch.Features.Discovery;
using Vouch.Features.Engagements;
using Vouch.Features.Opportunities;
using Vouch.Tests.Infrastructure;
using Vouch.Web;

namespace Vouch.Tests.Api;

/// <summary>
/// The candidate lists and nominations. Each test makes its own industry and reads the lists filtered to it, so the
/// rows of other tests never show.
/// </summary>
public sealed class DiscoveryApiTests(VouchApp app) : IClassFixture<VouchApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Far above any other test's accounts: its contacts' accounts are in the top 10 % by gross profit.</summary>
    private const decimal TopProfit = 900_000_000_000m;

    private sealed record World(string Industry, Guid IndustryId);

    private Task<World> NewWorldAsync() => app.WithScopeAsync(async services =>
    {
        var db = services.GetRequiredService<VouchDbContext>();
        var key = $"industry-{Guid.NewGuid():N}";
        var industry = new Industry { Key = key, Name = key };
        db.Industries.Add(industry);
        await db.SaveChangesAsync(Ct);
        return new World(key, industry.Id);
    });

    private Task<Guid> AddAccountAsync(World world, decimal? grossProfit = null, Segment segment = Segment.MidMarket) => app.WithScopeAsync(async services =>
    {
        var db = services.GetRequiredService<VouchDbContext>();
        var account = new Account { Name = $"Account {Guid.NewGuid():N}"[..20], IndustryId = world.IndustryId, Segment = segment, GrossProfit = grossProfit };
        db.Accounts.Add(account);
        await db.SaveChangesAsync(Ct);
        return account.Id;
    });

    private Task<Guid> AddContactAsync(Guid accountId, string lastName, Action<Contact>? shape = null) => app.WithScopeAsync(async services =>
    {
        var db = services.GetRequiredService<VouchDbContext>();
        var contact = new Contact { AccountId = accountId, FirstName = "Casey", LastName = lastName };
        shape?.Invoke(contact);
        db.Contacts.Add(contact);
        await db.SaveChangesAsync(Ct);
        return contact.Id;
    });

    private Task AddAsync(object record) => app.WithScopeAsync(async services =>
    {
        var db = services.GetRequiredService<VouchDbContext>();
        db.Add(record);
        await db.SaveChangesAsync(Ct);
    });

    private static NpsAnswer Nps(Guid contactId, int score, int daysAgo = 10) =>
        new() { ContactId = contactId, Score = score, AnsweredOn = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-daysAgo) };

    private static async Task<Paged<CandidateResponse>> CandidatesAsync(HttpClient client, string query)
    {
        using var response = await client.GetAsync($"/api/v1/candidates?{query}", Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<Paged<CandidateResponse>>(Ct))!;
    }

    private Task<int> NominationCountAsync(Guid contactId) =>
        app.WithScopeAsync(services => services.GetRequiredService<VouchDbContext>().Set<Nomination>().CountAsync(n => n.ContactId == contactId, Ct));

    [Fact]
    public async Task Top_candidates_are_customers_and_promoters_strongest_first_each_score_explained()
    {
        var world = await NewWorldAsync();
        var rich = await AddAccountAsync(world, TopProfit, Segment.Enterprise);
        var plain = await AddAccountAsync(world);
        var star = await AddContactAsync(rich, "Star", c => (c.IsLeadUser, c.HelpsOthers, c.AdvocacyStage) = (true, true, AdvocacyStage.Promoter));
        var quiet = await AddContactAsync(plain, "Quiet");
        await AddContactAsync(rich, "Already", c => c.AdvocacyStage = AdvocacyStage.Advocate);
        using var manager = await app.ClientForAsync(Roles.ReferenceManager);
        using var seller = await app.ClientForAsync(Roles.Seller);
        // The NPS answer through the API: the score follows the write.
        using var answered = await manager.PostAsJsonAsync($"/api/v1/contacts/{star}/nps-answers", new { score = 10 }, Ct);
        Assert.Equal(HttpStatusCode.Created, answered.StatusCode);

        var top = await CandidatesAsync(seller, $"industry={world.Industry}");

        Assert.Equal(2, top.Total);
        Assert.Equal([(star, 70), (quiet, 0)], top.Items.Select(c => (c.ContactId, c.Score)));
        var first = top.Items[0];
        Assert.Equal(
            [
                ("ProfitableAccount", 25, "Account gross profit in the top 10 % of accounts"),
                ("Promoter", 25, "Promoter: answered 10 to the NPS question last time"),
                ("LeadingEdge", 10, "Lead user: ahead of the market in what they use"),
                ("HelpsOthers", 10, "Helps other customers"),
            ],
            first.Parts.Select(p => (p.Factor, p.Points, p.Words)));
        Assert.Equal(("Casey Star", "Enterprise", world.Industry, "Promoter", 10), (first.Name, first.Segment, first.Industry, first.Stage, first.LatestNps));
        Assert.Empty(top.Items[1].Parts);

        var enterprise = await CandidatesAsync(seller, $"industry={world.Industry}&segment=enterprise");
        Assert.Equal([star], enterprise.Items.Select(c => c.ContactId));
    }

    [Fact]
    public async Task A_change_to_the_contact_or_its_account_moves_the_score()
    {
        var world = await NewWorldAsync();
        var account = await AddAccountAsync(world);
        var contact = await AddContactAsync(account, "Mover");
        using var seller = await app.ClientForAsync(Roles.Seller);
        Assert.Equal(0, (await CandidatesAsync(seller, $"industry={world.Industry}")).Items.Single().Score);

        await app.WithScopeAsync(async services =>
        {
            var db = services.GetRequiredService<VouchDbContext>();
            (await db.Accounts.SingleAsync(a => a.Id == account, Ct)).GrossProfit = TopProfit;
            (await db.Contacts.SingleAsync(c => c.Id == contact, Ct)).Followers = 12_000;
            await db.SaveChangesAsync(Ct);
        });
        Assert.Equal(35, (await CandidatesAsync(seller, $"industry={world.Industry}")).Items.Single().Score);

        await app.WithScopeAsync(async services =>
        {
            var db = services.GetRequiredService<VouchDbContext>();
            (await db.Contacts.SingleAsync(c => c.Id == contact, Ct)).AdvocacyStage = AdvocacyStage.RockStar;
            await db.SaveChangesAsync(Ct);
        });
        Assert.Equal(0, (await CandidatesAsync(seller, $"industry={world.Industry}")).Total);
    }

    [Fact]
    public async Task Promoters_never_asked_leave_out_the_asked_the_passive_and_the_erased()
    {
        var world = await NewWorldAsync();
        var account = await AddAccountAsync(world);
        var neverAsked = await AddContactAsync(account, "Never");
        var asked = await AddContactAsync(account, "Asked");
        var passive = await AddContactAsync(account, "Passive");
        var erased = await AddContactAsync(account, "Erased");
        var turned = await AddContactAsync(account, "Turned");
        await AddAsync(Nps(neverAsked, 9));
        await AddAsync(Nps(asked, 10));
        await AddAsync(Nps(passive, 8));
        await AddAsync(Nps(erased, 10));
        // A promoter once, a detractor in the latest answer.
        await AddAsync(Nps(turned, 10, daysAgo: 300));
        await AddAsync(Nps(turned, 5, daysAgo: 5));
        // Even a released ask is an ask: they were asked.
        await AddAsync(new Engagement { ContactId = asked, AccountId = account, Kind = EngagementKind.Ask, Status = EngagementStatus.Released, At = DateTimeOffset.UtcNow.AddDays(-30) });
        using var admin = await app.ClientForAsync(Roles.Admin);
        using var erasing = await admin.PostAsync($"/api/v1/contacts/{erased}/erase", null, Ct);
        Assert.Equal(HttpStatusCode.NoContent, erasing.StatusCode);

        var promoters = await CandidatesAsync(admin, $"list=promotersNeverAsked&industry={world.Industry}");

        Assert.Equal([neverAsked], promoters.Items.Select(c => c.ContactId));
        Assert.Equal((1, 25, 9), (promoters.Total, promoters.Items[0].Score, promoters.Items[0].LatestNps));
        var top = await CandidatesAsync(admin, $"list=top&industry={world.Industry}");
        Assert.DoesNotContain(erased, top.Items.Select(c => c.ContactId));
    }

    [Fact]
    public async Task Advocates_who_went_quiet_are_listed_quiet_the_longest_first_with_their_last_engagement()
    {
        var world = await NewWorldAsync();
        var account = await AddAccountAsync(world);
        var now = DateTimeOffset.UtcNow;
        var longAgo = await AddContactAsync(account, "LongAgo", c => c.AdvocacyStage = AdvocacyStage.RockStar);
        var quiet = await AddContactAsync(account, "Quiet", c => c.AdvocacyStage = AdvocacyStage.Advocate);
        var busy = await AddContactAsync(account, "Busy", c => c.AdvocacyStage = AdvocacyStage.Advocate);
        var never = await AddContactAsync(account, "Never", c => c.AdvocacyStage = AdvocacyStage.Advocate);
        await AddContactAsync(account, "Customer");
        await AddAsync(new Engagement { ContactId = longAgo, AccountId = account, Kind = EngagementKind.Ask, Status = EngagementStatus.Completed, At = now.AddDays(-400) });
        await AddAsync(new Engagement { ContactId = quiet, AccountId = account, Kind = EngagementKind.Ask, Status = EngagementStatus.Completed, At = now.AddDays(-200) });
        // Only a completed ask or give counts: a reservation last week is not engaging them.
        await AddAsync(new Engagement { ContactId = quiet, AccountId = account, Kind = EngagementKind.Ask, Status = EngagementStatus.Reserved, At = now.AddDays(-7) });
        await AddAsync(new Engagement { ContactId = busy, AccountId = account, Kind = EngagementKind.Give, Title = "Speaking slot", CreditHours = 3, Status = EngagementStatus.Completed, At = now.AddDays(-10) });
        using var seller = await app.ClientForAsync(Roles.Seller);

        var wentQuiet = await CandidatesAsync(seller, $"list=wentQuiet&industry={world.Industry}");

        Assert.Equal(3, wentQuiet.Total);
        Assert.Equal(
            [(longAgo, DateOnly.FromDateTime(now.AddDays(-400).UtcDateTime)), (quiet, DateOnly.FromDateTime(now.AddDays(-200).UtcDateTime)), (never, (DateOnly?)null)],
            wentQuiet.Items.Select(c => (c.ContactId, c.LastEngagedOn)));
        var secondPage = await CandidatesAsync(seller, $"list=wentQuiet&industry={world.Industry}&pageSize=2&page=2");
        Assert.Equal([never], secondPage.Items.Select(c => c.ContactId));
    }

    [Fact]
    public async Task A_list_filter_that_is_not_one_is_refused_naming_each_parameter()
    {
        using var seller = await app.ClientForAsync(Roles.Seller);

        using var response = await seller.GetAsync("/api/v1/candidates?list=best&segment=Huge&industry=nowhere&page=0", Ct);

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        var errors = problem.GetProperty("errors");
        Assert.Equal("list must be one of Top, PromotersNeverAsked, WentQuiet.", errors.GetProperty("list")[0].GetString());
        Assert.Equal("segment must be one of SmallBusiness, MidMarket, Enterprise.", errors.GetProperty("segment")[0].GetString());
        Assert.Equal("'nowhere' is not an industry; GET /api/v1/industries lists them.", errors.GetProperty("industry")[0].GetString());
        Assert.Equal("page must be 1 or more.", errors.GetProperty("page")[0].GetString());
    }

    [Fact]
    public async Task A_seller_nominates_and_a_reference_manager_accepts_putting_the_contact_into_recruiting()
    {
        var world = await NewWorldAsync();
        var contact = await AddContactAsync(await AddAccountAsync(world), "Nominee");
        var seller = await app.AddUserAsync(Roles.Seller);
        using var sellerClient = app.ClientWithToken(await app.CreateTokenAsync(seller.Id));
        using var manager = await app.ClientForAsync(Roles.ReferenceManager);

        using var nominated = await sellerClient.PostAsJsonAsync("/api/v1/nominations", new { contactId = contact, reason = "  Runs their user group  " }, Ct);

        Assert.Equal(HttpStatusCode.Created, nominated.StatusCode);
        var nomination = (await nominated.Content.ReadFromJsonAsync<NominationResponse>(Ct))!;
        Assert.Equal(("Casey Nominee", "Person", seller.DisplayName, "Runs their user group", "Proposed"),
            (nomination.Contact, nomination.Source, nomination.NominatedBy, nomination.Reason, nomination.State));
        Assert.Equal("Nominated", (await CandidatesAsync(sellerClient, $"industry={world.Industry}")).Items.Single().Nomination);

        using var accepted = await manager.PostAsJsonAsync($"/api/v1/nominations/{nomination.Id}/accept", new { note = "Welcome aboard", version = nomination.Version }, Ct);

        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        var decided = (await accepted.Content.ReadFromJsonAsync<NominationResponse>(Ct))!;
        Assert.Equal(("Accepted", "Welcome aboard"), (decided.State, decided.DecisionNote));
        Assert.NotNull(decided.DecidedAt);
        var profile = (await manager.GetFromJsonAsync<ContactResponse>($"/api/v1/contacts/{contact}", Ct))!;
        Assert.Equal("Promoter", profile.AdvocacyStage);
        Assert.Equal("Recruiting", (await CandidatesAsync(sellerClient, $"industry={world.Industry}")).Items.Single().Nomination);
        var listed = (await manager.GetFromJsonAsync<Paged<NominationResponse>>("/api/v1/nominations?state=accepted&pageSize=200", Ct))!;
        Assert.Contains(listed.Items, n => n.Id == nomination.Id);
    }

    [Fact]
    public async Task Nominating_an_advocate_an_erased_contact_or_someone_already_nominated_is_refused_and_changes_nothing()
    {
        var world = await NewWorldAsync();
        var account = await AddAccountAsync(world);
        var advocate = await AddContactAsync(account, "Advocate", c => c.AdvocacyStage = AdvocacyStage.Advocate);
        var erased = await AddContactAsync(account, "Erased");
        var nominated = await AddContactAsync(account, "Nominated");
        using var admin = await app.ClientForAsync(Roles.Admin);
        using var seller = await app.ClientForAsync(Roles.Seller);
        (await admin.PostAsync($"/api/v1/contacts/{erased}/erase", null, Ct)).Dispose();
        (await seller.PostAsJsonAsync("/api/v1/nominations", new { contactId = nominated, reason = "First" }, Ct)).Dispose();

        async Task RefusedAsync(Guid contactId, string detail)
        {
            using var response = await seller.PostAsJsonAsync("/api/v1/nominations", new { contactId, reason = "Great fit" }, Ct);
            var problem = await response.AssertProblemAsync(HttpStatusCode.Conflict);
            Assert.Equal(("The contact cannot be nominated.", detail), (problem.GetProperty("title").GetString(), problem.GetProperty("detail").GetString()));
        }

        await RefusedAsync(advocate, "Casey Advocate is already an advocate (Advocate).");
        await RefusedAsync(erased, "Their personal data was erased.");
        await RefusedAsync(nominated, "Casey Nominated already has an open nomination.");
        Assert.Equal((0, 0, 1), (await NominationCountAsync(advocate), await NominationCountAsync(erased), await NominationCountAsync(nominated)));
    }

    [Fact]
    public async Task A_nomination_without_a_contact_or_a_reason_names_each_field_and_changes_nothing()
    {
        var world = await NewWorldAsync();
        var contact = await AddContactAsync(await AddAccountAsync(world), "Someone");
        using var seller = await app.ClientForAsync(Roles.Seller);

        using var empty = await seller.PostAsJsonAsync("/api/v1/nominations", new { }, Ct);
        var errors = (await empty.AssertProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors");
        Assert.Equal("contactId is required.", errors.GetProperty("contactId")[0].GetString());
        Assert.Equal("reason is required.", errors.GetProperty("reason")[0].GetString());

        using var unknown = await seller.PostAsJsonAsync("/api/v1/nominations", new { contactId = Guid.NewGuid(), reason = "x" }, Ct);
        Assert.Equal(["No contact has this id."], await unknown.AssertValidationProblemAsync("contactId"));

        using var tooLong = await seller.PostAsJsonAsync("/api/v1/nominations", new { contactId = contact, reason = new string('x', Nomination.ReasonMaxLength + 1) }, Ct);
        Assert.Single(await tooLong.AssertValidationProblemAsync("reason"));

        using var notJson = await seller.PostAsJsonAsync("/api/v1/nominations", new { contactId = "not-an-id", reason = "x" }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, notJson.StatusCode);
        Assert.Equal(0, await NominationCountAsync(contact));
    }

    [Fact]
    public async Task A_decision_is_made_once_a_decline_needs_a_note_and_a_stale_version_changes_nothing()
    {
        var world = await NewWorldAsync();
        var contact = await AddContactAsync(await AddAccountAsync(world), "Decided");
        using var seller = await app.ClientForAsync(Roles.Seller);
        using var manager = await app.ClientForAsync(Roles.ReferenceManager);
        using var created = await seller.PostAsJsonAsync("/api/v1/nominations", new { contactId = contact, reason = "Loves the product" }, Ct);
        var nomination = (await created.Content.ReadFromJsonAsync<NominationResponse>(Ct))!;

        using var noNote = await manager.PostAsJsonAsync($"/api/v1/nominations/{nomination.Id}/decline", new { version = nomination.Version }, Ct);
        Assert.Equal(["note is required."], await noNote.AssertValidationProblemAsync("note"));
        using var noVersion = await manager.PostAsJsonAsync($"/api/v1/nominations/{nomination.Id}/accept", new { }, Ct);
        Assert.StartsWith("version is required", (await noVersion.AssertValidationProblemAsync("version"))[0], StringComparison.Ordinal);
        using var stale = await manager.PostAsJsonAsync($"/api/v1/nominations/{nomination.Id}/accept", new { version = Guid.NewGuid() }, Ct);
        await stale.AssertProblemAsync(HttpStatusCode.Conflict);
        using var missing = await manager.PostAsJsonAsync($"/api/v1/nominations/{Guid.NewGuid()}/accept", new { version = nomination.Version }, Ct);
        await missing.AssertProblemAsync(HttpStatusCode.NotFound);
        var unchanged = await app.WithScopeAsync(s => s.GetRequiredService<VouchDbContext>().Set<Nomination>().AsNoTracking().SingleAsync(n => n.Id == nomination.Id, Ct));
        Assert.Equal((NominationState.Proposed, nomination.Version, (DateTimeOffset?)null), (unchanged.State, unchanged.Version, unchanged.DecidedAt));

        using var declined = await manager.PostAsJsonAsync($"/api/v1/nominations/{nomination.Id}/decline", new { note = "Churn risk this year", version = nomination.Version }, Ct);
        Assert.Equal(HttpStatusCode.OK, declined.StatusCode);
        var decided = (await declined.Content.ReadFromJsonAsync<NominationResponse>(Ct))!;

        using var again = await manager.PostAsJsonAsync($"/api/v1/nominations/{nomination.Id}/accept", new { version = decided.Version }, Ct);
        var problem = await again.AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("The nomination was already decided.", problem.GetProperty("title").GetString());
        var profile = (await manager.GetFromJsonAsync<ContactResponse>($"/api/v1/contacts/{contact}", Ct))!;
        Assert.Equal("Customer", profile.AdvocacyStage);
        // Declined, the contact may be nominated again.
        using var renominated = await seller.PostAsJsonAsync("/api/v1/nominations", new { contactId = contact, reason = "Renewed and expanded" }, Ct);
        Assert.Equal(HttpStatusCode.Created, renominated.StatusCode);
    }

    [Fact]
    public async Task A_deal_won_long_enough_ago_proposes_its_contacts_once_however_many_read_at_once()
    {
        var world = await NewWorldAsync();
        var account = await AddAccountAsync(world);
        var buyer = await AddContactAsync(account, "Buyer");
        var recent = await AddContactAsync(account, "Recent");
        var advocate = await AddContactAsync(account, "Advocate", c => c.AdvocacyStage = AdvocacyStage.Advocate);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var won = new Opportunity { AccountId = account, Name = $"Deal {Guid.NewGuid():N}"[..13], Stage = "Closed Won", IsClosed = true, IsWon = true, CloseDate = today.AddDays(-100), Amount = 10_000 };
        var justWon = new Opportunity { AccountId = account, Name = "Just won", Stage = "Closed Won", IsClosed = true, IsWon = true, CloseDate = today.AddDays(-10), Amount = 10_000 };
        await AddAsync(won);
        await AddAsync(justWon);
        await AddAsync(new OpportunityContactRole { OpportunityId = won.Id, ContactId = buyer, Role = "Economic Buyer" });
        await AddAsync(new OpportunityContactRole { OpportunityId = won.Id, ContactId = advocate, Role = "Champion" });
        await AddAsync(new OpportunityContactRole { OpportunityId = justWon.Id, ContactId = recent, Role = "User" });
        using var manager = await app.ClientForAsync(Roles.ReferenceManager);

        var reads = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => manager.GetAsync("/api/v1/nominations?state=Proposed&pageSize=200", Ct)));

        Assert.All(reads, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        foreach (var read in reads)
        {
            read.Dispose();
        }
        var proposed = (await manager.GetFromJsonAsync<Paged<NominationResponse>>("/api/v1/nominations?state=Proposed&pageSize=200", Ct))!;
        var mine = proposed.Items.Where(n => n.AccountId == account).ToList();
        var only = Assert.Single(mine);
        Assert.Equal((buyer, "WonDeal", won.Id, $"Won {won.Name} on {won.CloseDate:yyyy-MM-dd}; Economic Buyer", (string?)null),
            (only.ContactId, only.Source, only.OpportunityId, only.Reason, only.NominatedBy));
        Assert.Equal((1, 0, 0), (await NominationCountAsync(buyer), await NominationCountAsync(recent), await NominationCountAsync(advocate)));
    }

    [Fact]
    public async Task A_state_that_is_not_one_is_refused()
    {
        using var seller = await app.ClientForAsync(Roles.Seller);

        using var response = await seller.GetAsync("/api/v1/nominations?state=Maybe", Ct);

        Assert.Equal(["state must be one of Proposed, Accepted, Declined."], await response.AssertValidationProblemAsync("state"));
    }
}
