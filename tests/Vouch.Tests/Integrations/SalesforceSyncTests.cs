using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Vouch.Auth;
using Vouch.Data;
using Vouch.Features.Requests;
using Vouch.Testing;
using Vouch.Tests.Api;
using Vouch.Tests.Infrastructure;

namespace Vouch.Tests.Integrations;

/// <summary>
/// The Salesforce sync end to end against a server that speaks Salesforce's REST API on 127.0.0.1: records pulled as
/// they change, with the file import's checks and report; deletions; the org's API limit waited out; activities and
/// referrals written back.
/// </summary>
public sealed class SalesforceSyncTests(SalesforceSyncTests.App app) : IClassFixture<SalesforceSyncTests.App>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>The app connected by the JWT bearer flow to a stand-in that pages every three records.</summary>
    public sealed class App : VouchApp
    {
        public SalesforceStandIn Salesforce { get; private set; } = null!;

        public override async ValueTask InitializeAsync()
        {
            Salesforce = await SalesforceStandIn.StartAsync(new SalesforceStandInOptions { PageSize = 3 });
            await base.InitializeAsync();
        }

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Vouch:PublicUrl", "https://vouch.example.com");
            builder.UseSetting("Salesforce:AllowHttp", "true");
            builder.UseSetting("Salesforce:LoginUrl", Salesforce.LoginUrl);
            builder.UseSetting("Salesforce:ClientId", Salesforce.ClientId);
            builder.UseSetting("Salesforce:Username", Salesforce.Username);
            builder.UseSetting("Salesforce:PrivateKey", Salesforce.PrivateKeyPem);
            builder.UseSetting("Salesforce:CheckInterval", "00:00:00.2");
            builder.UseSetting("Salesforce:LimitBackoff", "00:00:01");
        }

        public override async ValueTask DisposeAsync()
        {
            await base.DisposeAsync();
            await Salesforce.DisposeAsync();
        }
    }

    private SalesforceStandIn Org => app.Salesforce;

    private static Dictionary<string, object?> Fields(params (string Name, object? Value)[] fields) => fields.ToDictionary(f => f.Name, f => f.Value);

    [Fact]
    public async Task A_sync_pulls_what_changed_with_the_file_imports_checks_then_only_the_changes_and_deletions()
    {
        using var admin = await app.ClientForAsync(Roles.Admin);
        var tag = Guid.NewGuid().ToString("N")[..8];
        Org.Advance(TimeSpan.FromMinutes(1));
        var account = Org.Add("Account", Fields(("Name", $"Kauri Foods {tag}"), ("BillingCountry", "NZ"), ("NumberOfEmployees", 1200)));
        var hemi = Org.Add("Contact", Fields(("AccountId", account), ("FirstName", "Hemi"), ("LastName", $"Walker{tag}"), ("Email", $"hemi.{tag}@kauri.example"), ("Title", "CFO")));
        var bad = Org.Add("Contact", Fields(("AccountId", account), ("FirstName", "Ana"), ("LastName", $"Ruiz{tag}"), ("Email", "not an email")));
        Org.Add("Contact", Fields(("AccountId", account), ("FirstName", "Mere"), ("LastName", $"Tane{tag}")));
        var deal = Org.Add("Opportunity", Fields(("AccountId", account), ("Name", $"Kauri expansion {tag}"), ("Amount", 48000.5m), ("StageName", "Negotiation"),
            ("CloseDate", "2027-02-26"), ("IsClosed", false), ("IsWon", false)));
        var role = Org.Add("OpportunityContactRole", Fields(("OpportunityId", deal), ("ContactId", hemi), ("Role", "Economic Buyer")));

        var first = await SyncAsync(admin);

        var details = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/integrations/salesforce/runs/{first.GetProperty("id").GetGuid()}", Ct);
        var rejection = Assert.Single(details.GetProperty("rejections").EnumerateArray());
        Assert.Equal(("completed", 5, 0, 1), (first.GetProperty("status").GetString(), first.GetProperty("created").GetInt32(), first.GetProperty("updated").GetInt32(), first.GetProperty("rejected").GetInt32()));
        Assert.Equal(($"Contact {bad}", "Email"), (rejection.GetProperty("file").GetString(), rejection.GetProperty("column").GetString()));
        Assert.Contains("not an email", rejection.GetProperty("reason").GetString(), StringComparison.Ordinal);
        var pulled = await app.WithScopeAsync(services => services.GetRequiredService<VouchDbContext>().Contacts.AsNoTracking()
            .Where(c => c.ExternalId == hemi).Select(c => new { c.FirstName, c.Title, c.Email, Account = c.Account!.Name, c.Account.Employees }).SingleAsync(Ct));
        Assert.Equal(("Hemi", "CFO", $"hemi.{tag}@kauri.example", $"Kauri Foods {tag}", (int?)1200), (pulled.FirstName, pulled.Title, pulled.Email, pulled.Account, pulled.Employees));
        Assert.Equal((48000.50m, "Economic Buyer"), await app.WithScopeAsync(async services =>
        {
            var db = services.GetRequiredService<VouchDbContext>();
            var opportunity = await db.Opportunities.AsNoTracking().SingleAsync(o => o.ExternalId == deal, Ct);
            return (opportunity.Amount, await db.OpportunityContactRoles.Where(r => r.ExternalId == role).Select(r => r.Role).SingleAsync(Ct));
        }));

        Org.Advance(TimeSpan.FromMinutes(1));
        Org.Update("Contact", hemi, Fields(("Title", "Chief Financial Officer")));
        Org.Update("Contact", bad, Fields(("Email", $"ana.{tag}@kauri.example")));
        Org.Delete("OpportunityContactRole", role);
        var queries = Org.Queries.Count;

        var second = await SyncAsync(admin);

        Assert.Equal(("completed", 1, 1, 0, 1), (second.GetProperty("status").GetString(), second.GetProperty("created").GetInt32(),
            second.GetProperty("updated").GetInt32(), second.GetProperty("rejected").GetInt32(), second.GetProperty("deleted").GetInt32()));
        Assert.All(Org.Queries.Skip(queries), q => Assert.Contains("WHERE SystemModstamp >= ", q, StringComparison.Ordinal));
        Assert.Equal(("Chief Financial Officer", 0), await app.WithScopeAsync(async services =>
        {
            var db = services.GetRequiredService<VouchDbContext>();
            return (await db.Contacts.Where(c => c.ExternalId == hemi).Select(c => c.Title).SingleAsync(Ct),
                await db.OpportunityContactRoles.CountAsync(r => r.ExternalId == role, Ct));
        }));
    }

    [Fact]
    public async Task A_sync_that_meets_the_orgs_api_limit_waits_then_goes_on_from_where_it_stopped()
    {
        using var admin = await app.ClientForAsync(Roles.Admin);
        var tag = Guid.NewGuid().ToString("N")[..8];
        Org.Advance(TimeSpan.FromMinutes(1));
        var account = Org.Add("Account", Fields(("Name", $"Limit Ltd {tag}")));
        for (var i = 0; i < 7; i++)
        {
            Org.Add("Contact", Fields(("AccountId", account), ("LastName", $"Person{i}{tag}")));
        }
        // The sync's first query is refused: Salesforce counts the org's calls over the last 24 hours.
        Org.FailNextWithLimitExceeded(1);
        var calls = Org.ApiCalls;

        var waited = await SyncAsync(admin);

        Assert.Equal("waiting-for-limit", waited.GetProperty("status").GetString());
        Assert.True(waited.GetProperty("resumeAt").GetDateTimeOffset() > waited.GetProperty("startedAt").GetDateTimeOffset());
        var after = await WaitAsync(admin, state => state.GetProperty("lastRun") is { ValueKind: JsonValueKind.Object } last
            && last.GetProperty("id").GetGuid() != waited.GetProperty("id").GetGuid() && last.GetProperty("status").GetString() == "completed");
        var resumed = after.GetProperty("lastRun");
        Assert.Equal("manual", resumed.GetProperty("trigger").GetString());
        Assert.Equal(8, waited.GetProperty("created").GetInt32() + resumed.GetProperty("created").GetInt32());
        Assert.Equal(7, await app.WithScopeAsync(services => services.GetRequiredService<VouchDbContext>().Contacts
            .CountAsync(c => c.Account!.Name == $"Limit Ltd {tag}", Ct)));
        Assert.True(Org.ApiCalls > calls);
    }

    [Fact]
    public async Task Completed_reference_calls_on_salesforce_deals_become_tasks_and_referrals_become_leads_once_each()
    {
        using var admin = await app.ClientForAsync(Roles.Admin);
        var state = await admin.GetFromJsonAsync<JsonElement>("/api/v1/integrations/salesforce", Ct);
        using (var on = await admin.PutAsJsonAsync("/api/v1/integrations/salesforce", new
        {
            pushActivities = true, pushReferrals = true, leadSource = "Customer Referral",
            version = state.GetProperty("options").GetProperty("version").GetGuid(),
        }, Ct))
        {
            Assert.Equal(HttpStatusCode.OK, on.StatusCode);
        }
        var tag = Guid.NewGuid().ToString("N")[..8];
        Org.Advance(TimeSpan.FromMinutes(1));
        var prospect = Org.Add("Account", Fields(("Name", $"Prospect {tag}")));
        var deal = Org.Add("Opportunity", Fields(("AccountId", prospect), ("Name", $"Prospect deal {tag}"), ("StageName", "Proposal"), ("CloseDate", "2027-03-31")));
        await SyncAsync(admin);
        var (people, advocate) = await app.AddPeopleAsync();
        var requestId = await app.WithScopeAsync(async services =>
        {
            var db = services.GetRequiredService<VouchDbContext>();
            var call = await db.ActivityTypes.SingleAsync(t => t.Key == "reference-call", Ct);
            var opportunity = await db.Opportunities.SingleAsync(o => o.ExternalId == deal, Ct);
            var request = new ReferenceRequest
            {
                RequesterId = people.SellerId, OpportunityId = opportunity.Id, ActivityTypeId = call.Id, NeededBy = new DateOnly(2027, 1, 15),
                Status = RequestStatus.FeedbackRecorded, CreatedAt = DateTimeOffset.UtcNow, ContactId = advocate.ContactId,
                ScheduledFor = new DateTimeOffset(2026, 12, 10, 15, 0, 0, TimeSpan.Zero), Happened = true, Rating = 5, Helped = true,
                FeedbackNotes = "They asked about the roll-out in subsidiaries.",
            };
            request.Transitions.Add(new RequestTransition { To = RequestStatus.Completed, At = DateTimeOffset.UtcNow, ByName = "Seller" });
            db.Add(request);
            await db.SaveChangesAsync(Ct);
            return request.Id;
        });
        using var manager = await app.ClientForAsync(Roles.ReferenceManager);
        using (var referred = await manager.PostAsJsonAsync("/api/v1/referrals",
            new { referrerContactId = advocate.ContactId, prospectCompany = $"Harbour Freight {tag}", prospectName = "Aroha Ngata", prospectEmail = $"aroha.{tag}@harbour.example" }, Ct))
        {
            Assert.Equal(HttpStatusCode.Created, referred.StatusCode);
        }

        var synced = await SyncAsync(admin);
        var again = await SyncAsync(admin);

        Assert.Equal((1, 1), (synced.GetProperty("activitiesPushed").GetInt32(), synced.GetProperty("leadsPushed").GetInt32()));
        Assert.Equal((0, 0), (again.GetProperty("activitiesPushed").GetInt32(), again.GetProperty("leadsPushed").GetInt32()));
        var task = Assert.Single(Org.Records("Task"), t => Equals(t["WhatId"], deal));
        Assert.Equal(("Completed", "2026-12-10"), (task["Status"], task["ActivityDate"]?.ToString()));
        Assert.StartsWith("Reference reference call: Ada ", (string)task["Subject"]!, StringComparison.Ordinal);
        Assert.Contains($"In Vouch: https://vouch.example.com/requests/{requestId}", (string)task["Description"]!, StringComparison.Ordinal);
        Assert.Contains("rated 5 of 5; helped the deal: yes", (string)task["Description"]!, StringComparison.Ordinal);
        var lead = Assert.Single(Org.Records("Lead"), l => Equals(l["Company"], $"Harbour Freight {tag}"));
        Assert.Equal(("Aroha", "Ngata", $"aroha.{tag}@harbour.example", "Customer Referral"), (lead["FirstName"], lead["LastName"], lead["Email"], lead["LeadSource"]));
    }

    [Fact]
    public async Task A_lead_salesforce_refuses_is_shown_with_its_reason_and_tried_again_until_given_up()
    {
        using var admin = await app.ClientForAsync(Roles.Admin);
        var state = await admin.GetFromJsonAsync<JsonElement>("/api/v1/integrations/salesforce", Ct);
        using (var on = await admin.PutAsJsonAsync("/api/v1/integrations/salesforce", new
        {
            pushReferrals = true, version = state.GetProperty("options").GetProperty("version").GetGuid(),
        }, Ct))
        {
            Assert.Equal(HttpStatusCode.OK, on.StatusCode);
        }
        var advocate = await app.AddAdvocateAsync(null);
        var referral = await app.WithScopeAsync(async services =>
        {
            // A referral whose person has no name left once trimmed: Salesforce requires a Lead's last name.
            var db = services.GetRequiredService<VouchDbContext>();
            var made = new Features.Referrals.Referral
            {
                ReferredById = advocate.ContactId, AccountId = advocate.AccountId, Company = $"Nameless {Guid.NewGuid():N}", PersonName = " ",
                Status = Features.Referrals.ReferralStatus.New, CreatedAt = DateTimeOffset.UtcNow,
            };
            db.Add(made);
            await db.SaveChangesAsync(Ct);
            return made.Id;
        });

        var synced = await SyncAsync(admin);

        Assert.True(synced.GetProperty("pushesFailed").GetInt32() >= 1);
        var failure = (await admin.GetFromJsonAsync<JsonElement>("/api/v1/integrations/salesforce", Ct)).GetProperty("failedPushes").EnumerateArray()
            .Single(f => f.GetProperty("sourceId").GetGuid() == referral);
        Assert.Equal(("referral", $"/referrals/{referral}", 1, true), (failure.GetProperty("kind").GetString(), failure.GetProperty("link").GetString(),
            failure.GetProperty("attempts").GetInt32(), failure.GetProperty("willRetry").GetBoolean()));
        Assert.StartsWith("REQUIRED_FIELD_MISSING (LastName)", failure.GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_settings_refuse_what_salesforce_would_and_a_stale_version()
    {
        using var admin = await app.ClientForAsync(Roles.Admin);
        var state = await admin.GetFromJsonAsync<JsonElement>("/api/v1/integrations/salesforce", Ct);
        var version = state.GetProperty("options").GetProperty("version").GetGuid();
        Assert.Equal(("jwt-bearer", Org.Username), (state.GetProperty("connection").GetProperty("flow").GetString(), state.GetProperty("connection").GetProperty("username").GetString()));
        Assert.DoesNotContain("PRIVATE KEY", state.GetRawText(), StringComparison.Ordinal);

        using var bad = await admin.PutAsJsonAsync("/api/v1/integrations/salesforce", new { intervalMinutes = 1, activityObject = "Reference Activity", version }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = (await bad.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors");
        Assert.Equal(["activityObject", "intervalMinutes"], errors.EnumerateObject().Select(e => e.Name).Order());

        using var stale = await admin.PutAsJsonAsync("/api/v1/integrations/salesforce", new { intervalMinutes = 30, version = Guid.NewGuid() }, Ct);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);

        using var check = await admin.PostAsync("/api/v1/integrations/salesforce/check", null, Ct);
        Assert.Equal(HttpStatusCode.NoContent, check.StatusCode);
    }

    [Fact]
    public async Task An_account_name_longer_than_vouch_keeps_is_rejected_naming_the_field_and_the_rest_of_the_batch_and_the_synced_account_stay()
    {
        using var admin = await app.ClientForAsync(Roles.Admin);
        var tag = Guid.NewGuid().ToString("N")[..8];
        Org.Advance(TimeSpan.FromMinutes(1));
        var kauri = Org.Add("Account", Fields(("Name", $"Kauri Foods {tag}"), ("NumberOfEmployees", 1200)));
        var hemi = Org.Add("Contact", Fields(("AccountId", kauri), ("LastName", $"Walker{tag}")));
        await SyncAsync(admin);
        var synced = await AccountAsync(kauri);
        // Salesforce takes an account name of 255 characters and Vouch keeps 200: of the standard fields pulled, the one that can be too long.
        var longName = $"Kauri Foods {tag} " + string.Concat(Enumerable.Repeat("and Subsidiaries ", 13));
        Org.Advance(TimeSpan.FromMinutes(1));
        Org.Update("Account", kauri, Fields(("Name", longName), ("NumberOfEmployees", 1500)));
        Org.Add("Account", Fields(("Name", $"Totara Timber {tag}")));
        Org.Add("Account", Fields(("Name", $"Rimu Rail {tag}")));
        var mere = Org.Add("Contact", Fields(("AccountId", kauri), ("LastName", $"Tane{tag}")));

        var rejecting = await SyncAsync(admin);

        Assert.Equal(("completed", 3, 0, 1), Counts(rejecting));
        Assert.Equal([($"Account {kauri}", "Name", $"'{longName[..57]}...' is longer than 200 characters")], await RejectionsAsync(admin, rejecting));
        Assert.Equal(synced, await AccountAsync(kauri));
        Assert.Equal((kauri, kauri), ((await ContactAsync(hemi)).Account, (await ContactAsync(mere)).Account));
        Assert.Equal(2, await app.WithScopeAsync(services => services.GetRequiredService<VouchDbContext>().Accounts
            .CountAsync(a => a.Name == $"Totara Timber {tag}" || a.Name == $"Rimu Rail {tag}", Ct)));

        // Fixed in Salesforce, the account comes through at the next sync with what changed alongside the name.
        Org.Advance(TimeSpan.FromMinutes(1));
        Org.Update("Account", kauri, Fields(("Name", $"Kauri Foods Group {tag}")));
        var fixedUp = await SyncAsync(admin);

        var renamed = await AccountAsync(kauri);
        Assert.Equal(("completed", 0, 1, 0), Counts(fixedUp));
        Assert.Equal(($"Kauri Foods Group {tag}", (int?)1500), (renamed.Name, renamed.Employees));
    }

    [Fact]
    public async Task A_record_whose_account_is_in_salesforces_recycle_bin_is_rejected_naming_that_account_and_the_synced_contact_stays()
    {
        using var admin = await app.ClientForAsync(Roles.Admin);
        var tag = Guid.NewGuid().ToString("N")[..8];
        Org.Advance(TimeSpan.FromMinutes(1));
        var kauri = Org.Add("Account", Fields(("Name", $"Kauri Foods {tag}")));
        var hemi = Org.Add("Contact", Fields(("AccountId", kauri), ("LastName", $"Walker{tag}"), ("Title", "CFO")));
        await SyncAsync(admin);
        var synced = await ContactAsync(hemi);
        Org.Advance(TimeSpan.FromMinutes(1));
        // An account deleted before Vouch ever read it, which queryAll returns with IsDeleted, named by records that are not.
        var gone = Org.Add("Account", Fields(("Name", $"Gone Ltd {tag}")));
        Org.Delete("Account", gone);
        Org.Update("Contact", hemi, Fields(("AccountId", gone), ("Title", "Chief Financial Officer")));
        var ana = Org.Add("Contact", Fields(("AccountId", gone), ("LastName", $"Ruiz{tag}")));
        var mere = Org.Add("Contact", Fields(("AccountId", kauri), ("LastName", $"Tane{tag}")));
        var deal = Org.Add("Opportunity", Fields(("AccountId", gone), ("Name", $"Gone deal {tag}"), ("StageName", "Proposal"), ("CloseDate", "2027-03-31")));

        var rejecting = await SyncAsync(admin);

        Assert.Equal(("completed", 1, 0, 3), Counts(rejecting));
        Assert.Equal(
            [
                ($"Contact {hemi}", "AccountId", $"no account with Salesforce id {gone}"),
                ($"Contact {ana}", "AccountId", $"no account with Salesforce id {gone}"),
                ($"Opportunity {deal}", "AccountId", $"no account with Salesforce id {gone}"),
            ],
            await RejectionsAsync(admin, rejecting));
        Assert.Equal(synced, await ContactAsync(hemi));
        Assert.Equal(kauri, (await ContactAsync(mere)).Account);
        Assert.False(await app.WithScopeAsync(services => services.GetRequiredService<VouchDbContext>().Accounts.IgnoreQueryFilters()
            .AnyAsync(a => a.ExternalId == gone, Ct)));

        // Moved to a live account in Salesforce, they come through at the next sync.
        Org.Advance(TimeSpan.FromMinutes(1));
        foreach (var (sObject, id) in new[] { ("Contact", hemi), ("Contact", ana), ("Opportunity", deal) })
        {
            Org.Update(sObject, id, Fields(("AccountId", kauri)));
        }
        var fixedUp = await SyncAsync(admin);

        var moved = await ContactAsync(hemi);
        Assert.Equal(("completed", 2, 1, 0), Counts(fixedUp));
        Assert.Equal((kauri, "Chief Financial Officer"), (moved.Account, moved.Title));
    }

    [Fact]
    public async Task A_record_whose_account_or_contact_was_deleted_in_vouch_is_rejected_saying_so_and_comes_through_once_restored()
    {
        using var admin = await app.ClientForAsync(Roles.Admin);
        var tag = Guid.NewGuid().ToString("N")[..8];
        Org.Advance(TimeSpan.FromMinutes(1));
        var kauri = Org.Add("Account", Fields(("Name", $"Kauri Foods {tag}")));
        var hemi = Org.Add("Contact", Fields(("AccountId", kauri), ("LastName", $"Walker{tag}")));
        var deal = Org.Add("Opportunity", Fields(("AccountId", kauri), ("Name", $"Kauri expansion {tag}"), ("Amount", 1000), ("StageName", "Proposal"), ("CloseDate", "2027-03-31")));
        // A sync reads again the records of the last moment it read: these later ones keep the next from reading Kauri's again.
        Org.Advance(TimeSpan.FromMinutes(1));
        var totara = Org.Add("Account", Fields(("Name", $"Totara Timber {tag}")));
        Org.Add("Contact", Fields(("AccountId", totara), ("LastName", $"Ruiz{tag}")));
        await SyncAsync(admin);
        var account = await app.WithScopeAsync(services => services.GetRequiredService<VouchDbContext>().Accounts.Where(a => a.ExternalId == kauri).Select(a => a.Id).SingleAsync(Ct));
        using (var deleted = await admin.DeleteAsync($"/api/v1/accounts/{account}", Ct))
        {
            Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        }
        Org.Advance(TimeSpan.FromMinutes(1));
        var mere = Org.Add("Contact", Fields(("AccountId", kauri), ("LastName", $"Tane{tag}")));
        Org.Update("Opportunity", deal, Fields(("Amount", 2000)));
        var role = Org.Add("OpportunityContactRole", Fields(("OpportunityId", deal), ("ContactId", hemi), ("Role", "Economic Buyer")));

        var rejecting = await SyncAsync(admin);

        Assert.Equal(("completed", 0, 0, 3), Counts(rejecting));
        Assert.Equal(
            [
                ($"Contact {mere}", "AccountId", $"the account with Salesforce id {kauri} was deleted in Vouch"),
                ($"Opportunity {deal}", "AccountId", $"the account with Salesforce id {kauri} was deleted in Vouch"),
                ($"OpportunityContactRole {role}", "ContactId", $"the contact with Salesforce id {hemi} was deleted in Vouch"),
            ],
            await RejectionsAsync(admin, rejecting));
        Assert.True((await ContactAsync(hemi)).Deleted);
        Assert.Equal((1000m, 0), await app.WithScopeAsync(async services =>
        {
            var db = services.GetRequiredService<VouchDbContext>();
            return (await db.Opportunities.Where(o => o.ExternalId == deal).Select(o => o.Amount).SingleAsync(Ct),
                await db.OpportunityContactRoles.IgnoreQueryFilters().CountAsync(r => r.ExternalId == role, Ct));
        }));

        // Restored in Vouch, the records come through once they change in Salesforce again.
        using (var restored = await admin.PostAsync($"/api/v1/accounts/{account}/restore", null, Ct))
        {
            Assert.Equal(HttpStatusCode.OK, restored.StatusCode);
        }
        Org.Advance(TimeSpan.FromMinutes(1));
        Org.Update("Contact", mere, Fields(("Title", "COO")));
        Org.Update("Opportunity", deal, Fields(("StageName", "Negotiation")));
        Org.Update("OpportunityContactRole", role, Fields(("Role", "Decision Maker")));
        var fixedUp = await SyncAsync(admin);

        Assert.Equal(("completed", 2, 1, 0), Counts(fixedUp));
        Assert.Equal((2000m, "Decision Maker"), await app.WithScopeAsync(async services =>
        {
            var db = services.GetRequiredService<VouchDbContext>();
            return (await db.Opportunities.Where(o => o.ExternalId == deal).Select(o => o.Amount).SingleAsync(Ct),
                await db.OpportunityContactRoles.Where(r => r.ExternalId == role).Select(r => r.Role).SingleAsync(Ct));
        }));
    }

    [Fact]
    public async Task An_industry_outside_salesforces_standard_list_is_rejected_naming_it_and_the_synced_account_keeps_its_own()
    {
        using var admin = await app.ClientForAsync(Roles.Admin);
        var tag = Guid.NewGuid().ToString("N")[..8];
        Org.Advance(TimeSpan.FromMinutes(1));
        var kauri = Org.Add("Account", Fields(("Name", $"Kauri Foods {tag}"), ("Industry", "Food & Beverage"), ("NumberOfEmployees", 1200)));
        await SyncAsync(admin);
        var synced = await AccountAsync(kauri);
        // An org may add its own values to the Industry picklist; Vouch knows Salesforce's standard list, and creates no industry.
        Org.Advance(TimeSpan.FromMinutes(1));
        Org.Update("Account", kauri, Fields(("Industry", "Aquaculture"), ("NumberOfEmployees", 1500)));
        var orbit = Org.Add("Account", Fields(("Name", $"Orbit Tours {tag}"), ("Industry", "Space Tourism")));
        var totara = Org.Add("Account", Fields(("Name", $"Totara Timber {tag}"), ("Industry", "Construction")));

        var rejecting = await SyncAsync(admin);

        Assert.Equal(("completed", 1, 0, 2), Counts(rejecting));
        Assert.Equal(
            [
                ($"Account {kauri}", "Industry", "'Aquaculture' is not an industry of Salesforce's standard list"),
                ($"Account {orbit}", "Industry", "'Space Tourism' is not an industry of Salesforce's standard list"),
            ],
            await RejectionsAsync(admin, rejecting));
        Assert.Equal(synced, await AccountAsync(kauri));
        Assert.Equal("Construction", (await AccountAsync(totara)).Industry);
        Assert.Equal(0, await app.WithScopeAsync(services => services.GetRequiredService<VouchDbContext>().Industries
            .CountAsync(i => i.Name == "Aquaculture" || i.Name == "Space Tourism", Ct)));

        // Given a standard industry in Salesforce, both come through at the next sync.
        Org.Advance(TimeSpan.FromMinutes(1));
        Org.Update("Account", kauri, Fields(("Industry", "Agriculture")));
        Org.Update("Account", orbit, Fields(("Industry", "Transportation")));
        var fixedUp = await SyncAsync(admin);

        var recoded = await AccountAsync(kauri);
        Assert.Equal(("completed", 1, 1, 0), Counts(fixedUp));
        Assert.Equal(("Agriculture", (int?)1500), (recoded.Industry, recoded.Employees));
        Assert.Equal("Transportation", (await AccountAsync(orbit)).Industry);
    }

    /// <summary>A finished sync's status and the records it created, updated and rejected, as the API shows them.</summary>
    private static (string? Status, int Created, int Updated, int Rejected) Counts(JsonElement run) =>
        (run.GetProperty("status").GetString(), run.GetProperty("created").GetInt32(), run.GetProperty("updated").GetInt32(), run.GetProperty("rejected").GetInt32());

    /// <summary>What a sync rejected as an admin reads it: the record (object and Salesforce id), the field and why.</summary>
    private static async Task<List<(string Record, string Field, string Reason)>> RejectionsAsync(HttpClient admin, JsonElement run)
    {
        var details = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/integrations/salesforce/runs/{run.GetProperty("id").GetGuid()}", Ct);
        return [.. details.GetProperty("rejections").EnumerateArray()
            .Select(r => (r.GetProperty("file").GetString()!, r.GetProperty("column").GetString()!, r.GetProperty("reason").GetString()!))];
    }

    private sealed record AccountInVouch(string Name, string? Industry, int? Employees, Guid Version);

    private sealed record ContactInVouch(string? Account, string? Title, bool Deleted, Guid Version);

    private Task<AccountInVouch> AccountAsync(string salesforceId) => app.WithScopeAsync(services =>
        services.GetRequiredService<VouchDbContext>().Accounts.AsNoTracking().Where(a => a.ExternalId == salesforceId)
            .Select(a => new AccountInVouch(a.Name, a.Industry!.Name, a.Employees, a.Version)).SingleAsync(Ct));

    /// <summary>The contact with its account's Salesforce id, deleted in Vouch or not.</summary>
    private Task<ContactInVouch> ContactAsync(string salesforceId) => app.WithScopeAsync(services =>
        services.GetRequiredService<VouchDbContext>().Contacts.IgnoreQueryFilters().AsNoTracking().Where(c => c.ExternalId == salesforceId)
            .Select(c => new ContactInVouch(c.Account!.ExternalId, c.Title, c.DeletedAt != null, c.Version)).SingleAsync(Ct));

    /// <summary>Asks for a sync and waits for it to end; the sync as the API shows it.</summary>
    private static async Task<JsonElement> SyncAsync(HttpClient admin)
    {
        using var asked = await admin.PostAsync("/api/v1/integrations/salesforce/sync", null, Ct);
        Assert.Equal(HttpStatusCode.Accepted, asked.StatusCode);
        // The job may take the request up before the answer is written: the answer then shows the run it started instead.
        var state = await asked.Content.ReadFromJsonAsync<JsonElement>(Ct);
        var requestedAt = state.GetProperty("requestedAt") is { ValueKind: JsonValueKind.String } at
            ? at.GetDateTimeOffset()
            : state.GetProperty("runs").EnumerateArray().First(r => r.GetProperty("trigger").GetString() == "manual").GetProperty("startedAt").GetDateTimeOffset();
        var done = await WaitAsync(admin, state => state.GetProperty("requestedAt").ValueKind == JsonValueKind.Null
            && state.GetProperty("runs").EnumerateArray().Any(r => r.GetProperty("trigger").GetString() == "manual"
                && r.GetProperty("startedAt").GetDateTimeOffset() >= requestedAt && r.GetProperty("status").GetString() != "running"));
        return done.GetProperty("runs").EnumerateArray().First(r => r.GetProperty("trigger").GetString() == "manual" && r.GetProperty("startedAt").GetDateTimeOffset() >= requestedAt);
    }

    private static async Task<JsonElement> WaitAsync(HttpClient admin, Func<JsonElement, bool> done)
    {
        var until = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var state = await admin.GetFromJsonAsync<JsonElement>("/api/v1/integrations/salesforce", Ct);
            if (done(state))
            {
                return state;
            }
            Assert.True(DateTime.UtcNow < until, $"The sync did not get there: {state}");
            await Task.Delay(100, Ct);
        }
    }
}
