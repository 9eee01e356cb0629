using Microsoft.Playwright;
using Vouch.Auth;
using Vouch.Features.Accounts;
using Vouch.Features.Contacts;
using static Microsoft.Playwright.Assertions;

namespace Vouch.BrowserTests;

/// <summary>
/// A referral from record to won deal: the reference manager records an advocate's referral from their contact page,
/// moves it on, creates its opportunity, closes the deal won, and sees the won revenue on the referral and the advocate.
/// </summary>
public sealed class ReferralTests(VouchServer server) : IClassFixture<VouchServer>
{
    [Fact]
    public async Task AReferenceManagerTakesAReferralFromRecordToAWonDeal()
    {
        var manager = await server.AddUserAsync(Roles.ReferenceManager);
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var prospect = $"Tui Robotics {suffix}";
        var contactId = await server.QueryAsync(async (db, ct) =>
        {
            var account = new Account { Name = $"Kowhai Foods {suffix}", CustomerSince = new DateOnly(2023, 4, 1) };
            var contact = new Contact { AccountId = account.Id, FirstName = "Aroha", LastName = $"Ngata {suffix}", Consent = ConsentLevel.Written };
            db.AddRange(account, contact);
            await db.SaveChangesAsync(ct);
            return contact.Id;
        });
        var errors = new List<string>();
        await using var context = await server.NewContextAsync();
        var page = await context.NewPageAsync();
        page.CollectErrors(errors);
        await page.SignInAsync(manager);

        // Recorded from the advocate's contact page, credited to them.
        await page.GotoAsync($"/contacts/{contactId}");
        await page.GetByTestId("referral-stats").GetByRole(AriaRole.Button, new() { Name = "Record a referral" }).ClickAsync();
        await Expect(page.GetByTestId("referrer")).ToHaveTextAsync($"Aroha Ngata {suffix} at Kowhai Foods {suffix}");
        await page.GetByLabel("Prospect company").FillAsync(prospect);
        await page.GetByLabel("Company website (optional)").FillAsync($"tui-{suffix}.example");
        await page.GetByLabel("Person", new() { Exact = true }).FillAsync("Manaia Hohepa");
        await page.GetByRole(AriaRole.Button, new() { Name = "Record referral" }).ClickAsync();
        await Expect(page.GetByTestId("notice")).ToHaveTextAsync("The referral is recorded and credited to the advocate.");
        await Expect(page.MainHeading()).ToHaveTextAsync($"Manaia Hohepa at {prospect}");
        await Expect(page.GetByTestId("status")).ToHaveTextAsync("New");

        // Moved on, then its deal created from it.
        await page.GetByRole(AriaRole.Button, new() { Name = "Mark contacted" }).ClickAsync();
        await Expect(page.GetByTestId("status")).ToHaveTextAsync("Contacted");
        await page.GetByRole(AriaRole.Button, new() { Name = "Mark qualified" }).ClickAsync();
        await Expect(page.GetByTestId("status")).ToHaveTextAsync("Qualified");
        var create = page.GetByTestId("create-opportunity");
        await create.GetByLabel("Amount").FillAsync("95000");
        await create.GetByRole(AriaRole.Button, new() { Name = "Create the opportunity" }).ClickAsync();
        await Expect(page.GetByTestId("notice")).ToHaveTextAsync("The deal is created from the referral.");
        await Expect(page.GetByTestId("status")).ToHaveTextAsync("Opportunity");
        await Expect(page.GetByTestId("history")).ToContainTextAsync("Qualified → Opportunity");

        // The deal closes won, for more than forecast.
        await page.GetByTestId("deal").GetByRole(AriaRole.Link, new() { Name = prospect }).ClickAsync();
        var close = page.GetByTestId("close");
        await close.GetByLabel("Won", new() { Exact = true }).CheckAsync();
        await close.GetByLabel("Amount it closed at").FillAsync("97500");
        await close.GetByRole(AriaRole.Button, new() { Name = "Close the deal" }).ClickAsync();
        await Expect(page.GetByTestId("notice")).ToContainTextAsync("The deal is closed won.");

        // The won revenue is on the referral and on the advocate.
        await page.GotoAsync("/referrals");
        await page.GetByTestId("referrals").GetByRole(AriaRole.Link, new() { Name = prospect }).ClickAsync();
        await Expect(page.GetByTestId("status")).ToHaveTextAsync("Won");
        await Expect(page.GetByTestId("won-amount")).ToHaveTextAsync("97,500");
        await page.GotoAsync($"/contacts/{contactId}");
        await Expect(page.GetByTestId("referral-won")).ToHaveTextAsync("1 (100% converted)");
        await Expect(page.GetByTestId("referral-revenue")).ToHaveTextAsync("97,500");
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }
}
