using System.Globalization;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Vouch.Auth;
using Vouch.Features.Accounts;
using Vouch.Features.Contacts;
using Vouch.Features.Email;
using Vouch.Features.Matching;
using Vouch.Features.Requests;
using static Microsoft.Playwright.Assertions;

namespace Vouch.BrowserTests;

/// <summary>
/// A customer contact becomes a portal user and acts for themself: invited by the reference team, they set a password
/// from the emailed link, accept an ask with times that suit them, apply for an offer, change their preferences (and the
/// next match obeys them) and refer a peer.
/// </summary>
public sealed partial class PortalPathTests(VouchServer server) : IClassFixture<VouchServer>
{
    [GeneratedRegex(@"/portal/welcome\?token=[A-Za-z0-9_-]+")]
    private static partial Regex WelcomeLink();

    private sealed record Customer(Guid ContactId, string Name, string Email);

    /// <summary>A contact who agreed to reference calls, at an account with no owner to consent to asks of them.</summary>
    private Task<Customer> AddCustomerAsync() => server.QueryAsync(async (db, ct) =>
    {
        var call = await db.ActivityTypes.SingleAsync(t => t.Key == "reference-call", ct);
        var industry = await db.Industries.SingleAsync(i => i.Name == "Retail", ct);
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var account = new Account { Name = $"Pohutukawa Stores {suffix}", IndustryId = industry.Id, Region = Region.Apac, CountryCode = "NZ", Employees = 400 };
        var contact = new Contact
        {
            AccountId = account.Id, FirstName = "Aroha", LastName = $"Ngata {suffix}", Email = $"aroha-{suffix}@pohutukawa.example",
            Consent = ConsentLevel.Written, ConsentGivenOn = new DateOnly(2025, 6, 1), AgreedActivities = [call], MaxAsksPerQuarter = 4,
        };
        db.AddRange(account, contact);
        await db.SaveChangesAsync(ct);
        return new Customer(contact.Id, contact.FullName, contact.Email);
    });

    private static async Task<Guid> RequestAsync(HttpClient seller, Customer? ask, DateOnly neededBy)
    {
        var ct = TestContext.Current.CancellationToken;
        var created = await seller.PostAsJsonAsync("/api/v1/requests", new { activityType = "reference-call", neededBy }, ct);
        var id = (await created.Content.ReadFromJsonAsync<RequestResponse>(ct))!.Id;
        if (ask is not null)
        {
            (await seller.PostAsJsonAsync($"/api/v1/requests/{id}/assign", new { contactId = ask.ContactId }, ct)).EnsureSuccessStatusCode();
        }
        return id;
    }

    /// <summary>An open offer for every advocate, made by the program team through the API.</summary>
    private static async Task<string> OpenOfferAsync(HttpClient manager, DateOnly today)
    {
        var ct = TestContext.Current.CancellationToken;
        var title = $"Front row at the summit {Guid.NewGuid():N}"[..30];
        var created = await manager.PostAsJsonAsync("/api/v1/offers", new
        {
            title, kind = "FrontRowSeat", gives = new[] { "Status", "Affiliation" }, opensOn = today, closesOn = today.AddDays(30), capacity = 5,
        }, ct);
        created.EnsureSuccessStatusCode();
        var id = (await created.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>(ct)).GetProperty("id").GetGuid();
        (await manager.PostAsync($"/api/v1/offers/{id}/open", null, ct)).EnsureSuccessStatusCode();
        return title;
    }

