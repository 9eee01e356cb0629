using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Vouch.Auth;
using static Microsoft.Playwright.Assertions;

namespace Vouch.BrowserTests;

/// <summary>What each role sees, and what it is refused.</summary>
public sealed class RoleTests(VouchServer server) : IClassFixture<VouchServer>
{
    [Fact]
    public async Task AnAdminAddsAUserOnTheUsersPage()
    {
        var admin = await server.AddUserAsync(Roles.Admin);
        var email = $"nina-{Guid.NewGuid():N}@browser.test";
        await using var context = await server.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.SignInAsync(admin);
        await page.FollowNavigationAsync("Users");
        await Expect(page.MainHeading()).ToHaveTextAsync("Users");

        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("Nina Newcomer");
        await page.GetByLabel("Role").SelectOptionAsync(Roles.Seller);
        await page.GetByLabel("Initial password").FillAsync("Nina-first-2026");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add user" }).ClickAsync();

        await Expect(page.GetByTestId("notice")).ToHaveTextAsync($"Added {email} as Seller.");
        var row = page.TableRows().Filter(new() { Has = page.GetByRole(AriaRole.Cell, new() { Name = email, Exact = true }) });
        await Expect(row.GetByRole(AriaRole.Cell)).ToHaveTextAsync([email, "Nina Newcomer", "Seller", "Active", "Disable"]);
    }

    [Fact]
    public async Task AReferenceManagerFiltersAccountsByIndustry()
    {
        var manager = await server.AddUserAsync(Roles.ReferenceManager);
        var industries = await server.QueryAsync((db, ct) => db.Accounts.Where(a => a.Industry != null).Select(a => a.Industry!.Name).ToListAsync(ct));
        var industry = industries.CountBy(name => name).OrderByDescending(i => i.Value).ThenBy(i => i.Key, StringComparer.Ordinal).First();
        await using var context = await server.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.SignInAsync(manager);
        await page.GotoAsync("/accounts");

        await page.GetByLabel("Industry").SelectOptionAsync(new SelectOptionValue { Label = industry.Key });
        await page.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();

        await Expect(page.GetByTestId("result-count")).ToHaveTextAsync($"{industry.Value} found · page 1 of 1");
        await Expect(page.TableRows().Locator("td:nth-child(2)")).ToHaveTextAsync([.. Enumerable.Repeat(industry.Key, industry.Value)]);
    }

    [Fact]
    public async Task ASellerSearchesAccountsByName()
    {
        var seller = await server.AddUserAsync(Roles.Seller);
        var names = await server.QueryAsync((db, ct) => db.Accounts.Select(a => a.Name).ToListAsync(ct));
        // What a person would type: part of a company's name, in lower case.
        var text = names.Order(StringComparer.Ordinal).First().Split(' ', ',')[0].ToLowerInvariant();
        var matching = names.Where(name => name.Contains(text, StringComparison.OrdinalIgnoreCase)).Order(StringComparer.Ordinal).ToList();
        await using var context = await server.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.SignInAsync(seller);
        await page.GotoAsync("/accounts");

        await page.GetByRole(AriaRole.Searchbox, new() { Name = "Search" }).FillAsync(text);
        await page.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();

        await Expect(page.GetByTestId("result-count")).ToHaveTextAsync($"{matching.Count} found · page 1 of 1");
        var shown = await page.TableRows().Locator("td:nth-child(1)").AllInnerTextsAsync();
        Assert.Equal(matching, shown.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task AnExecutiveSeesTheDashboard()
    {
        var executive = await server.AddUserAsync(Roles.Executive);
        var (accounts, contacts) = await server.QueryAsync(async (db, ct) => (await db.Accounts.CountAsync(ct), await db.Contacts.CountAsync(ct)));
        await using var context = await server.NewContextAsync();
        var page = await context.NewPageAsync();

        await page.SignInAsync(executive);

        await Expect(page).ToHaveURLAsync(server.Url("/"));
        await Expect(page.MainHeading()).ToHaveTextAsync("Reference program");
        await Expect(page.GetByTestId("accounts-count")).ToHaveTextAsync(accounts.ToString("N0", CultureInfo.GetCultureInfo("en")));
        await Expect(page.GetByTestId("contacts-count")).ToHaveTextAsync(contacts.ToString("N0", CultureInfo.GetCultureInfo("en")));
        await Expect(page.NavigationLinks()).ToHaveTextAsync(await server.NavigationLabelsAsync(Roles.Executive));
        await Expect(page.NavigationLinks().Filter(new() { HasText = "Users" })).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task AnAdvocateLandsOnTheirPortalAndIsRefusedTheInventoryAndUsers()
    {
        var advocate = await server.AddUserAsync(Roles.Advocate);
        await using var context = await server.NewContextAsync();
        var page = await context.NewPageAsync();

        await page.SignInAsync(advocate);

        await Expect(page).ToHaveURLAsync(server.Url("/portal"));
        await Expect(page.MainHeading()).ToHaveTextAsync($"Welcome, {advocate.Name}");
        await Expect(page.NavigationLinks()).ToHaveTextAsync(await server.NavigationLabelsAsync(Roles.Advocate));
        await Expect(page.NavigationLinks().Filter(new() { HasText = "Accounts" })).ToHaveCountAsync(0);
        await AssertRefusedAsync(page, "/accounts");
        await AssertRefusedAsync(page, "/users");
    }

    [Fact]
    public async Task ASellerIsRefusedTheUsersPage()
    {
        var seller = await server.AddUserAsync(Roles.Seller);
        await using var context = await server.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.SignInAsync(seller);

        await AssertRefusedAsync(page, "/users");
    }

    private async Task AssertRefusedAsync(IPage page, string path)
    {
        var response = await page.GotoAsync(path);

        Assert.Equal(403, response?.Status);
        await Expect(page).ToHaveURLAsync(server.Url("/access-denied?ReturnUrl=" + Uri.EscapeDataString(path)));
        await Expect(page.MainHeading()).ToHaveTextAsync("Not allowed");
    }
}
