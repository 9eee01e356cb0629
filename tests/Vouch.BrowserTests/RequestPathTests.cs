using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Vouch.Auth;
using Vouch.Features.Accounts;
using Vouch.Features.Catalog;
using Vouch.Features.Contacts;
using Vouch.Features.Opportunities;
using Vouch.Features.Requests;
using static Microsoft.Playwright.Assertions;

namespace Vouch.BrowserTests;

/// <summary>
/// A reference request from the deal to the revenue it helped win, through the real pages, each step taken by the
/// person whose step it is: the seller asks and picks the advocate, the account owner consents, the advocate accepts in
/// the portal, the seller schedules, completes, tells how it went and closes the deal won, and an executive sees the
/// deal's revenue credited to the reference.
/// </summary>
public sealed class RequestPathTests(VouchServer server) : IClassFixture<VouchServer>
{
    private sealed record Deal(Guid OpportunityId, string Name, string Advocate, string RuledOut);

    /// <summary>
    /// A seller's deal; a customer of another seller like the prospect, with one advocate who may be asked and one whose
    /// consent ran out. Each test that adds one gives its own <paramref name="suffix"/> to the names, which are unique.
    /// </summary>
    private Task<Deal> AddDealAsync(TestUser seller, TestUser owner, TestUser advocateUser, string suffix = "") => server.QueryAsync(async (db, ct) =>
    {
        var call = await db.ActivityTypes.SingleAsync(t => t.Key == "reference-call", ct);
        var industry = await db.Industries.SingleAsync(i => i.Name == "Transportation", ct);
        var product = new Product { Key = $"route-planner-{Guid.NewGuid():N}", Name = "Route Planner" + suffix };
        var customer = new Account
        {
            Name = "Kea Freight" + suffix, IndustryId = industry.Id, Region = Region.Emea, CountryCode = "NL", Employees = 900, OwnerId = owner.Id,
            Products = [product], CompetitorsReplaced = ["Legacy Corp"], ContractDate = new DateOnly(2024, 1, 15),
        };
        var advocate = new Contact
        {
            AccountId = customer.Id, FirstName = "Wiremu" + suffix, LastName = "Rangi", Title = "Head of Logistics", Consent = ConsentLevel.Written,
            ConsentGivenOn = new DateOnly(2025, 1, 1), AgreedActivities = [call], MaxAsksPerQuarter = 3, UseCase = "Invoice automation for a 3PL",
        };
        var ruledOut = new Contact
        {
            AccountId = customer.Id, FirstName = "Hana" + suffix, LastName = "Poutama", Title = "CFO", Consent = ConsentLevel.Written,
            ConsentGivenOn = new DateOnly(2024, 1, 1), ConsentExpiresOn = new DateOnly(2025, 12, 31), AgreedActivities = [call],
        };
        var prospect = new Account { Name = "Tui Logistics" + suffix, IndustryId = industry.Id, Region = Region.Emea, CountryCode = "NL", Employees = 700 };
        var deal = new Opportunity
        {
            AccountId = prospect.Id, Name = "Tui Logistics rollout" + suffix, Amount = 95_000m, Stage = "Proposal", CloseDate = new DateOnly(2027, 3, 1),
            Competitor = "Legacy Corp", OwnerId = seller.Id, Products = [product],
        };
        db.AddRange(product, customer, advocate, ruledOut, prospect, deal);
        await db.SaveChangesAsync(ct);
        var login = await db.Users.SingleAsync(u => u.Id == advocateUser.Id, ct);
        login.ContactId = advocate.Id;
        await db.SaveChangesAsync(ct);
        return new Deal(deal.Id, deal.Name, advocate.FullName, ruledOut.FullName);
    });

