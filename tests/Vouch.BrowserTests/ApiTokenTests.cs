using System.Net;
using System.Net.Http.Json;
using Microsoft.Playwright;
using Vouch.Auth;
using Vouch.Features.Users;
using static Microsoft.Playwright.Assertions;

namespace Vouch.BrowserTests;

public sealed class ApiTokenTests(VouchServer server) : IClassFixture<VouchServer>
{
    [Fact]
    public async Task ATokenCreatedOnTheTokensPageCallsTheApiAsItsUser()
    {
        var user = await server.AddUserAsync(Roles.Seller);
        await using var context = await server.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.SignInAsync(user);
        await page.FollowNavigationAsync("API tokens");

        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("Deal desk script");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create token" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Token Deal desk script created. Copy it now; it is not shown again.");
        await Expect(page.TableRows()).ToHaveCountAsync(1);
        await Expect(page.TableRows().GetByRole(AriaRole.Cell).First).ToHaveTextAsync("Deal desk script");
        var token = await page.GetByTestId("new-token").InnerTextAsync();

        using var api = server.CreateApiClient(token);
        using var response = await api.GetAsync("/api/v1/me", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var me = await response.Content.ReadFromJsonAsync<MeResponse>(TestContext.Current.CancellationToken);
        Assert.NotNull(me);
        Assert.Equal(user.Email, me.Email);
        Assert.Equal(user.Id, me.Id);
        Assert.Equal([Roles.Seller], me.Roles);
    }

    [Fact]
    public async Task TheApiReferenceShowsTheEndpointsToASignedInUser()
    {
        var user = await server.AddUserAsync(Roles.Seller);
        await using var context = await server.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.SignInAsync(user);

        await page.GetByRole(AriaRole.Contentinfo).GetByRole(AriaRole.Link, new() { Name = "API reference" }).ClickAsync();
        // The reference page is a large script that fetches and renders the document: slower than our pages.
        await Expect(page.GetByText("Who the caller is, with their roles.").First).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await page.GetByRole(AriaRole.Complementary).GetByText("Accounts", new() { Exact = true }).ClickAsync();

        await Expect(page.GetByText("Search accounts, a page at a time, with the total.").First).ToBeVisibleAsync();
    }
}
