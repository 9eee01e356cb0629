using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Vouch.Auth;
using Vouch.Data;
using Vouch.Features.Accounts;
using Vouch.Features.Contacts;
using Vouch.Tests.Infrastructure;

namespace Vouch.Tests.Api;

public sealed class ContactsApiTests(VouchApp app) : IClassFixture<VouchApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<AccountResponse> AddAccountAsync(HttpClient manager, string? name = null)
    {
        using var created = await manager.PostAsJsonAsync("/api/v1/accounts", new { name = name ?? $"Account {Guid.NewGuid():N}" }, Ct);
        created.EnsureSuccessStatusCode();
        return (await created.Content.ReadFromJsonAsync<AccountResponse>(Ct))!;
    }

    private static async Task<ContactResponse> AddContactAsync(HttpClient manager, Guid accountId, object? extra = null)
    {
        var body = JsonSerializer.SerializeToNode(new { accountId, firstName = "Greta", lastName = "Lind", email = "greta.lind@example.com" })!.AsObject();
        if (extra is not null)
        {
            foreach (var (key, value) in JsonSerializer.SerializeToNode(extra, JsonSerializerOptions.Web)!.AsObject().ToList())
            {
                body[key] = value?.DeepClone();
            }
        }
        using var created = await manager.PostAsJsonAsync("/api/v1/contacts", body, Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return (await created.Content.ReadFromJsonAsync<ContactResponse>(Ct))!;
    }

    private static object Profile(ContactResponse c, Action<Dictionary<string, object?>>? change = null)
    {
        var body = JsonSerializer.Deserialize<Dictionary<string, object?>>(JsonSerializer.Serialize(c, JsonSerializerOptions.Web), JsonSerializerOptions.Web)!;
        change?.Invoke(body);
        return body;
    }

    [Fact]
    public async Task A_whole_advocate_profile_is_written_and_read_back()
    {
        using var manager = await app.ClientForAsync(Roles.ReferenceManager);
        var account = await AddAccountAsync(manager);

        var contact = await AddContactAsync(manager, account.Id, new
        {
            title = "CFO",
            phone = "+49 30 1234",
            personalityStyle = "analytical",
            socialCapitalWanted = new[] { "Reputation", "learning" },
            isLeadUser = true,
            helpsOthers = true,
            advocacyStage = "Advocate",
            isDefender = true,
            blogUrl = "https://greta.example.com",
            followers = 1200,
            associations = "CFO Forum",
            speaksAtEvents = true,
            consent = "Written",
            consentGivenOn = "2026-03-01",
            consentExpiresOn = "2027-03-01",
            consentScope = "Calls with banks in DACH",
            agreedActivities = new[] { "reference-call", "case-study" },
            maxAsksPerQuarter = 3,
            preferredChannels = new[] { "Email", "Video" },
            blackouts = new[] { new { starts = "2026-12-20", ends = "2027-01-06", reason = "Year end" } },
            useCase = "Group consolidation",
            results = "Close in 4 days instead of 12",
            quotes = "We close faster.",
            notes = "Prefers mornings.",
        });

        Assert.Equal(("CFO", "Analytical", "Advocate", true, true, true), (contact.Title, contact.PersonalityStyle, contact.AdvocacyStage, contact.IsDefender, contact.IsLeadUser, contact.HelpsOthers));
        Assert.Equal(["Learning", "Reputation"], contact.SocialCapitalWanted);
        Assert.Equal(("Written", new DateOnly(2026, 3, 1), new DateOnly(2027, 3, 1), "Calls with banks in DACH"), (contact.Consent, contact.ConsentGivenOn, contact.ConsentExpiresOn, contact.ConsentScope));
        Assert.Equal(["reference-call", "case-study"], contact.AgreedActivities);
        Assert.Equal(["Email", "Video"], contact.PreferredChannels);
        Assert.Equal([new BlackoutResponse(new DateOnly(2026, 12, 20), new DateOnly(2027, 1, 6), "Year end")], contact.Blackouts);
        Assert.Equal(("Group consolidation", "Close in 4 days instead of 12", "We close faster.", "Prefers mornings."), (contact.UseCase, contact.Results, contact.Quotes, contact.Notes));
        Assert.Equal((1200, "CFO Forum", true, 3), (contact.Followers, contact.Associations, contact.SpeaksAtEvents, contact.MaxAsksPerQuarter));
        var read = (await manager.GetFromJsonAsync<ContactResponse>($"/api/v1/contacts/{contact.Id}", Ct))!;
        Assert.Equal(contact.Version, read.Version);
        Assert.Equal("Prefers mornings.", read.Notes);
    }

    [Fact]
    public async Task Editing_consent_adds_to_the_consent_history_with_who_and_when_and_other_edits_do_not()
    {
        var managerUser = await app.AddUserAsync(Roles.ReferenceManager);
        using var manager = app.ClientWithToken(await app.CreateTokenAsync(managerUser.Id));
        var account = await AddAccountAsync(manager);
        var contact = await AddContactAsync(manager, account.Id);

        using var titled = await manager.PutAsJsonAsync($"/api/v1/contacts/{contact.Id}", Profile(contact, p => p["title"] = "CTO"), Ct);
        var afterTitle = (await titled.Content.ReadFromJsonAsync<ContactResponse>(Ct))!;
        using var consented = await manager.PutAsJsonAsync($"/api/v1/contacts/{contact.Id}", Profile(afterTitle, p =>
        {
            p["consent"] = "Verbal";
            p["consentGivenOn"] = "2026-05-04";
            p["agreedActivities"] = new[] { "reference-call" };
        }), Ct);
        var afterConsent = (await consented.Content.ReadFromJsonAsync<ContactResponse>(Ct))!;
        using var widened = await manager.PutAsJsonAsync($"/api/v1/contacts/{contact.Id}", Profile(afterConsent, p =>
            p["agreedActivities"] = new[] { "reference-call", "quote" }), Ct);

        Assert.Equal(HttpStatusCode.OK, widened.StatusCode);
        var records = await app.WithScopeAsync(services => services.GetRequiredService<VouchDbContext>().ConsentRecords
            .Where(r => r.ContactId == contact.Id).OrderBy(r => r.RecordedAt).ThenBy(r => r.Id).ToListAsync(Ct));
        Assert.Equal([("Verbal", "reference-call"), ("Verbal", "quote,reference-call")],
            records.Select(r => (r.Consent.ToString(), r.ActivityTypes)));
        Assert.All(records, r => Assert.Equal(managerUser.Id, r.RecordedById));
        Assert.All(records, r => Assert.Equal(new DateOnly(2026, 5, 4), r.GivenOn));
    }

    [Fact]
    public async Task The_second_of_two_edits_from_the_same_version_is_refused_with_409_and_changes_nothing()
    {
        using var first = await app.ClientForAsync(Roles.ReferenceManager);
        using var second = await app.ClientForAsync(Roles.Admin);
        var account = await AddAccountAsync(first);
        var contact = await AddContactAsync(first, account.Id);

        using var saved = await first.PutAsJsonAsync($"/api/v1/contacts/{contact.Id}", Profile(contact, p => p["title"] = "First edit"), Ct);
        using var refused = await second.PutAsJsonAsync($"/api/v1/contacts/{contact.Id}", Profile(contact, p => p["title"] = "Second edit"), Ct);

        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        var problem = await refused.AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("The record was changed by someone else.", problem.GetProperty("title").GetString());
        var read = (await first.GetFromJsonAsync<ContactResponse>($"/api/v1/contacts/{contact.Id}", Ct))!;
        Assert.Equal("First edit", read.Title);
    }

    [Fact]
    public async Task Bad_input_is_a_problem_naming_each_field_and_changes_nothing()
    {
        using var manager = await app.ClientForAsync(Roles.ReferenceManager);
        var account = await AddAccountAsync(manager);
        var contact = await AddContactAsync(manager, account.Id);

        using var response = await manager.PutAsJsonAsync($"/api/v1/contacts/{contact.Id}", Profile(contact, p =>
        {
            p["firstName"] = "";
            p["email"] = "not an address";
            p["consent"] = "Maybe";
            p["agreedActivities"] = new[] { "skydiving" };
            p["socialCapitalWanted"] = new[] { "Money" };
            p["blackouts"] = new[] { new { starts = "2026-02-10", ends = "2026-02-01" } };
        }), Ct);

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        var errors = problem.GetProperty("errors");
        Assert.Equal("firstName is required.", errors.GetProperty("firstName")[0].GetString());
        Assert.Equal("'not an address' is not an email address.", errors.GetProperty("email")[0].GetString());
        Assert.Equal("consent must be one of None, Verbal, Written.", errors.GetProperty("consent")[0].GetString());
        Assert.Contains("'skydiving' is not an activity type", errors.GetProperty("agreedActivities")[0].GetString(), StringComparison.Ordinal);
        Assert.Contains("not Money", errors.GetProperty("socialCapitalWanted")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal("A blackout cannot end (2026-02-01) before it starts (2026-02-10).", errors.GetProperty("blackouts[0]")[0].GetString());
        var read = (await manager.GetFromJsonAsync<ContactResponse>($"/api/v1/contacts/{contact.Id}", Ct))!;
        Assert.Equal(("Greta", "greta.lind@example.com", contact.Version), (read.FirstName, read.Email, read.Version));
    }

    [Fact]
    public async Task A_seller_reads_the_story_but_never_the_notes_and_cannot_edit()
    {
        using var manager = await app.ClientForAsync(Roles.ReferenceManager);
        using var seller = await app.ClientForAsync(Roles.Seller);
        var account = await AddAccountAsync(manager);
        var contact = await AddContactAsync(manager, account.Id, new { useCase = "Payroll", notes = "Secret: moving to a rival next year" });

        var asSeller = await seller.GetStringAsync($"/api/v1/contacts/{contact.Id}", Ct);
        var asManager = await manager.GetStringAsync($"/api/v1/contacts/{contact.Id}", Ct);
        using var edit = await seller.PutAsJsonAsync($"/api/v1/contacts/{contact.Id}", Profile(contact), Ct);
        using var delete = await seller.DeleteAsync($"/api/v1/contacts/{contact.Id}", Ct);

        var sellerJson = JsonDocument.Parse(asSeller).RootElement;
        Assert.Equal("Payroll", sellerJson.GetProperty("useCase").GetString());
        Assert.False(sellerJson.TryGetProperty("notes", out _));
        Assert.DoesNotContain("moving to a rival", asSeller, StringComparison.Ordinal);
        Assert.Contains("moving to a rival", asManager, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, edit.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, delete.StatusCode);
    }

    [Fact]
    public async Task An_advocate_cannot_read_contacts_and_an_unknown_contact_is_404()
    {
        using var manager = await app.ClientForAsync(Roles.ReferenceManager);
        using var advocate = await app.ClientForAsync(Roles.Advocate);
        var account = await AddAccountAsync(manager);
        var contact = await AddContactAsync(manager, account.Id);

        using var other = await advocate.GetAsync($"/api/v1/contacts/{contact.Id}", Ct);
        using var unknown = await manager.GetAsync($"/api/v1/contacts/{Guid.CreateVersion7()}", Ct);
        using var unknownEdit = await manager.PutAsJsonAsync($"/api/v1/contacts/{Guid.CreateVersion7()}", Profile(contact), Ct);

        Assert.Equal(HttpStatusCode.Forbidden, other.StatusCode);
        await unknown.AssertProblemAsync(HttpStatusCode.NotFound);
        await unknownEdit.AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_deleted_contact_is_gone_until_restored()
    {
        using var manager = await app.ClientForAsync(Roles.ReferenceManager);
        var account = await AddAccountAsync(manager);
        var contact = await AddContactAsync(manager, account.Id);

        using var deleted = await manager.DeleteAsync($"/api/v1/contacts/{contact.Id}", Ct);
        using var whileDeleted = await manager.GetAsync($"/api/v1/contacts/{contact.Id}", Ct);
        using var restored = await manager.PostAsync($"/api/v1/contacts/{contact.Id}/restore", null, Ct);

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, whileDeleted.StatusCode);
        Assert.Equal(HttpStatusCode.OK, restored.StatusCode);
        Assert.Equal("Greta", (await manager.GetFromJsonAsync<ContactResponse>($"/api/v1/contacts/{contact.Id}", Ct))!.FirstName);
    }

    [Fact]
    public async Task Deleting_an_account_deletes_its_contacts_and_undo_restores_only_those_deleted_with_it()
    {
        using var manager = await app.ClientForAsync(Roles.ReferenceManager);
        var account = await AddAccountAsync(manager);
        var kept = await AddContactAsync(manager, account.Id);
        var deletedBefore = await AddContactAsync(manager, account.Id);
        (await manager.DeleteAsync($"/api/v1/contacts/{deletedBefore.Id}", Ct)).EnsureSuccessStatusCode();

        using var deleted = await manager.DeleteAsync($"/api/v1/accounts/{account.Id}", Ct);
        using var accountWhileDeleted = await manager.GetAsync($"/api/v1/accounts/{account.Id}", Ct);
        using var contactWhileDeleted = await manager.GetAsync($"/api/v1/contacts/{kept.Id}", Ct);
        using var contactAlone = await manager.PostAsync($"/api/v1/contacts/{kept.Id}/restore", null, Ct);
        using var restored = await manager.PostAsync($"/api/v1/accounts/{account.Id}/restore", null, Ct);

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, accountWhileDeleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, contactWhileDeleted.StatusCode);
        await contactAlone.AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(HttpStatusCode.OK, restored.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await manager.GetAsync($"/api/v1/contacts/{kept.Id}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await manager.GetAsync($"/api/v1/contacts/{deletedBefore.Id}", Ct)).StatusCode);
    }

    [Fact]
    public async Task The_account_nps_counts_each_contacts_latest_answer()
    {
        using var manager = await app.ClientForAsync(Roles.ReferenceManager);
        var account = await AddAccountAsync(manager);
        var scores = new[] { new[] { 3, 10 }, [9], [7], [6] };
        foreach (var answers in scores)
        {
            var contact = await AddContactAsync(manager, account.Id);
            for (var i = 0; i < answers.Length; i++)
            {
                using var added = await manager.PostAsJsonAsync($"/api/v1/contacts/{contact.Id}/nps-answers",
                    new { score = answers[i], answeredOn = new DateOnly(2026, 1 + i, 1) }, Ct);
                Assert.Equal(HttpStatusCode.Created, added.StatusCode);
            }
        }

        var read = (await manager.GetFromJsonAsync<AccountResponse>($"/api/v1/accounts/{account.Id}", Ct))!;

        // Latest answers 10, 9, 7, 6: two promoters, one detractor of four.
        Assert.Equal(new NetPromoterScore(25, 4, 2, 1, 1), read.Nps);
    }

    [Fact]
    public async Task An_nps_answer_out_of_range_is_refused_naming_the_score()
    {
        using var manager = await app.ClientForAsync(Roles.ReferenceManager);
        var account = await AddAccountAsync(manager);
        var contact = await AddContactAsync(manager, account.Id);

        using var response = await manager.PostAsJsonAsync($"/api/v1/contacts/{contact.Id}/nps-answers", new { score = 11 }, Ct);

        Assert.Equal(["score must be a whole number from 0 to 10."], await response.AssertValidationProblemAsync("score"));
        Assert.Empty((await manager.GetFromJsonAsync<ContactResponse>($"/api/v1/contacts/{contact.Id}", Ct))!.NpsAnswers);
    }

    [Fact]
    public async Task The_personal_data_export_holds_the_profile_consent_history_and_audit_entries()
    {
        using var manager = await app.ClientForAsync(Roles.ReferenceManager);
        using var seller = await app.ClientForAsync(Roles.Seller);
        var account = await AddAccountAsync(manager);
        var contact = await AddContactAsync(manager, account.Id, new
        {
            consent = "Written", consentGivenOn = "2026-01-02", agreedActivities = new[] { "quote" }, notes = "Likes tea",
        });

        var export = await manager.GetFromJsonAsync<JsonElement>($"/api/v1/contacts/{contact.Id}/personal-data", Ct);
        using var refused = await seller.GetAsync($"/api/v1/contacts/{contact.Id}/personal-data", Ct);

        Assert.Equal("Likes tea", export.GetProperty("profile").GetProperty("notes").GetString());
        Assert.Equal("Written", export.GetProperty("consentHistory")[0].GetProperty("consent").GetString());
        Assert.Contains(export.GetProperty("auditEntries").EnumerateArray(), e => e.GetProperty("recordType").GetString() == "Contact" && e.GetProperty("action").GetString() == "Created");
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
    }
}
