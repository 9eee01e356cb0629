using Microsoft.Playwright;
using Vouch.Auth;
using static Microsoft.Playwright.Assertions;

namespace Vouch.BrowserTests;

public sealed class PhoneLayoutTests(VouchServer server) : IClassFixture<VouchServer>
{
    private const int PhoneWidth = 390;
    private const int PhoneHeight = 844;

    [Fact]
    public async Task APhoneShowsTheNavigationAndTheAccountsWithoutScrollingSideways()
    {
        var seller = await server.AddUserAsync(Roles.Seller);
        await using var context = await server.NewContextAsync(new ViewportSize { Width = PhoneWidth, Height = PhoneHeight });
        var page = await context.NewPageAsync();
        await page.SignInAsync(seller);

        await page.GotoAsync("/accounts");

        await Expect(page.NavigationLinks()).ToHaveTextAsync(await server.NavigationLabelsAsync(Roles.Seller));
        // Every link outside a menu, and every menu, is on screen; a menu's links are when it is opened.
        foreach (var item in await page.MainNavigation().Locator("a:visible, summary").AllAsync())
        {
            await Expect(item).ToBeInViewportAsync();
        }
        var menu = page.MainNavigation().Locator("details").First;
        await menu.Locator("summary").ClickAsync();
        foreach (var link in await menu.Locator("a").AllAsync())
        {
            await Expect(link).ToBeInViewportAsync();
        }
        await menu.Locator("summary").ClickAsync();
        var mine = page.GetByTestId("nav-personal");
        await mine.Locator("summary").ClickAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sign out" })).ToBeInViewportAsync();
        await mine.Locator("summary").ClickAsync();
        // The filters come first, so the table starts below the fold; scrolled to, its first account is on screen.
        var firstAccount = page.TableRows().First.GetByRole(AriaRole.Link);
        await firstAccount.ScrollIntoViewIfNeededAsync();
        await Expect(firstAccount).ToBeInViewportAsync();

        var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, window.innerWidth]");
        Assert.Equal(PhoneWidth, widths[1]);
        Assert.True(widths[0] <= widths[1], $"The page is {widths[0]} px wide on a {widths[1]} px wide screen.");
    }
}
