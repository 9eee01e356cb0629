using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Vouch.Auth;
using Vouch.Data;
using Vouch.Features.Engagements;
using Vouch.Features.Opportunities;
using Vouch.Features.Referrals;
using Vouch.Tests.Infrastructure;
using Vouch.Web;

namespace Vouch.Tests.Api;

/// <summary>Referrals recorded by the team, merged when the prospect is the same, moved through their stages to a won deal.</summary>
public sealed class ReferralsApiTests(VouchApp app) : IClassFixture<VouchApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly string s_today = DateOnly.FromDateTime(DateTime.UtcNow).ToString("yyyy-MM-dd");

    private static string Unique(string prefix) => $"{prefix}{Guid.NewGuid():N}"[..(prefix.Length + 10)];

    private Task<T> DbAsync<T>(Func<VouchDbContext, Task<T>> read) => app.WithScopeAsync(s => read(s.GetRequiredService<VouchDbContext>()));

    private Task<int> ReferralsOfAsync(string company) => DbAsync(db => db.Set<Referral>().CountAsync(r => r.Company == company, Ct));

    [Fact]
    public async Task The_smallest_body_records_a_new_referral_credited_to_the_advocate_with_a_completed_ask_in_the_ledger()
    {
        var advocate = await app.AddAdvocateAsync(null);
        using var manager = await app.ClientForAsync(Roles.ReferenceManager);
        var company = Unique("Kauri Foods ");

        using var response = await manager.PostAsJsonAsync("/api/v1/referrals",
            new { referrerContactId = advocate.ContactId, prospectCompany = company, prospectName = "Hemi Walker" }, Ct);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var referral = (await response.Content.ReadFromJsonAsync<ReferralDetails>(Ct))!;
        Assert.Equal((advocate.ContactId, advocate.AccountId, company, "Hemi Walker", "New", (Guid?)null, (decimal?)null),
            (referral.ReferredById, referral.AccountId, referral.Company, referral.PersonName, referral.Status, referral.OpportunityId, referral.WonAmount));
        Assert.Equal(["Contacted", "Qualified", "Lost"], referral.MayMoveTo);
        Assert.Equal($"/api/v1/referrals/{referral.Id}", response.Headers.Location!.OriginalString);
        var asks = await DbAsync(db => db.Engagements.Where(e => e.ContactId == advocate.ContactId && e.ActivityType!.Key == "referral")
            .Select(e => new { e.Kind, e.Status, e.Title }).ToListAsync(Ct));
        Assert.Equal((EngagementKind.Ask, EngagementStatus.Completed, $"Referred Hemi Walker at {company}"), Assert.Single(asks) is var a ? (a.Kind, a.Status, a.Title) : default);
    }

    [Fact]
    public async Task The_same_prospect_again_answers_the_first_referral_keeps_its_credit_and_notes_the_second_referrer()
    {
        var first = await app.AddAdvocateAsync(null);
        var second = await app.AddAdvocateAsync(null);
        using var manager = await app.ClientForAsync(Roles.ReferenceManager);
        var company = Unique("Totara Labs ");
        var domain = $"{Guid.NewGuid():N}.example";

        using var created = await manager.PostAsJsonAsync("/api/v1/referrals",
            new { referrerContactId = first.ContactId, prospectCompany = company, prospectName = "Aroha Ngata", prospectEmail = $"aroha@{domain}" }, Ct);
        using var sameDomain = await manager.PostAsJsonAsync("/api/v1/referrals",
            new { referrerContactId = second.ContactId, prospectCompany = company + " Ltd", prospectName = "Someone Else", companyDomain = $"https://WWW.{domain.ToUpperInvariant()}/about", note = "Met at a conference" }, Ct);
        using var sameEmail = await manager.PostAsJsonAsync("/api/v1/referrals",
            new { referrerContactId = second.ContactId, prospectCompany = "Other name", prospectName = "Aroha N.", prospectEmail = $"AROHA@{domain.ToUpperInvariant()}" }, Ct);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var referral = (await created.Content.ReadFromJsonAsync<ReferralDetails>(Ct))!;
        foreach (var again in new[] { sameDomain, sameEmail })
        {
            Assert.Equal(HttpStatusCode.OK, again.StatusCode);
            var existing = (await again.Content.ReadFromJsonAsync<ReferralDetails>(Ct))!;
            Assert.Equal((referral.Id, first.ContactId, company), (existing.Id, existing.ReferredById, existing.Company));
        }
        Assert.Equal(1, await ReferralsOfAsync(company));
        Assert.Equal(0, await ReferralsOfAsync(company + " Ltd"));
        var read = (await manager.GetFromJsonAsync<ReferralDetails>($"/api/v1/referrals/{referral.Id}", Ct))!;
        Assert.Equal([(second.ContactId, "Met at a conference"), (second.ContactId, (string?)null)], read.AlsoReferredBy.Select(a => (a.ContactId, a.Note)));
        // Only the credited referral is the advocate's ask in the ledger.
        Assert.Equal(0, await DbAsync(db => db.Engagements.CountAsync(e => e.ContactId == second.ContactId && e.ActivityType!.Key == "referral", Ct)));
    }

    [Fact]
    public async Task Bad_input_is_refused_naming_the_field_and_nothing_is_recorded()
    {
        var advocate = await app.AddAdvocateAsync(null);
        var customer = await app.AddAdvocateAsync(null, c => c.Email = $"{Guid.NewGuid():N}@customer.example");
        var (customerName, customerEmail) = await DbAsync(async db =>
            (await db.Accounts.Where(a => a.Id == customer.AccountId).Select(a => a.Name).SingleAsync(Ct),
             await db.Contacts.Where(c => c.Id == customer.ContactId).Select(c => c.Email!).SingleAsync(Ct)));
        using var manager = await app.ClientForAsync(Roles.ReferenceManager);
        var company = Unique("Rata Energy ");

        using var noName = await manager.PostAsJsonAsync("/api/v1/referrals", new { referrerContactId = advocate.ContactId, prospectCompany = company }, Ct);
        using var blankName = await manager.PostAsJsonAsync("/api/v1/referrals", new { referrerContactId = advocate.ContactId, prospectCompany = company, prospectName = "  " }, Ct);
        using var customerByName = await manager.PostAsJsonAsync("/api/v1/referrals",
            new { referrerContactId = advocate.ContactId, prospectCompany = customerName.ToUpperInvariant(), prospectName = "Jo Bloggs" }, Ct);
        using var customerByEmail = await manager.PostAsJsonAsync("/api/v1/referrals",
            new { referrerContactId = advocate.ContactId, prospectCompany = company, prospectName = "Jo Bloggs", prospectEmail = customerEmail }, Ct);
        using var noReferrer = await manager.PostAsJsonAsync("/api/v1/referrals", new { prospectCompany = company, prospectName = "Jo Bloggs" }, Ct);
        using var unknownReferrer = await manager.PostAsJsonAsync("/api/v1/referrals",
            new { referrerContactId = Guid.NewGuid(), prospectCompany = company, prospectName = "Jo Bloggs" }, Ct);
        using var badEmailAndDomain = await manager.PostAsJsonAsync("/api/v1/referrals",
            new { referrerContactId = advocate.ContactId, prospectCompany = company, prospectName = "Jo Bloggs", prospectEmail = "not an email", companyDomain = "not a domain" }, Ct);

        Assert.Equal(["prospectName is required."], await noName.AssertValidationProblemAsync("prospectName"));
        Assert.Equal(["prospectName is required."], await blankName.AssertValidationProblemAsync("prospectName"));
        Assert.Equal([$"{customerName} is an existing customer: a customer is not a referral."], await customerByName.AssertValidationProblemAsync("prospectCompany"));
        Assert.Equal([$"{customerEmail} is a contact at {customerName}, an existing customer: a customer is not a referral."],
            await customerByEmail.AssertValidationProblemAsync("prospectEmail"));
        Assert.Contains("required", Assert.Single(await noReferrer.AssertValidationProblemAsync("referrerContactId")), StringComparison.Ordinal);
        Assert.Contains("is not a contact", Assert.Single(await unknownReferrer.AssertValidationProblemAsync("referrerContactId")), StringComparison.Ordinal);
        var badErrors = (await badEmailAndDomain.AssertProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors");
        Assert.Equal(["companyDomain", "prospectEmail"], badErrors.EnumerateObject().Select(e => e.Name).Order(StringComparer.Ordinal));
        Assert.Equal(0, await ReferralsOfAsync(company));
        Assert.Equal(0, await DbAsync(db => db.Engagements.CountAsync(e => e.ContactId == advocate.ContactId, Ct)));
    }

    [Fact]
    public async Task A_referral_moves_through_its_stages_becomes_a_deal_and_carries_the_won_amount_back()
    {
        var advocate = await app.AddAdvocateAsync(null);
        using var manager = await app.ClientForAsync(Roles.ReferenceManager);
        var company = Unique("Pohutukawa Health ");
        using var created = await manager.PostAsJsonAsync("/api/v1/referrals",
            new { referrerContactId = advocate.ContactId, prospectCompany = company, prospectName = "Wiremu Tane" }, Ct);
        var referral = (await created.Content.ReadFromJsonAsync<ReferralDetails>(Ct))!;

        async Task<HttpResponseMessage> MoveAsync(string status, Guid version) =>
            await manager.PostAsJsonAsync($"/api/v1/referrals/{referral.Id}/status", new { status, version }, Ct);

        using var contacted = await MoveAsync("contacted", referral.Version);
        var afterContacted = (await contacted.Content.ReadFromJsonAsync<ReferralDetails>(Ct))!;
        using var stale = await MoveAsync("Qualified", referral.Version);
        using var backwards = await MoveAsync("New", afterContacted.Version);
        using var won = await MoveAsync("Won", afterContacted.Version);
        using var unknown = await MoveAsync("Signed", afterContacted.Version);
        using var qualified = await MoveAsync("Qualified", afterContacted.Version);
        var afterQualified = (await qualified.Content.ReadFromJsonAsync<ReferralDetails>(Ct))!;

        Assert.Equal("Contacted", afterContacted.Status);
        await stale.AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("moves forward", (await backwards.AssertProblemAsync(HttpStatusCode.Conflict)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Contains("when its deal is won", (await won.AssertProblemAsync(HttpStatusCode.Conflict)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Contains("status must be one of", Assert.Single(await unknown.AssertValidationProblemAsync("status")), StringComparison.Ordinal);
        Assert.Equal("Qualified", afterQualified.Status);
        Assert.Equal(["New→Contacted", "Contacted→Qualified"], afterQualified.History.Select(m => $"{m.From}→{m.To}"));

        using var badDeal = await manager.PostAsJsonAsync($"/api/v1/referrals/{referral.Id}/opportunity",
            new { create = new { name = "", amount = -1 }, version = afterQualified.Version }, Ct);
        var errors = (await badDeal.AssertProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors");
        Assert.Equal(["create.amount", "create.closeDate", "create.name"], errors.EnumerateObject().Select(e => e.Name).Order(StringComparer.Ordinal));

        using var linked = await manager.PostAsJsonAsync($"/api/v1/referrals/{referral.Id}/opportunity",
            new { create = new { name = $"{company} roll-out", amount = 80_000m, closeDate = "2027-03-31" }, version = afterQualified.Version }, Ct);
        Assert.Equal(HttpStatusCode.OK, linked.StatusCode);
        var asDeal = (await linked.Content.ReadFromJsonAsync<ReferralDetails>(Ct))!;
        Assert.Equal(("Opportunity", $"{company} roll-out", 80_000m, (decimal?)null), (asDeal.Status, asDeal.Opportunity, asDeal.OpportunityAmount, asDeal.WonAmount));
        var prospect = await DbAsync(db => db.Opportunities.Where(o => o.Id == asDeal.OpportunityId).Select(o => new { o.Account!.Name, o.Account.CustomerSince, o.Stage }).SingleAsync(Ct));
        Assert.Equal((company, (DateOnly?)null, OpportunityWrites.DefaultStage), (prospect.Name, prospect.CustomerSince, prospect.Stage));
        using var movedByHand = await MoveAsync("Lost", asDeal.Version);
        Assert.Contains("Its deal decides", (await movedByHand.AssertProblemAsync(HttpStatusCode.Conflict)).GetProperty("detail").GetString(), StringComparison.Ordinal);

        var deal = (await manager.GetFromJsonAsync<OpportunityResponse>($"/api/v1/opportunities/{asDeal.OpportunityId}", Ct))!;
        using var closed = await manager.PostAsJsonAsync($"/api/v1/opportunities/{deal.Id}/close",
            new { won = true, amount = 92_500m, closeDate = s_today, version = deal.Version }, Ct);
        Assert.Equal(HttpStatusCode.OK, closed.StatusCode);

        var outcome = (await manager.GetFromJsonAsync<ReferralDetails>($"/api/v1/referrals/{referral.Id}", Ct))!;
        Assert.Equal(("Won", (decimal?)92_500m), (outcome.Status, outcome.WonAmount));
        var listed = (await manager.GetFromJsonAsync<Paged<ReferralSummary>>($"/api/v1/referrals?referrerContactId={advocate.ContactId}&status=won", Ct))!;
        Assert.Equal((referral.Id, (decimal?)92_500m), Assert.Single(listed.Items) is var item ? (item.Id, item.WonAmount) : default);
        var report = (await manager.GetFromJsonAsync<ReferralReport>("/api/v1/reports/referrals", Ct))!;
        Assert.Contains(report.TopReferrers, t => t.ContactId == advocate.ContactId && t.Referrals == 1 && t.Won == 1 && t.WonRevenue == 92_500m);
        Assert.Equal(report.Totals.Referrals, report.ByStatus.Sum(s => s.Count));
    }

    [Fact]
    public async Task A_referral_links_to_an_existing_deal_that_no_other_referral_is_credited_with()
    {
        var (people, advocate) = await app.AddPeopleAsync();
        var dealId = await app.AddOpportunityAsync(people.SellerId, advocate, amount: 40_000m);
        using var manager = await app.ClientForAsync(Roles.ReferenceManager);
        async Task<ReferralDetails> ReferAsync(string company) =>
            (await (await manager.PostAsJsonAsync("/api/v1/referrals",
                new { referrerContactId = advocate.ContactId, prospectCompany = company, prospectName = "Kiri Te Ao" }, Ct)).Content.ReadFromJsonAsync<ReferralDetails>(Ct))!;
        var one = await ReferAsync(Unique("Matai Build "));
        var other = await ReferAsync(Unique("Rimu Works "));

        using var linked = await manager.PostAsJsonAsync($"/api/v1/referrals/{one.Id}/opportunity", new { opportunityId = dealId, version = one.Version }, Ct);
        using var twice = await manager.PostAsJsonAsync($"/api/v1/referrals/{other.Id}/opportunity", new { opportunityId = dealId, version = other.Version }, Ct);
        using var unknown = await manager.PostAsJsonAsync($"/api/v1/referrals/{other.Id}/opportunity", new { opportunityId = Guid.NewGuid(), version = other.Version }, Ct);
        using var neither = await manager.PostAsJsonAsync($"/api/v1/referrals/{other.Id}/opportunity", new { version = other.Version }, Ct);
        using var missing = await manager.PostAsJsonAsync($"/api/v1/referrals/{Guid.NewGuid()}/opportunity", new { opportunityId = dealId, version = other.Version }, Ct);

        Assert.Equal(("Opportunity", (Guid?)dealId), (await linked.Content.ReadFromJsonAsync<ReferralDetails>(Ct))! is var l ? (l.Status, l.OpportunityId) : default);
        Assert.Contains("one deal is credited to one referral", (await twice.AssertProblemAsync(HttpStatusCode.Conflict)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        await unknown.AssertValidationProblemAsync("opportunityId");
        await neither.AssertValidationProblemAsync("opportunityId");
        await missing.AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(("New", (Guid?)null), (await manager.GetFromJsonAsync<ReferralDetails>($"/api/v1/referrals/{other.Id}", Ct))! is var o ? (o.Status, o.OpportunityId) : default);
    }

    [Fact]
    public async Task An_advocate_referring_a_prospect_already_referred_is_told_so_without_learning_by_whom()
    {
        var (people, advocate) = await app.AddPeopleAsync();
        var first = await app.AddAdvocateAsync(null, c => c.FirstName = "Tamati");
        using var manager = await app.ClientForAsync(Roles.ReferenceManager);
        var domain = $"{Guid.NewGuid():N}.example";
        using var recorded = await manager.PostAsJsonAsync("/api/v1/referrals",
            new { referrerContactId = first.ContactId, prospectCompany = "Harakeke Ltd", prospectName = "Mere Tui", companyDomain = domain }, Ct);
        var referral = (await recorded.Content.ReadFromJsonAsync<ReferralDetails>(Ct))!;

        using var again = await people.Advocate.PostAsJsonAsync("/api/v1/portal/referrals",
            new { company = "Harakeke", personName = "Mere Tui", personEmail = $"mere@{domain}" }, Ct);

        var problem = await again.AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("Mere Tui at Harakeke was referred to us already.", problem.GetProperty("title").GetString());
        Assert.DoesNotContain("Tamati", problem.GetRawText(), StringComparison.Ordinal);
        Assert.Empty((await people.Advocate.GetFromJsonAsync<List<ReferralResponse>>("/api/v1/portal/referrals", Ct))!);
        var read = (await manager.GetFromJsonAsync<ReferralDetails>($"/api/v1/referrals/{referral.Id}", Ct))!;
        Assert.Equal([advocate.ContactId], read.AlsoReferredBy.Select(a => a.ContactId));
    }

    [Fact]
    public async Task The_list_searches_and_filters_and_names_a_bad_filter()
    {
        var advocate = await app.AddAdvocateAsync(null);
        using var seller = await app.ClientForAsync(Roles.Seller);
        using var manager = await app.ClientForAsync(Roles.ReferenceManager);
        var company = Unique("Kowhai Retail ");
        using var _ = await manager.PostAsJsonAsync("/api/v1/referrals", new { referrerContactId = advocate.ContactId, prospectCompany = company, prospectName = "Ana Rua" }, Ct);

        var byText = (await seller.GetFromJsonAsync<Paged<ReferralSummary>>($"/api/v1/referrals?q={Uri.EscapeDataString(company.ToUpperInvariant())}", Ct))!;
        var byAccount = (await seller.GetFromJsonAsync<Paged<ReferralSummary>>($"/api/v1/referrals?accountId={advocate.AccountId}&status=New", Ct))!;
        var wonOnly = (await seller.GetFromJsonAsync<Paged<ReferralSummary>>($"/api/v1/referrals?accountId={advocate.AccountId}&status=Won", Ct))!;
        using var badStatus = await seller.GetAsync("/api/v1/referrals?status=Signed&pageSize=0", Ct);
        using var missing = await seller.GetAsync($"/api/v1/referrals/{Guid.NewGuid()}", Ct);

        Assert.Equal((1, company), (byText.Total, Assert.Single(byText.Items).Company));
        Assert.Equal(company, Assert.Single(byAccount.Items).Company);
        Assert.Empty(wonOnly.Items);
        var errors = (await badStatus.AssertProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors");
        Assert.Equal(["pageSize", "status"], errors.EnumerateObject().Select(e => e.Name).Order(StringComparer.Ordinal));
        await missing.AssertProblemAsync(HttpStatusCode.NotFound);
    }
}