    [Fact]
    public async Task ARequestGoesFromTheDealThroughEveryoneWhoseStepItIsToTheRevenueItHelpedWin()
    {
        var seller = await server.AddUserAsync(Roles.Seller);
        var owner = await server.AddUserAsync(Roles.Seller);
        var advocateUser = await server.AddUserAsync(Roles.Advocate);
        var executive = await server.AddUserAsync(Roles.Executive);
        var deal = await AddDealAsync(seller, owner, advocateUser);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var influencedBefore = await server.QueryAsync(async (db, ct) => (await ReportEndpoints.InfluenceAsync(db, ct)).InfluencedRevenue);

        // The seller asks from their deal, on a phone; the criteria come from it and a day in the past is refused next to its field.
        await using var sellerContext = await server.NewContextAsync(PageChecks.Phone);
        await sellerContext.AddAccessibilityCheckerAsync();
        var sellerPage = await sellerContext.NewPageAsync();
        await sellerPage.SignInAsync(seller);
        await sellerPage.FollowNavigationAsync("Opportunities");
        await sellerPage.GetByRole(AriaRole.Link, new() { Name = deal.Name }).ClickAsync();
        await sellerPage.GetByRole(AriaRole.Button, new() { Name = "Ask for a reference" }).ClickAsync();
        await Expect(sellerPage.MainHeading()).ToHaveTextAsync($"Ask for a reference for {deal.Name}");
        await Expect(sellerPage.GetByLabel("Replaced this competitor")).ToHaveValueAsync("Legacy Corp");
        await Expect(sellerPage.GetByLabel("Country (code or name)")).ToHaveValueAsync("NL");
        await Expect(sellerPage.GetByLabel("Route Planner", new() { Exact = true })).ToBeCheckedAsync();
        await Expect(sellerPage.Locator("#industry option:checked")).ToHaveTextAsync("Transportation");
        await sellerPage.GetByLabel("What should the advocate talk about?").FillAsync("Invoice automation across depots");
        await sellerPage.GetByLabel("Employees, about").FillAsync("750");
        await sellerPage.GetByLabel("Needed by").FillAsync("2020-01-31");
        await sellerPage.ExpectFitsAndAccessibleAsync("phone/seller-path-1-ask");
        await sellerPage.GetByRole(AriaRole.Button, new() { Name = "Ask for a reference" }).ClickAsync();

        await Expect(sellerPage.Locator("#neededBy-error")).ToHaveTextAsync("neededBy must be today or later.");
        await Expect(sellerPage.GetByLabel("Needed by")).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(sellerPage.GetByLabel("What should the advocate talk about?")).ToHaveValueAsync("Invoice automation across depots");
        await Expect(sellerPage.GetByLabel("Employees, about")).ToHaveValueAsync("750");
        await sellerPage.GetByLabel("Needed by").FillAsync(today.AddDays(20).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await sellerPage.GetByRole(AriaRole.Button, new() { Name = "Ask for a reference" }).ClickAsync();

        // At once: the advocates ranked with their reasons, and the one ruled out with why.
        await Expect(sellerPage.MainHeading()).ToHaveTextAsync($"Reference call for {deal.Name}");
        await Expect(sellerPage.GetByTestId("status")).ToHaveTextAsync("submitted");
        var candidate = sellerPage.GetByTestId("candidates").Locator("> li").Filter(new() { HasText = deal.Advocate });
        await Expect(candidate.GetByTestId("score")).ToHaveTextAsync(new Regex(@"^\d{1,3}$"));
        await Expect(candidate).ToContainTextAsync("replaced the same competitor");
        await sellerPage.GetByTestId("excluded").Locator("summary").ClickAsync();
        await Expect(sellerPage.GetByTestId("excluded").GetByRole(AriaRole.Listitem).Filter(new() { HasText = deal.RuledOut }))
            .ToContainTextAsync("consent expired on");
        await sellerPage.ExpectFitsAndAccessibleAsync("phone/seller-path-2-candidates");
        await candidate.GetByRole(AriaRole.Button, new() { Name = $"Ask {deal.Advocate}" }).ClickAsync();
        await Expect(sellerPage.GetByTestId("notice")).ToHaveTextAsync("The advocate is proposed and their time reserved.");
        await Expect(sellerPage.GetByTestId("status")).ToHaveTextAsync("waiting for the account owner's consent");
        var requestUrl = sellerPage.Url;

        // The account owner finds it waiting on their dashboard; declining needs a reason, then they approve.
        await using var ownerContext = await server.NewContextAsync();
        var ownerPage = await ownerContext.NewPageAsync();
        await ownerPage.SignInAsync(owner);
        await Expect(ownerPage.GetByTestId("notifications")).ToContainTextAsync(
            $"Your consent is needed: {seller.Name} asks {deal.Advocate} of Kea Freight for a reference call.");
        var waiting = ownerPage.GetByTestId("waiting").GetByRole(AriaRole.Listitem);
        await Expect(waiting).ToHaveTextAsync([$"Reference call for {deal.Name} with {deal.Advocate}: the account owner's consent"]);
        await waiting.GetByRole(AriaRole.Link).ClickAsync();
        await ownerPage.GetByRole(AriaRole.Button, new() { Name = "Decline" }).ClickAsync();
        await Expect(ownerPage.GetByTestId("error")).ToHaveTextAsync("reason is required when declining.");
        await Expect(ownerPage.GetByTestId("status")).ToHaveTextAsync("waiting for the account owner's consent");
        await ownerPage.GetByRole(AriaRole.Button, new() { Name = "Approve" }).ClickAsync();
        await Expect(ownerPage.GetByTestId("status")).ToHaveTextAsync("waiting for the advocate");
        await ownerPage.GotoAsync("/");
        await Expect(ownerPage.GetByTestId("nothing-waiting")).ToBeVisibleAsync();

        // The advocate accepts in the portal, on a phone.
        await using var advocateContext = await server.NewContextAsync(PageChecks.Phone);
        await advocateContext.AddAccessibilityCheckerAsync();
        var advocatePage = await advocateContext.NewPageAsync();
        await advocatePage.SignInAsync(advocateUser);
        await Expect(advocatePage).ToHaveURLAsync(server.Url("/portal"));
        await Expect(advocatePage.GetByTestId("notifications")).ToContainTextAsync(
            $"{deal.Advocate} is asked for a reference call needed by {today.AddDays(20).ToString("d MMM yyyy", CultureInfo.InvariantCulture)}.");
        var ask = advocatePage.GetByTestId("ask");
        await Expect(ask).ToContainTextAsync("Reference call");
        await Expect(ask).ToContainTextAsync("about Invoice automation across depots.");
        await advocatePage.ExpectFitsAndAccessibleAsync("phone/advocate-path-1-ask");
        await ask.GetByRole(AriaRole.Button, new() { Name = "Yes, I'll do it" }).ClickAsync();
        await Expect(advocatePage.GetByTestId("notice")).ToHaveTextAsync("Thank you! The seller will schedule it with you.");
        await Expect(advocatePage.GetByTestId("agreed")).ToContainTextAsync($"Reference call with {seller.Name}: they will be in touch to find a time");

        // The seller schedules it, marks it done and tells how it went.
        await sellerPage.GotoAsync("/");
        await sellerPage.GetByTestId("notifications").GetByRole(AriaRole.Link, new() { Name = $"{deal.Advocate} accepted your reference call; schedule it." }).ClickAsync();
        await Expect(sellerPage).ToHaveURLAsync(requestUrl);
        await Expect(sellerPage.GetByTestId("status")).ToHaveTextAsync("accepted, not yet scheduled");
        var when = today.AddDays(5).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        await sellerPage.GetByLabel("When (UTC)").FillAsync($"{when}T15:30");
        await sellerPage.GetByRole(AriaRole.Button, new() { Name = "Schedule" }).ClickAsync();
        await Expect(sellerPage.GetByTestId("status")).ToHaveTextAsync("scheduled");

        // The call moves half an hour; the page offers its invitation, which is now the update.
        await sellerPage.GetByLabel("Move to (UTC)").FillAsync($"{when}T16:00");
        await sellerPage.GetByRole(AriaRole.Button, new() { Name = "Move" }).ClickAsync();
        await Expect(sellerPage.GetByTestId("notice")).ToHaveTextAsync("Moved: everyone invited gets the new time.");
        var invite = sellerPage.GetByRole(AriaRole.Link, new() { Name = "Add to calendar (.ics)" });
        var download = await sellerPage.RunAndWaitForDownloadAsync(() => invite.ClickAsync());
        Assert.Equal("invite.ics", download.SuggestedFilename);
        var calendar = await File.ReadAllTextAsync(await download.PathAsync(), TestContext.Current.CancellationToken);
        Assert.Contains("\r\nMETHOD:REQUEST\r\n", calendar, StringComparison.Ordinal);
        Assert.Contains($"\r\nDTSTART:{when.Replace("-", "", StringComparison.Ordinal)}T160000Z\r\n", calendar, StringComparison.Ordinal);
        Assert.Contains("\r\nSEQUENCE:1\r\n", calendar, StringComparison.Ordinal);
        var served = await sellerContext.APIRequest.GetAsync(server.Url((await invite.GetAttributeAsync("href"))!));
        Assert.Equal("text/calendar; method=REQUEST; charset=utf-8", served.Headers["content-type"]);

        await sellerPage.GetByRole(AriaRole.Button, new() { Name = "It took place" }).ClickAsync();
        await Expect(sellerPage.GetByTestId("status")).ToHaveTextAsync("completed, waiting for feedback");
        var feedback = sellerPage.GetByTestId("feedback-form");
        await feedback.GetByRole(AriaRole.Group, new() { Name = "Did it happen?" }).GetByLabel("Yes").CheckAsync();
        await feedback.GetByLabel("Rating (1 to 5)").SelectOptionAsync("5");
        await feedback.GetByRole(AriaRole.Group, new() { Name = "Did it help the deal?" }).GetByLabel("Yes").CheckAsync();
        await feedback.GetByLabel("Notes").FillAsync("The prospect's CFO asked for the call again.");
        await sellerPage.ExpectFitsAndAccessibleAsync("phone/seller-path-3-feedback");
        await feedback.GetByRole(AriaRole.Button, new() { Name = "Record feedback" }).ClickAsync();
        await Expect(sellerPage.GetByTestId("status")).ToHaveTextAsync("closed with feedback");
        await Expect(sellerPage.GetByTestId("feedback")).ToHaveTextAsync("Happened, rated 5 of 5, it helped: The prospect's CFO asked for the call again.");

        // Every step, with its time and who took it.
        var stamp = @"^\d{4}-\d{2}-\d{2} \d{2}:\d{2} · ";
        await Expect(sellerPage.GetByTestId("timeline").GetByRole(AriaRole.Listitem)).ToHaveTextAsync(
        [
            new Regex(stamp + Regex.Escape($"submitted · {seller.Email}") + "$"),
            new Regex(stamp + Regex.Escape($"waiting for the account owner's consent · {seller.Email}: Proposed {deal.Advocate} (Kea Freight).") + "$"),
            new Regex(stamp + Regex.Escape($"waiting for the advocate · {owner.Email}") + "$"),
            new Regex(stamp + Regex.Escape($"accepted, not yet scheduled · {advocateUser.Email}") + "$"),
            new Regex(stamp + Regex.Escape($"scheduled · {seller.Email}: For {today.AddDays(5).ToString("d MMM yyyy", CultureInfo.InvariantCulture)} 15:30 UTC.") + "$"),
            new Regex(stamp + Regex.Escape($"scheduled · {seller.Email}: Moved from {today.AddDays(5).ToString("d MMM yyyy", CultureInfo.InvariantCulture)} 15:30 "
                + $"to {today.AddDays(5).ToString("d MMM yyyy", CultureInfo.InvariantCulture)} 16:00 UTC.") + "$"),
            new Regex(stamp + Regex.Escape($"completed, waiting for feedback · {seller.Email}") + "$"),
            new Regex(stamp + Regex.Escape($"closed with feedback · {seller.Email}: Rated 5 of 5, it helped.") + "$"),
        ]);

        // The deal closes won; a close without its outcome is refused, naming it, and changes nothing.
        await sellerPage.GetByRole(AriaRole.Link, new() { Name = "Open the deal" }).ClickAsync();
        await Expect(sellerPage.GetByTestId("references")).ToContainTextAsync($"Reference call with {deal.Advocate} · closed with feedback");
        await sellerPage.GetByLabel("Amount it closed at").FillAsync("120000");
        await sellerPage.GetByRole(AriaRole.Button, new() { Name = "Close the deal" }).ClickAsync();
        await Expect(sellerPage.Locator("#won-error")).ToHaveTextAsync("won is required: true when the deal was won, false when it was lost.");
        await Expect(sellerPage.GetByLabel("Amount it closed at")).ToHaveValueAsync("120000");
        await sellerPage.GetByRole(AriaRole.Group, new() { Name = "Outcome" }).GetByLabel("Won").CheckAsync();
        await sellerPage.GetByRole(AriaRole.Button, new() { Name = "Close the deal" }).ClickAsync();
        await Expect(sellerPage.GetByTestId("notice")).ToHaveTextAsync("The deal is closed won. The references that helped it are credited.");
        await Expect(sellerPage.GetByTestId("deal")).ToHaveTextAsync($"120,000 · Closed Won · won on {today:yyyy-MM-dd}");

        // An executive sees the deal's revenue credited to the reference.
        await using var executiveContext = await server.NewContextAsync();
        var executivePage = await executiveContext.NewPageAsync();
        await executivePage.SignInAsync(executive);
        await executivePage.FollowNavigationAsync("Influenced revenue");
        await Expect(executivePage.MainHeading()).ToHaveTextAsync("Influenced revenue");
        await Expect(executivePage.GetByTestId("influenced-revenue")).ToHaveTextAsync((influencedBefore + 120_000m).ToString("N0", CultureInfo.InvariantCulture));
        var row = executivePage.GetByTestId("deals").Locator("tbody tr").Filter(new() { HasText = deal.Name });
        await Expect(row.Locator("td")).ToHaveTextAsync(
            [$"{deal.Name}, Tui Logistics", today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), "Won", "120,000", $"{deal.Advocate} (Kea Freight), reference call, rated 5 of 5: 120,000"]);
    }

