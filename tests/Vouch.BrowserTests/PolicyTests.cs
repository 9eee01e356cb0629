using Microsoft.Playwright;
using Vouch.Auth;
using Vouch.Features.Accounts;
using Vouch.Features.Catalog;
using Vouch.Features.Contacts;
using Vouch.Features.Launches;
using Vouch.Features.Opportunities;
using Vouch.Features.ProgramPolicies;
using Microsoft.EntityFrameworkCore;
using static Microsoft.Playwright.Assertions;

namespace Vouch.BrowserTests;

/// <summary>
/// A seller asks for a reference call on a deal too early and too small for the policy: the request waits for an
/// exception, a reference manager approves it with a reason, and the seller proposes the advocate. The launch page
/// lists a launch's early adopters.
/// </summary>
public sealed class PolicyTests(VouchServer server) : IClassFixture<VouchServer>
{
    [Fact]
    public async Task ARequestOutsidePolicyMovesOnOnceAReferenceManagerApprovesAnException()
    {
        var seller = await server.AddUserAsync(Roles.Seller);
        var manager = await server.AddUserAsync(Roles.ReferenceManager);
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var (dealId, advocateName) = await server.QueryAsync(async (db, ct) =>
        {
            var call = await db.ActivityTypes.SingleAsync(t => t.Key == "reference-call", ct);
            if (!await db.Set<ActivityPolicy>().AnyAsync(p => p.ActivityTypeId == call.Id, ct))
            {
                db.Add(new ActivityPolicy { ActivityTypeId = call.Id, MinimumStage = "Proposal", MinimumDealSize = 25_000 });
            }
            var customer = new Account { Name = $"Kauri Mills {suffix}" };
            var advocate = new Contact
            {
                AccountId = customer.Id, FirstName = "Mere", LastName = $"Tane {suffix}", Consent = ConsentLevel.Written, AgreedActivities = [call],
                FitsWhere = "Mills with many sites", NotAFitFor = "One-site bakeries",
            };
            var prospect = new Account { Name = $"Rimu Timber {suffix}" };
            var deal = new Opportunity { AccountId = prospect.Id, Name = $"Rimu pilot {suffix}", Stage = "Qualification", Amount = 9_000, CloseDate = new DateOnly(2027, 6, 1), OwnerId = seller.Id };
            db.AddRange(customer, advocate, prospect, deal);
            await db.SaveChangesAsync(ct);
            return (deal.Id, advocate.FullName);
        });
        var errors = new List<string>();
        await using var context = await server.NewContextAsync();
        var page = await context.NewPageAsync();
        page.CollectErrors(errors);

        // The seller asks: the request is kept, marked outside policy.
        await page.SignInAsync(seller);
        await page.GotoAsync($"/requests/new?opportunity={dealId}");
        await page.GetByLabel("Activity").SelectOptionAsync(new SelectOptionValue { Value = "reference-call" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Ask for a reference" }).ClickAsync();
        await Expect(page.GetByTestId("policy-state")).ToHaveTextAsync("Outside policy: needs an exception");
        await Expect(page.GetByTestId("broken-rules")).ToContainTextAsync("The deal is at 'Qualification'; the policy allows this activity from 'Proposal' on.");
        await Expect(page.GetByTestId("policy-exception-form")).ToHaveCountAsync(0);
        var requestUrl = page.Url;

        // The reference manager approves the exception with a reason.
        await context.ClearCookiesAsync();
        await page.SignInAsync(manager);
        await page.GotoAsync(requestUrl);
        var form = page.GetByTestId("policy-exception-form");
        await form.GetByLabel("Reason (required)").FillAsync("First timber customer in the region");
        await form.GetByRole(AriaRole.Button, new() { Name = "Approve the exception" }).ClickAsync();
        await Expect(page.GetByTestId("notice")).ToHaveTextAsync("The exception is approved: the request goes on.");
        await Expect(page.GetByTestId("policy-state")).ToHaveTextAsync("Outside policy: exception approved");
        await Expect(page.GetByTestId("policy-decision")).ToContainTextAsync("First timber customer in the region");

        // The seller proposes the advocate, whose card says where the product fits and where it does not.
        await context.ClearCookiesAsync();
        await page.SignInAsync(seller);
        await page.GotoAsync(requestUrl);
        var card = page.GetByTestId("candidates").Locator("li").Filter(new() { HasText = advocateName });
        await Expect(card.GetByTestId("fits")).ToHaveTextAsync("fits: Mills with many sites");
        await Expect(card.GetByTestId("not-a-fit")).ToHaveTextAsync("not a fit for: One-site bakeries");
        await card.GetByRole(AriaRole.Button, new() { Name = $"Ask {advocateName}" }).ClickAsync();
        await Expect(page.GetByTestId("notice")).ToHaveTextAsync("The advocate is proposed and their time reserved.");
        await Expect(page.GetByTestId("advocate")).ToContainTextAsync(advocateName);

        Assert.Empty(errors);
    }

    [Fact]
    public async Task TheLaunchPageListsItsEarlyAdopters()
    {
        var manager = await server.AddUserAsync(Roles.ReferenceManager);
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var launchId = await server.QueryAsync(async (db, ct) =>
        {
            var product = new Product { Key = $"loom-{suffix}", Name = $"Loom {suffix}" };
            var account = new Account { Name = $"Harakeke Weaving {suffix}", Segment = Segment.Enterprise, Products = [product] };
            var lead = new Contact { AccountId = account.Id, FirstName = "Hine", LastName = $"Lead {suffix}", IsLeadUser = true };
            var launch = new Launch { Name = $"Loom launch {suffix}", ProductId = product.Id, Date = new DateOnly(2027, 5, 1), Segments = ["Enterprise"] };
            db.AddRange(product, account, lead, launch);
            await db.SaveChangesAsync(ct);
            return launch.Id;
        });
        await using var context = await server.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.SignInAsync(manager);

        await page.GotoAsync("/program/launches");
        await page.GetByTestId("launches").GetByRole(AriaRole.Link, new() { Name = $"Loom launch {suffix}" }).ClickAsync();

        await Expect(page.MainHeading()).ToHaveTextAsync($"Loom launch {suffix}");
        await Expect(page.GetByTestId("candidates").Locator("li").First).ToContainTextAsync($"Hine Lead {suffix}");
        await Expect(page.GetByTestId("candidates")).ToContainTextAsync("Lead user (+40); Already uses the product (+20); In a target segment (+10)");
        Assert.EndsWith($"/program/launches/{launchId}", page.Url, StringComparison.Ordinal);
    }
}
