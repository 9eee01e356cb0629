using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Vouch.Auth;
using static Microsoft.Playwright.Assertions;

namespace Vouch.BrowserTests;

/// <summary>The header's search box, from the keyboard alone.</summary>
public sealed class FindTests(VouchServer server) : IClassFixture<VouchServer>
{
    [Fact]
    public async Task ASellerPressesSlashTypesPartOfAnAccountNameAndFollowsItWithTheKeyboard()
    {
        var seller = await server.AddUserAsync(Roles.Seller);
        // The first account by name is the first record of any search that finds it.
        var account = await server.QueryAsync((db, ct) => db.Accounts.OrderBy(a => a.Name).ThenBy(a => a.Id).Select(a => new { a.Id, a.Name }).FirstAsync(ct));
        var part = account.Name.Substring(1, Math.Min(5, account.Name.Length - 1)).ToLowerInvariant();
        await using var context = await server.NewContextAsync();
        var page = await context.NewPageAsync();
        var errors = new List<string>();
        page.CollectErrors(errors);
        page.RequestFailed += (_, request) => errors.Add($"{page.Url}: {request.Method} {request.Url} failed: {request.Failure}");
        page.Response += (_, response) =>
        {
            if (response.Status >= 400)
            {
                errors.Add($"{page.Url}: {response.Request.Method} {response.Url} answered {response.Status}");
            }
        };
        await page.SignInAsync(seller);
        // The key is the script's: wait until the page has run it.
        await page.WaitForLoadStateAsync(LoadState.Load);

        await page.Keyboard.PressAsync("/");
        var box = page.GetByRole(AriaRole.Searchbox, new() { Name = "Find accounts, contacts, requests, content and ideas" });
        await Expect(box).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync(part);
        var results = page.GetByTestId("find-results");
        var link = results.GetByRole(AriaRole.Link, new() { Name = account.Name, Exact = true });
        await Expect(link).ToBeVisibleAsync();

        // Escape closes the list and leaves what was typed; typing again opens it.
        await page.Keyboard.PressAsync("Escape");
        await Expect(results.GetByRole(AriaRole.Link)).ToHaveCountAsync(0);
        await Expect(box).ToHaveValueAsync(part);
        await page.Keyboard.PressAsync("Backspace");
        await page.Keyboard.TypeAsync(part[^1..]);
        await Expect(link).ToBeVisibleAsync();

        await page.Keyboard.PressAsync("Tab");
        await Expect(link).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");

        await page.WaitForURLAsync($"**/accounts/{account.Id}");
        await Expect(page.MainHeading()).ToContainTextAsync(account.Name);
        Assert.Empty(errors);
    }
}
