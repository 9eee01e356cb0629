using Microsoft.Playwright;
using Vouch.Auth;
using Vouch.Features.Accounts;
using Vouch.Features.Contacts;
using Vouch.Features.Executives;
using static Microsoft.Playwright.Assertions;

namespace Vouch.BrowserTests;

/// <summary>
/// An executive through the real pages: they open their own page from the navigation, log a conversation with a
/// customer of the account they sponsor, see their progress go up, and find the conversation on the account's page.
/// </summary>
public sealed class ExecutiveTests(VouchServer server) : IClassFixture<VouchServer>
{
    [Fact]
    public async Task AnExecutiveLogsAConversationAndSeesTheirProgressGoUp()
    {
        var executive = await server.AddUserAsync(Roles.Executive);
        var accountId = await server.QueryAsync(async (db, ct) =>
        {
            var account = new Account { Name = "Pohutukawa Freight" };
            db.AddRange(account, new Contact { AccountId = account.Id, FirstName = "Aroha", LastName = "Ngata", Title = "COO" });
            db.Add(new ExecutiveSponsor { AccountId = account.Id, ExecutiveId = executive.Id, Since = new DateOnly(2025, 1, 6) });
            await db.SaveChangesAsync(ct);
            return account.Id;
        });
        var pageErrors = new List<string>();
        await using var context = await server.NewContextAsync();
        var page = await context.NewPageAsync();
        page.CollectErrors(pageErrors);
        await page.SignInAsync(executive);

        await page.FollowNavigationAsync("My conversations");
        await Expect(page.MainHeading()).ToHaveTextAsync("My conversations");
        await Expect(page.GetByTestId("held")).ToHaveTextAsync("0");
        await Expect(page.GetByTestId("target")).ToHaveTextAsync("30");

        await page.GetByLabel("With").SelectOptionAsync(new SelectOptionValue { Label = "Aroha Ngata (Pohutukawa Freight)" });
        await page.GetByLabel("How it was held").SelectOptionAsync(new SelectOptionValue { Label = "face to face" });
        await page.GetByLabel("How they use the product").FillAsync("Plans every truck route on it");
        await page.GetByLabel("The value they get").FillAsync("Fuel costs down a tenth");
        await page.GetByLabel("How they feel about it").SelectOptionAsync("Positive");
        await page.GetByLabel("What I learned").FillAsync("They want driver apps in Māori");
        await page.GetByLabel("Follow-ups").FillAsync("Introduce the mobile team");
        await page.GetByRole(AriaRole.Button, new() { Name = "Log the conversation" }).ClickAsync();

        await Expect(page.GetByTestId("notice")).ToHaveTextAsync("Your conversation with Aroha Ngata of Pohutukawa Freight is logged.");
        await Expect(page.GetByTestId("held")).ToHaveTextAsync("1");
        await Expect(page.GetByTestId("conversation")).ToHaveCountAsync(1);
        await Expect(page.GetByTestId("open-follow-ups")).ToContainTextAsync("Introduce the mobile team");

        await page.GotoAsync($"/accounts/{accountId}");
        var section = page.GetByTestId("executive-sponsor");
        await Expect(section.GetByTestId("sponsor")).ToContainTextAsync(executive.Name);
        await Expect(section.GetByTestId("last-conversation")).ToContainTextAsync($"{executive.Name} with Aroha Ngata");
        await Expect(page.GetByTestId("delivery")).ToContainTextAsync("No review held or scheduled yet.");

        await page.FollowNavigationAsync("Executive conversations");
        await Expect(page.MainHeading()).ToHaveTextAsync("Executive conversations");
        await Expect(page.GetByTestId("executive").Filter(new() { HasText = executive.Name })).ToContainTextAsync("1");
        Assert.Empty(pageErrors);
    }
}
