using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Vouch.Auth;
using Vouch.Features.Value;
using Vouch.Seeding;
using static Microsoft.Playwright.Assertions;

namespace Vouch.BrowserTests;

/// <summary>
/// What a customer is worth: a reference manager opens Catie's account, sees 13.8× and the records behind it; an
/// executive opens "who is worth most" from the menu and reads customers by multiple, segments and what influenced buyers.
/// </summary>
public sealed class ValueTests(VouchServer server) : IClassFixture<VouchServer>
{
    private static List<string> WatchConsole(IPage page)
    {
        var errors = new List<string>();
        page.CollectErrors(errors);
        return errors;
    }

    [Fact]
    public async Task AReferenceManagerSeesCatiesMultipleAndTheLinesBehindIt()
    {
        var manager = await server.AddUserAsync(Roles.ReferenceManager);
        var catie = await server.QueryAsync((db, ct) => db.Accounts.Where(a => a.Name == DemoValue.CatieAccount).Select(a => a.Id).SingleAsync(ct));
        await using var context = await server.NewContextAsync();
        var page = await context.NewPageAsync();
        var errors = WatchConsole(page);
        await page.SignInAsync(manager);

        await page.GotoAsync($"/accounts/{catie}");
        var section = page.GetByTestId("engagement-value");
        await Expect(section.GetByTestId("value-multiple")).ToHaveTextAsync("13.8×");
        await Expect(section.GetByTestId("value-lifetime")).ToHaveTextAsync("6,955");
        await Expect(section.GetByTestId("value-referral")).ToHaveTextAsync("22,400");
        await Expect(section.GetByTestId("value-influence")).ToHaveTextAsync("10,680");
        await Expect(section.GetByTestId("value-lines-influence")).Not.ToBeVisibleAsync();

        await section.GetByText("The records behind it").ClickAsync();
        var influence = section.GetByTestId("value-lines-influence").Locator("tbody tr");
        await Expect(influence).ToHaveCountAsync(2);
        await Expect(influence.Nth(0)).ToContainTextAsync("Northwind Outfitters");
        await Expect(influence.Nth(0)).ToContainTextAsync("8,000");
        await Expect(influence.Nth(1)).ToContainTextAsync("Equal split among 2 touches");
        await Expect(influence.Nth(1)).ToContainTextAsync("2,680");
        await Expect(section.GetByTestId("value-lines-referral").Locator("tbody tr")).ToHaveCountAsync(5);

        // A line leads to the deal behind it.
        await influence.Nth(0).GetByRole(AriaRole.Link).ClickAsync();
        await Expect(page.MainHeading()).ToHaveTextAsync("Northwind Outfitters – studio suite");
        await Expect(page.GetByTestId("journey-most")).ToHaveTextAsync("References");
        Assert.Empty(errors);
    }

    [Fact]
    public async Task AnExecutiveReadsWhoIsWorthMostByMultiple()
    {
        // The values as the refresh job keeps them, worked out now rather than waited for.
        await server.QueryAsync((db, ct) => new ValueRefresh(db, new ValueReader(db), new ValueSettingsStore(db), TimeProvider.System).RecomputeAllAsync(null, ct));
        var executive = await server.AddUserAsync(Roles.Executive);
        await using var context = await server.NewContextAsync();
        var page = await context.NewPageAsync();
        var errors = WatchConsole(page);
        await page.SignInAsync(executive);

        await page.FollowNavigationAsync("Customer value");
        await Expect(page.MainHeading()).ToHaveTextAsync("Who is worth most");
        await page.GetByTestId("sort-multiple").ClickAsync();
        await Expect(page.GetByTestId("value-customers").GetByRole(AriaRole.Heading)).ToHaveTextAsync("Customers by multiple");

        var rows = page.GetByTestId("value-customer");
        await Expect(rows.Filter(new() { HasText = DemoValue.CatieAccount }).GetByTestId("customer-multiple")).ToHaveTextAsync("13.8×");
        var multiples = (await page.GetByTestId("customer-multiple").AllTextContentsAsync())
            .Select(t => double.Parse(t.TrimEnd('×'), CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(multiples.OrderDescending(), multiples);
        await Expect(page.GetByTestId("value-segments").Locator("tbody tr")).Not.ToHaveCountAsync(0);
        await Expect(page.GetByTestId("journey-ReviewSites")).ToContainTextAsync("Review sites");
        Assert.Empty(errors);
    }
}