    [Fact]
    public async Task ASellerSignsInFindsTheirDealAndAsksAnAdvocateWithTheKeyboardAlone()
    {
        var seller = await server.AddUserAsync(Roles.Seller);
        var deal = await AddDealAsync(seller, await server.AddUserAsync(Roles.Seller), await server.AddUserAsync(Roles.Advocate), " (keyboard)");
        var neededBy = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(30);
        await using var context = await server.NewContextAsync();
        var page = await context.NewPageAsync();
        var errors = new List<string>();
        page.CollectErrors(errors);

        await page.GotoAsync("/sign-in");
        await page.TabToAsync(page.GetByLabel("Email"));
        await page.Keyboard.TypeAsync(seller.Email);
        await page.TabToAsync(page.GetByLabel("Password"));
        await page.Keyboard.TypeAsync(VouchServer.Password);
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.MainHeading()).ToHaveTextAsync("Reference program");

        // The first Tab shows the way past the navigation; the navigation's menus open with Enter.
        await page.Keyboard.PressAsync("Tab");
        var skip = page.GetByRole(AriaRole.Link, new() { Name = "Skip to content" });
        await Expect(skip).ToBeFocusedAsync();
        await Expect(skip).ToBeInViewportAsync();
        await page.KeyboardFollowNavigationAsync("Opportunities");
        await Expect(page.MainHeading()).ToHaveTextAsync("Open opportunities");
        await page.TabToAndPressEnterAsync(page.GetByRole(AriaRole.Link, new() { Name = deal.Name, Exact = true }));
        await page.TabToAndPressEnterAsync(page.GetByRole(AriaRole.Button, new() { Name = "Ask for a reference" }));
        await Expect(page.MainHeading()).ToHaveTextAsync($"Ask for a reference for {deal.Name}");