    [Fact]
    public async Task AnInvitedAdvocateSetsAPasswordAnswersAnAskAppliesForAnOfferSetsTheirPreferencesAndRefersAPeer()
    {
        var ct = TestContext.Current.CancellationToken;
        var manager = await server.AddUserAsync(Roles.ReferenceManager);
        var offer = await OpenOfferAsync(server.CreateApiClient(await server.CreateTokenAsync(manager)), DateOnly.FromDateTime(DateTime.UtcNow));
        var seller = server.CreateApiClient(await server.CreateTokenAsync(await server.AddUserAsync(Roles.Seller)));
        var customer = await AddCustomerAsync();
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        await RequestAsync(seller, customer, today.AddDays(20));
        var errors = new List<string>();

        // The reference manager invites the contact from their page.
        await using var managerContext = await server.NewContextAsync();
        var managerPage = await managerContext.NewPageAsync();
        await managerPage.SignInAsync(manager);
        await managerPage.GotoAsync($"/contacts/{customer.ContactId}");
        await managerPage.GetByRole(AriaRole.Button, new() { Name = "Portal access" }).ClickAsync();
        await Expect(managerPage.GetByTestId("portal-status")).ToContainTextAsync("has no portal login yet");
        await managerPage.GetByRole(AriaRole.Button, new() { Name = "Send an invitation" }).ClickAsync();
        await Expect(managerPage.GetByTestId("notice")).ToContainTextAsync($"Invitation sent to {customer.Email}");

        // The advocate opens the emailed link on their phone and chooses a password; a weak one is refused beside the field.
        var email = await server.QueryAsync((db, token) => db.Set<OutboundEmail>().Where(e => e.To == customer.Email).SingleAsync(token));
        var link = WelcomeLink().Match(email.TextBody).Value;
        await using var advocateContext = await server.NewContextAsync(PageChecks.Phone);
        await advocateContext.AddAccessibilityCheckerAsync();
        var page = await advocateContext.NewPageAsync();
        page.CollectErrors(errors);
        page.RequestFailed += (_, request) => errors.Add($"{request.Method} {request.Url}: {request.Failure}");
        await page.GotoAsync(link);
        await Expect(page.MainHeading()).ToHaveTextAsync("Welcome to our advocate portal");
        await Expect(page.Locator("article")).ToContainTextAsync($"Hello {customer.Name}");
        await page.GetByLabel("New password").FillAsync("short");
        await page.GetByRole(AriaRole.Button, new() { Name = "Set my password" }).ClickAsync();
        await Expect(page.GetByTestId("password-errors")).ToContainTextAsync("at least");
        await page.GetByLabel("New password").FillAsync("Kowhai-blossom-2026");
        await page.GetByRole(AriaRole.Button, new() { Name = "Set my password" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(server.Url("/portal"));
        await Expect(page.GetByTestId("notice")).ToContainTextAsync("Welcome! Your password is set");

        // They accept the ask waiting for them, with a time that suits them.
        var ask = page.GetByTestId("ask");
        await Expect(ask).ToContainTextAsync("Reference call");
        var when = today.AddDays(3).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        await ask.GetByTestId("proposed-time").First.FillAsync($"{when}T10:30");
        await page.ExpectFitsAndAccessibleAsync("phone/portal-path-1-ask");
        await ask.GetByRole(AriaRole.Button, new() { Name = "Yes, I'll do it" }).ClickAsync();
        await Expect(page.GetByTestId("notice")).ToHaveTextAsync("Thank you! The seller will schedule it with you.");
        await Expect(page.GetByTestId("agreed")).ToContainTextAsync($"you proposed {today.AddDays(3).ToString("d MMM", CultureInfo.InvariantCulture)} 10:30 UTC");

        // They apply for an offer that fits them.
        await page.GetByTestId("portal-sections").GetByRole(AriaRole.Link, new() { Name = "Offers for me" }).ClickAsync();
        var offered = page.GetByTestId("offer").Filter(new() { HasText = offer });
        await page.ExpectFitsAndAccessibleAsync("phone/portal-path-2-offers");
        await offered.GetByRole(AriaRole.Button, new() { Name = "Apply" }).ClickAsync();
        await Expect(page.GetByTestId("application").Filter(new() { HasText = offer }).GetByTestId("application-state")).ToHaveTextAsync("applied");

        // They black out the next weeks, and a seller's next request cannot ask them.
        await page.GetByTestId("portal-sections").GetByRole(AriaRole.Link, new() { Name = "My preferences" }).ClickAsync();
        await Expect(page.MainHeading()).ToHaveTextAsync("My preferences");
        await page.GetByLabel("Most asks a quarter").FillAsync("2");
        var blackouts = page.GetByTestId("blackouts");
        await blackouts.GetByTestId("blackout-starts").Last.FillAsync(today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await blackouts.GetByTestId("blackout-ends").Last.FillAsync(today.AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await page.GetByRole(AriaRole.Button, new() { Name = "Save my preferences" }).ClickAsync();
        await Expect(page.GetByTestId("error")).ToContainTextAsync("A blackout cannot end");
        await blackouts.GetByTestId("blackout-ends").Last.FillAsync(today.AddDays(30).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await page.GetByRole(AriaRole.Button, new() { Name = "Save my preferences" }).ClickAsync();
        await Expect(page.GetByTestId("notice")).ToHaveTextAsync("Saved. We will keep to this from now on.");
        await page.ExpectFitsAndAccessibleAsync("phone/portal-path-3-preferences");
        await Expect(page.GetByTestId("preference-history")).ToContainTextAsync(
            $"most asks a quarter: 4 → 2; blackout {today:yyyy-MM-dd} to {today.AddDays(30):yyyy-MM-dd} added");
        var next = await RequestAsync(seller, null, today.AddDays(20));
        var matches = await seller.GetFromJsonAsync<Matches>($"/api/v1/requests/{next}/matches", ct);
        Assert.DoesNotContain(matches!.Candidates, c => c.ContactId == customer.ContactId);
        Assert.Contains(matches.Excluded, e => e.ContactId == customer.ContactId && e.Reasons.Any(r => r.StartsWith("blacked out until", StringComparison.Ordinal)));

        // They refer a peer; the reference team sees it credited to them.
        await page.GetByTestId("portal-sections").GetByRole(AriaRole.Link, new() { Name = "Refer a peer" }).ClickAsync();
        await page.GetByLabel("Their company").FillAsync("Rimu Outdoor");
        await page.GetByLabel("Their name").FillAsync("Tama Wiremu");
        await page.GetByLabel("Their email (optional)").FillAsync("tama@rimuoutdoor.example");
        await page.ExpectFitsAndAccessibleAsync("phone/portal-path-4-refer");
        await page.GetByRole(AriaRole.Button, new() { Name = "Refer them" }).ClickAsync();
        await Expect(page.GetByTestId("notice")).ToHaveTextAsync("Thank you for referring Tama Wiremu at Rimu Outdoor. We will let you know how it goes.");
        await Expect(page.GetByTestId("my-referrals")).ToContainTextAsync("Tama Wiremu at Rimu Outdoor");
        await managerPage.FollowNavigationAsync("Referrals");
        await Expect(managerPage.GetByTestId("referrals").Locator("tbody tr").Filter(new() { HasText = "Rimu Outdoor" })).ToContainTextAsync(customer.Name);

        Assert.Empty(errors);
    }

    private sealed record Matches(List<RankedCandidate> Candidates, List<ExcludedCandidate> Excluded);
}
