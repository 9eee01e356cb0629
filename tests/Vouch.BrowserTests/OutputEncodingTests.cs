using System.Net;
using System.Net.Http.Json;
using Microsoft.Playwright;
using Vouch.Auth;
using static Microsoft.Playwright.Assertions;

namespace Vouch.BrowserTests;

public sealed class OutputEncodingTests(VouchServer server) : IClassFixture<VouchServer>
{
    private const string ScriptName = "<script>alert(1)</script>";

    [Fact]
    public async Task AnAccountNamedLikeAScriptIsShownAsText()
    {
        var admin = await server.AddUserAsync(Roles.Admin);
        using (var api = server.CreateApiClient(await server.CreateTokenAsync(admin)))
        {
            using var created = await api.PostAsJsonAsync("/api/v1/accounts", new { name = ScriptName }, TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        }
        await using var context = await server.NewContextAsync();
        var page = await context.NewPageAsync();
        var dialogs = new List<string>();
        page.Dialog += (_, dialog) =>
        {
            dialogs.Add(dialog.Message);
            _ = dialog.DismissAsync();
        };
        await page.SignInAsync(admin);
        await page.GotoAsync("/accounts");

        // Searching for the name also puts it back into the search box's value attribute.
        await page.GetByRole(AriaRole.Searchbox, new() { Name = "Search" }).FillAsync(ScriptName);
        await page.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();

        await Expect(page.GetByTestId("result-count")).ToHaveTextAsync("1 found · page 1 of 1");
        await Expect(page.GetByRole(AriaRole.Searchbox, new() { Name = "Search" })).ToHaveValueAsync(ScriptName);
        var link = page.TableRows().GetByRole(AriaRole.Link);
        await Expect(link).ToHaveTextAsync(ScriptName);
        Assert.False(await HasScriptContainingAsync(page, "alert(1)"));

        await link.ClickAsync();

        await Expect(page.MainHeading()).ToHaveTextAsync(ScriptName);
        await Expect(page).ToHaveTitleAsync($"{ScriptName} · Vouch");
        Assert.False(await HasScriptContainingAsync(page, "alert(1)"));
        Assert.Empty(dialogs);
    }

    // The content security policy would block an injected inline script anyway; this shows none got into the page.
    private static Task<bool> HasScriptContainingAsync(IPage page, string text) =>
        page.EvaluateAsync<bool>("text => Array.from(document.scripts).some(s => s.textContent.includes(text))", text);
}
