using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Vouch.Auth;
using Vouch.Data;
using Vouch.Features.Contacts;
using Vouch.Features.Email;
using Vouch.Features.Matching;
using Vouch.Features.Portal;
using Vouch.Features.Referrals;
using Vouch.Features.Requests;
using Vouch.Tests.Infrastructure;
using Vouch.Web;

namespace Vouch.Tests.Api;

/// <summary>The advocate's portal: invited by email, answering their own asks, setting their preferences, referring peers.</summary>
public sealed partial class PortalApiTests(EmailApp.WithPickupFolder app) : IClassFixture<EmailApp.WithPickupFolder>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();

    [GeneratedRegex(@"/portal/welcome\?token=([A-Za-z0-9_-]+)")]
    private static partial Regex InvitationLink();

    private async Task<HttpClient> ManagerAsync() => app.ClientWithToken(await app.CreateTokenAsync((await app.AddUserAsync(Roles.ReferenceManager)).Id));

    private Task<Guid> AddContactAsync(string? email) => app.WithScopeAsync(async services =>
    {
        var advocate = await app.AddAdvocateAsync(null, c => c.Email = email);
        return advocate.ContactId;
    });

    private Task<string> InvitationTokenAsync(Guid contactId) => app.WithScopeAsync(async services =>
    {
        var db = services.GetRequiredService<VouchDbContext>();
        var userId = await db.Set<AdvocateInvitation>().Where(i => i.ContactId == contactId).OrderByDescending(i => i.CreatedAt).Select(i => i.UserId).FirstAsync(Ct);
        var email = await db.Set<OutboundEmail>().Where(e => e.UserId == userId).OrderByDescending(e => e.CreatedAt).FirstAsync(Ct);
        Assert.StartsWith($"{EmailApp.PublicUrl}/portal/welcome?token=", email.TextBody.Split('\n').Single(l => l.Contains("token=", StringComparison.Ordinal)), StringComparison.Ordinal);
        return InvitationLink().Match(email.TextBody).Groups[1].Value;
    });

    /// <summary>Opens the link in a fresh browser-like client and posts the password; the answer is not followed, the page is what the link showed.</summary>
    private async Task<(HttpResponseMessage Response, string Page, HttpClient Client)> SetPasswordAsync(string token, string password)
    {
        var client = app.CreateClient(new() { AllowAutoRedirect = false });
        var page = await client.GetStringAsync($"/portal/welcome?token={token}", Ct);
        // A link that opens nothing shows no form, so the form's token comes from the sign-in page.
        var form = await client.GetStringAsync("/sign-in", Ct);
        var response = await client.PostAsync("/portal/welcome", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = AntiforgeryField().Match(form).Groups[1].Value,
            ["token"] = token,
            ["password"] = password,
        }), Ct);
        return (response, page, client);
    }

    [Fact]
    public async Task An_invited_contact_sets_a_password_once_from_the_emailed_link_and_lands_in_the_portal()
    {
        var manager = await ManagerAsync();
        var email = $"ada-{Guid.NewGuid():N}@customer.example";
        var contactId = await AddContactAsync(email);

        var invited = await manager.PostAsync($"/api/v1/contacts/{contactId}/portal-invitation", null, Ct);

        Assert.Equal(HttpStatusCode.OK, invited.StatusCode);
        var body = await invited.Content.ReadFromJsonAsync<InvitationResponse>(Ct);
        Assert.Equal(email, body!.Email);
        Assert.DoesNotContain("token", await invited.Content.ReadAsStringAsync(Ct), StringComparison.OrdinalIgnoreCase);
        var token = await InvitationTokenAsync(contactId);

        var (response, page, client) = await SetPasswordAsync(token, VouchApp.Password);

        Assert.Contains(email, page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/portal", response.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/portal", Ct)).StatusCode);
        // The same link again, by anyone, opens nothing.
        var (again, againPage, _) = await SetPasswordAsync(token, "Another-Password-77");
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains("already used", againPage, StringComparison.Ordinal);
        Assert.Contains("already used", await again.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Contains("already has a portal login",
            (await (await manager.PostAsync($"/api/v1/contacts/{contactId}/portal-invitation", null, Ct)).AssertProblemAsync(HttpStatusCode.Conflict)).GetProperty("title").GetString(),
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_invitation_is_in_English_until_the_login_chooses_a_language_and_then_in_that_one()
    {
        var manager = await ManagerAsync();
        var contactId = await AddContactAsync($"cy-{Guid.NewGuid():N}@customer.example");
        (await manager.PostAsync($"/api/v1/contacts/{contactId}/portal-invitation", null, Ct)).EnsureSuccessStatusCode();
        await app.WithScopeAsync(async services => await services.GetRequiredService<VouchDbContext>().Users.Where(u => u.ContactId == contactId)
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.Language, "de"), Ct));
        using var again = await manager.PostAsync($"/api/v1/contacts/{contactId}/portal-invitation", null, Ct);
        var expires = (await again.Content.ReadFromJsonAsync<InvitationResponse>(Ct))!.ExpiresAt;

        var emails = await app.WithScopeAsync(async services =>
        {
            var db = services.GetRequiredService<VouchDbContext>();
            var userId = await db.Users.Where(u => u.ContactId == contactId).Select(u => u.Id).SingleAsync(Ct);
            return await db.OutboundEmails.AsNoTracking().Where(e => e.UserId == userId).ToListAsync(Ct);
        });

        Assert.Equal(2, emails.Count);
        var english = Assert.Single(emails, e => e.Subject == "Vouch: your invitation to our advocate portal");
        var german = Assert.Single(emails, e => e.Subject == "Vouch: Ihre Einladung in unser Fürsprecher-Portal");
        Assert.StartsWith("Hello ", english.TextBody, StringComparison.Ordinal);
        Assert.Contains("Choose your password here (the link works once, until ", english.TextBody, StringComparison.Ordinal);
        Assert.StartsWith("Hallo ", german.TextBody, StringComparison.Ordinal);
        var until = expires.UtcDateTime.ToString("d. MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("de"));
        Assert.Contains($"Wählen Sie hier Ihr Passwort (der Link funktioniert einmal, bis zum {until}):\n{EmailApp.PublicUrl}/portal/welcome?token=",
            german.TextBody, StringComparison.Ordinal);
        Assert.Contains($"(der Link funktioniert einmal, bis zum {until}).", System.Net.WebUtility.HtmlDecode(german.HtmlBody), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Forged_expired_and_superseded_links_open_nothing_and_set_no_password()
    {
        var manager = await ManagerAsync();
        var contactId = await AddContactAsync($"bo-{Guid.NewGuid():N}@customer.example");
        (await manager.PostAsync($"/api/v1/contacts/{contactId}/portal-invitation", null, Ct)).EnsureSuccessStatusCode();
        var first = await InvitationTokenAsync(contactId);
        (await manager.PostAsync($"/api/v1/contacts/{contactId}/portal-invitation", null, Ct)).EnsureSuccessStatusCode();
        var second = await InvitationTokenAsync(contactId);

        var forged = await SetPasswordAsync(second[..^2] + "xx", VouchApp.Password);
        var superseded = await SetPasswordAsync(first, VouchApp.Password);
        await app.WithScopeAsync(async services =>
            await services.GetRequiredService<VouchDbContext>().Set<AdvocateInvitation>().Where(i => i.ContactId == contactId)
                .ExecuteUpdateAsync(s => s.SetProperty(i => i.ExpiresAt, DateTimeOffset.UtcNow.AddMinutes(-1)), Ct));
        var expired = await SetPasswordAsync(second, VouchApp.Password);

        Assert.Contains("not valid", forged.Page, StringComparison.Ordinal);
        Assert.Contains("expired", superseded.Page, StringComparison.Ordinal);
        Assert.Contains("expired", expired.Page, StringComparison.Ordinal);
        Assert.All([forged.Response, superseded.Response, expired.Response], r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.False(await app.WithScopeAsync(services =>
            services.GetRequiredService<VouchDbContext>().Users.AnyAsync(u => u.ContactId == contactId && u.PasswordHash != null, Ct)));
    }

    [Fact]
    public async Task Contacts_without_an_email_or_with_an_employee_s_email_are_not_invited()
    {
        var manager = await ManagerAsync();
        var seller = await app.AddUserAsync(Roles.Seller);
        var noEmail = await AddContactAsync(null);
        var employeeEmail = await AddContactAsync(seller.Email);

        Assert.Contains("no email address",
            Assert.Single(await (await manager.PostAsync($"/api/v1/contacts/{noEmail}/portal-invitation", null, Ct)).AssertValidationProblemAsync("email")),
            StringComparison.Ordinal);
        await (await manager.PostAsync($"/api/v1/contacts/{employeeEmail}/portal-invitation", null, Ct)).AssertProblemAsync(HttpStatusCode.Conflict);
        await (await manager.PostAsync($"/api/v1/contacts/{Guid.NewGuid()}/portal-invitation", null, Ct)).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    /// <summary>A request of <paramref name="people"/>'s seller asking their advocate, approved by the account owner.</summary>
    private static async Task<Guid> AskAsync(RequestScenario.People people, RequestScenario.Advocate advocate)
    {
        var created = await people.Seller.PostAsJsonAsync("/api/v1/requests", new { activityType = "reference-call", neededBy = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(30) }, Ct);
        var id = (await created.Content.ReadFromJsonAsync<RequestResponse>(Ct))!.Id;
        (await people.Seller.PostAsJsonAsync($"/api/v1/requests/{id}/assign", new { contactId = advocate.ContactId }, Ct)).EnsureSuccessStatusCode();
        (await people.Owner.PostAsJsonAsync($"/api/v1/requests/{id}/owner-consent", new { decision = "approve" }, Ct)).EnsureSuccessStatusCode();
        return id;
    }

    [Fact]
    public async Task An_advocate_accepts_their_own_ask_with_times_and_cannot_touch_another_s()
    {
        var (people, advocate) = await app.AddPeopleAsync();
        var (others, otherAdvocate) = await app.AddPeopleAsync();
        var mine = await AskAsync(people, advocate);
        var theirs = await AskAsync(others, otherAdvocate);
        var tomorrow = new DateTimeOffset(DateTime.UtcNow.Date.AddDays(1).AddHours(15), TimeSpan.Zero);

        var listed = await people.Advocate.GetFromJsonAsync<List<PortalAsk>>("/api/v1/portal/asks", Ct);
        var tooMany = await people.Advocate.PostAsJsonAsync($"/api/v1/portal/asks/{mine}/accept",
            new { proposedTimes = new[] { tomorrow, tomorrow.AddHours(1), tomorrow.AddHours(2), tomorrow.AddHours(3) } }, Ct);
        var past = await people.Advocate.PostAsJsonAsync($"/api/v1/portal/asks/{mine}/accept", new { proposedTimes = new[] { tomorrow.AddDays(-3) } }, Ct);
        var someoneElses = await people.Advocate.PostAsJsonAsync($"/api/v1/portal/asks/{theirs}/accept", new { }, Ct);
        var accepted = await people.Advocate.PostAsJsonAsync($"/api/v1/portal/asks/{mine}/accept", new { proposedTimes = new[] { tomorrow.AddHours(1), tomorrow } }, Ct);

        Assert.Equal([(mine, PortalAsks.Waiting)], listed!.Select(a => (a.Id, a.Status)));
        Assert.Contains("at most 3", Assert.Single(await tooMany.AssertValidationProblemAsync("proposedTimes")), StringComparison.Ordinal);
        Assert.Contains("has passed", Assert.Single(await past.AssertValidationProblemAsync("proposedTimes")), StringComparison.Ordinal);
        await someoneElses.AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        var ask = (await accepted.Content.ReadFromJsonAsync<PortalAsk>(Ct))!;
        Assert.Equal("Accepted", ask.Status);
        Assert.Equal([tomorrow, tomorrow.AddHours(1)], ask.ProposedTimes);
        var seen = await people.Seller.GetFromJsonAsync<RequestResponse>($"/api/v1/requests/{mine}", Ct);
        Assert.Equal([tomorrow, tomorrow.AddHours(1)], seen!.ProposedTimes);
        Assert.Equal("OwnerApproved", (await others.Seller.GetFromJsonAsync<RequestResponse>($"/api/v1/requests/{theirs}", Ct))!.Status);
        var declineTheirs = await people.Advocate.PostAsJsonAsync($"/api/v1/portal/asks/{theirs}/decline", new { reason = "busy" }, Ct);
        await declineTheirs.AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_preference_change_is_a_consent_record_and_matching_obeys_it_at_once()
    {
        var (people, advocate) = await app.AddPeopleAsync();
        var request = await people.Seller.PostAsJsonAsync("/api/v1/requests", new { activityType = "reference-call", neededBy = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(30) }, Ct);
        var requestId = (await request.Content.ReadFromJsonAsync<RequestResponse>(Ct))!.Id;
        var before = await people.Seller.GetFromJsonAsync<MatchesView>($"/api/v1/requests/{requestId}/matches", Ct);
        Assert.Contains(before!.Candidates, c => c.ContactId == advocate.ContactId);
        var preferences = (await people.Advocate.GetFromJsonAsync<PreferencesResponse>("/api/v1/portal/preferences", Ct))!;
        var today = DateOnly.FromDateTime(DateTime.UtcNow);

        var saved = await people.Advocate.PutAsJsonAsync("/api/v1/portal/preferences", new
        {
            maxAsksPerQuarter = 2,
            channels = new[] { "Video", "Email" },
            activityTypes = new[] { "reference-call", "case-study" },
            blackouts = new[] { new { starts = today, ends = today.AddDays(40), reason = "Year-end close" } },
            version = preferences.Version,
        }, Ct);

        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        var after = (await saved.Content.ReadFromJsonAsync<PreferencesResponse>(Ct))!;
        Assert.Equal(2, after.MaxAsksPerQuarter);
        Assert.Equal(["Email", "Video"], after.Channels);
        Assert.Equal(["case-study", "reference-call"], after.ActivityTypes);
        var change = Assert.Single(after.History);
        Assert.Equal($"most asks a quarter: 3 → 2; blackout {today:yyyy-MM-dd} to {today.AddDays(40):yyyy-MM-dd} added; channels: none → Email, Video; agreed to Case study", change.Change);
        var matches = await people.Seller.GetFromJsonAsync<MatchesView>($"/api/v1/requests/{requestId}/matches", Ct);
        Assert.DoesNotContain(matches!.Candidates, c => c.ContactId == advocate.ContactId);
        Assert.Contains(matches.Excluded, e => e.ContactId == advocate.ContactId && e.Reasons.Any(r => r.StartsWith("blacked out until", StringComparison.Ordinal)));
        // Saving the same again changes nothing and records nothing.
        var same = await people.Advocate.PutAsJsonAsync("/api/v1/portal/preferences", new
        {
            maxAsksPerQuarter = 2, channels = new[] { "Email", "Video" }, activityTypes = new[] { "case-study", "reference-call" },
            blackouts = new[] { new { starts = today, ends = today.AddDays(40), reason = "Year-end close" } }, version = after.Version,
        }, Ct);
        Assert.Single((await same.Content.ReadFromJsonAsync<PreferencesResponse>(Ct))!.History);
    }

    private sealed record MatchesView(List<RankedCandidate> Candidates, List<ExcludedCandidate> Excluded);

    [Fact]
    public async Task Impossible_preferences_are_refused_by_field_and_change_nothing()
    {
        var (people, _) = await app.AddPeopleAsync();
        var preferences = (await people.Advocate.GetFromJsonAsync<PreferencesResponse>("/api/v1/portal/preferences", Ct))!;
        var today = DateOnly.FromDateTime(DateTime.UtcNow);

        Task<HttpResponseMessage> PutAsync(object body) => people.Advocate.PutAsJsonAsync("/api/v1/portal/preferences", body, Ct);

        var backwards = await PutAsync(new { blackouts = new[] { new { starts = today.AddDays(5), ends = today } }, version = preferences.Version });
        var none = await PutAsync(new { maxAsksPerQuarter = 0, version = preferences.Version });
        var thousand = await PutAsync(new { maxAsksPerQuarter = 1000, version = preferences.Version });
        var unknown = await PutAsync(new { activityTypes = new[] { "golf" }, channels = new[] { "Pigeon" }, version = preferences.Version });
        var stale = await PutAsync(new { maxAsksPerQuarter = 2, version = Guid.NewGuid() });

        Assert.Contains("cannot end", Assert.Single(await backwards.AssertValidationProblemAsync("blackouts[0]")), StringComparison.Ordinal);
        Assert.Contains("from 1 to 12", Assert.Single(await none.AssertValidationProblemAsync("maxAsksPerQuarter")), StringComparison.Ordinal);
        Assert.Contains("from 1 to 12", Assert.Single(await thousand.AssertValidationProblemAsync("maxAsksPerQuarter")), StringComparison.Ordinal);
        var unknownErrors = (await unknown.AssertProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors");
        Assert.Equal(["activityTypes", "channels"], unknownErrors.EnumerateObject().Select(e => e.Name).Order());
        Assert.Contains("'golf' is not an activity type", unknownErrors.GetProperty("activityTypes")[0].GetString(), StringComparison.Ordinal);
        await stale.AssertProblemAsync(HttpStatusCode.Conflict);
        var unchanged = (await people.Advocate.GetFromJsonAsync<PreferencesResponse>("/api/v1/portal/preferences", Ct))!;
        Assert.Equal(JsonSerializer.Serialize(preferences), JsonSerializer.Serialize(unchanged));
    }

    [Fact]
    public async Task A_referral_is_credited_to_the_advocate_who_made_it_and_seen_by_no_other_advocate()
    {
        var (people, advocate) = await app.AddPeopleAsync();
        var (others, _) = await app.AddPeopleAsync();

        var referred = await people.Advocate.PostAsJsonAsync("/api/v1/portal/referrals",
            new { company = "Kea Freight", personName = "Mere Tane", personEmail = "mere@keafreight.example", note = "Asked me about our roll-out" }, Ct);
        var missing = await people.Advocate.PostAsJsonAsync("/api/v1/portal/referrals", new { personEmail = "not an email" }, Ct);

        Assert.Equal(HttpStatusCode.Created, referred.StatusCode);
        var referral = (await referred.Content.ReadFromJsonAsync<ReferralResponse>(Ct))!;
        Assert.Equal((advocate.ContactId, "keafreight.example", nameof(ReferralStatus.New)), (referral.ReferredById, referral.CompanyDomain, referral.Status));
        var errors = (await missing.AssertProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors");
        Assert.Equal(["company", "personEmail", "personName"], errors.EnumerateObject().Select(e => e.Name).Order(StringComparer.Ordinal));
        Assert.Equal([referral.Id], (await people.Advocate.GetFromJsonAsync<List<ReferralResponse>>("/api/v1/portal/referrals", Ct))!.Select(r => r.Id));
        Assert.Empty((await others.Advocate.GetFromJsonAsync<List<ReferralResponse>>("/api/v1/portal/referrals", Ct))!);
        Assert.Contains((await people.Seller.GetFromJsonAsync<Paged<ReferralSummary>>($"/api/v1/referrals?referrerContactId={advocate.ContactId}", Ct))!.Items, r => r.Id == referral.Id);
    }

    [Theory]
    [InlineData("example.com", "example.com")]
    [InlineData("https://www.Example.com/about", "example.com")]
    [InlineData("sub.example.co.uk", "sub.example.co.uk")]
    [InlineData("not a domain", null)]
    [InlineData("localhost", null)]
    [InlineData("  ", null)]
    public void A_company_domain_is_read_from_what_people_type(string typed, string? domain) =>
        Assert.Equal(domain, ReferralDeduplication.Domain(typed));
}
