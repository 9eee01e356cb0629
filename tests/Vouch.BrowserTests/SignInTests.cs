using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Vouch.Auth;
using static Microsoft.Playwright.Assertions;

namespace Vouch.BrowserTests;

public sealed class SignInTests(VouchServer server) : IClassFixture<VouchServer>
{
    [Fact]
    public async Task TheRightPasswordLeadsToTheDashboardWithTheNumberOfAccounts()
    {
        var user = await server.AddUserAsync(Roles.ReferenceManager);
        var accounts = await server.QueryAsync((db, ct) => db.Accounts.CountAsync(ct));
        Assert.NotEqual(0, accounts);
        await using var context = await server.NewContextAsync();
        var page = await context.NewPageAsync();

        await page.SignInAsync(user);

        await Expect(page).ToHaveURLAsync(server.Url("/"));
        await Expect(page.MainHeading()).ToHaveTextAsync("Reference program");
        await Expect(page.GetByTestId("accounts-count")).ToHaveTextAsync(accounts.ToString("N0", CultureInfo.GetCultureInfo("en")));
    }

    [Fact]
    public async Task AWrongPasswordShowsWhyAndStaysOnSignIn()
    {
        var user = await server.AddUserAsync(Roles.Seller);
        await using var context = await server.NewContextAsync();
        var page = await context.NewPageAsync();

        await page.SubmitSignInAsync(user.Email, "Not-the-password-1");

        await Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("The email or password is not right, or the account is disabled.");
        await Expect(page).ToHaveURLAsync(server.Url("/sign-in"));
        await Expect(page.GetByLabel("Email")).ToHaveValueAsync(user.Email);
    }

    [Fact]
    public async Task SigningOutShowsTheSignedOutPageAndTheDashboardThenAsksToSignIn()
    {
        var user = await server.AddUserAsync(Roles.Seller);
        await using var context = await server.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.SignInAsync(user);

        // Signing out is in the menu under the user's name.
        await page.GetByTestId("nav-personal").Locator("summary").ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();

        await Expect(page).ToHaveURLAsync(server.Url("/sign-out"));
        await Expect(page.MainHeading()).ToHaveTextAsync("You are signed out");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sign out" })).ToHaveCountAsync(0);

        await page.GotoAsync("/");

        await Expect(page).ToHaveURLAsync(server.Url("/sign-in?ReturnUrl=%2F"));
        await Expect(page.MainHeading()).ToHaveTextAsync("Sign in to Vouch");
    }
}