        await page.TabToAsync(page.GetByLabel("Needed by"));
        await page.Keyboard.TypeAsync(neededBy.ToString("MMddyyyy", CultureInfo.InvariantCulture));
        await page.TabToAsync(page.GetByLabel("What should the advocate talk about?"));
        await page.Keyboard.TypeAsync("Fleet invoicing");
        await page.TabToAndPressEnterAsync(page.GetByRole(AriaRole.Button, new() { Name = "Ask for a reference" }));
        await Expect(page.MainHeading()).ToHaveTextAsync($"Reference call for {deal.Name}");

        await page.TabToAndPressEnterAsync(page.GetByRole(AriaRole.Button, new() { Name = $"Ask {deal.Advocate}" }));
        await Expect(page.GetByTestId("notice")).ToHaveTextAsync("The advocate is proposed and their time reserved.");
        await Expect(page.GetByTestId("status")).ToHaveTextAsync("waiting for the account owner's consent");
        Assert.Empty(errors);
    }

    [Fact]
    public async Task AReferenceManagerAsksForACampaignWithoutADealAndIsOfferedContentWhenFewAdvocatesFit()
    {
        var manager = await server.AddUserAsync(Roles.ReferenceManager);
        var title = await server.QueryAsync(async (db, ct) =>
        {
            var product = new Product { Key = $"fleet-telematics-{Guid.NewGuid():N}", Name = "Fleet Telematics" };
            var account = new Account { Name = "Kiwi Fleet" };
            var story = new Features.Content.ContentAsset
            {
                Title = "How Kiwi Fleet tracks 4,000 trucks", Kind = Features.Content.ContentKind.CaseStudy, AccountId = account.Id, Products = [product],
                State = Features.Content.ApprovalState.Approved, ApprovedOn = new DateOnly(2026, 1, 5),
            };
            db.AddRange(product, account, story);
            await db.SaveChangesAsync(ct);
            return story.Title;
        });
        await using var context = await server.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.SignInAsync(manager);

        await page.FollowNavigationAsync("Requests");
        await page.GetByRole(AriaRole.Link, new() { Name = "ask for a reference for a campaign" }).ClickAsync();
        await Expect(page.MainHeading()).ToHaveTextAsync("Ask for a reference for a campaign");
        await page.GetByLabel("Activity").SelectOptionAsync(new SelectOptionValue { Label = "Reference call" });
        await page.GetByLabel("Fleet Telematics").CheckAsync();
        await page.GetByLabel("Replaced this competitor").FillAsync("Nobody Ltd");
        await page.GetByLabel("Country (code or name)").FillAsync("Atlantis");
        await page.GetByRole(AriaRole.Button, new() { Name = "Ask for a reference" }).ClickAsync();

        await Expect(page.Locator("#countryCode-error")).ToHaveTextAsync("criteria.countryCode must be an ISO 3166 alpha-2 code or a country's name.");
        await Expect(page.GetByLabel("Fleet Telematics")).ToBeCheckedAsync();
        await page.GetByLabel("Country (code or name)").FillAsync("Brazil");
        await page.GetByRole(AriaRole.Button, new() { Name = "Ask for a reference" }).ClickAsync();

        await Expect(page.MainHeading()).ToHaveTextAsync("Reference call for a campaign");
        var alternative = page.GetByTestId("alternatives").GetByRole(AriaRole.Listitem).Filter(new() { HasText = title });
        await Expect(alternative).ToHaveTextAsync($"Case study: {title}");
        await alternative.GetByRole(AriaRole.Link).ClickAsync();
        await Expect(page.MainHeading()).ToHaveTextAsync(title);
    }
}
