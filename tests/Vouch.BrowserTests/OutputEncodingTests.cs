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

    [Fact]
    public async Task AnIdeaTitledLikeAScriptIsShownAsTextOnTheBoardItsPageAndInNotifications()
    {
        var advocate = await server.AddUserAsync(Roles.Advocate);
        var manager = await server.AddUserAsync(Roles.ReferenceManager);
        var tag = Guid.NewGuid().ToString("N")[..6];
        var title = $"{ScriptName} {tag}";
        Guid idea;
        using (var api = server.CreateApiClient(await server.CreateTokenAsync(advocate)))
        {
            using var posted = await api.PostAsJsonAsync("/api/v1/ideas", new { title, description = "<img src=x onerror=alert(2)>" }, TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.Created, posted.StatusCode);
            idea = (await posted.Content.ReadFromJsonAsync<Vouch.Features.Ideas.IdeaResponse>(TestContext.Current.CancellationToken))!.Id;
        }
        using (var api = server.CreateApiClient(await server.CreateTokenAsync(manager)))
        {
            using var planned = await api.PostAsJsonAsync($"/api/v1/ideas/{idea}/status", new { status = "Planned" }, TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.OK, planned.StatusCode);
        }
        await using var context = await server.NewContextAsync();
        var page = await context.NewPageAsync();
        var dialogs = new List<string>();
        page.Dialog += (_, dialog) =>
        {
            dialogs.Add(dialog.Message);
            _ = dialog.DismissAsync();
        };
        await page.SignInAsync(advocate);

        await page.GotoAsync($"/ideas?sort=new&q={tag}");
        await Expect(page.TableRows().GetByRole(AriaRole.Link, new() { Name = title })).ToHaveTextAsync(title);
        await page.GotoAsync($"/ideas/{idea}");
        await Expect(page.MainHeading()).ToHaveTextAsync(title);
        await Expect(page.GetByTestId("description")).ToHaveTextAsync("<img src=x onerror=alert(2)>");
        await Expect(page.Locator("main img")).ToHaveCountAsync(0);
        await page.GotoAsync("/notifications");
        await Expect(page.GetByTestId("notification").GetByRole(AriaRole.Link)).ToHaveTextAsync($"“{title}” is now planned.");

        Assert.False(await HasScriptContainingAsync(page, "alert(1)"));
        Assert.Empty(dialogs);
    }

    [Fact]
    public async Task AnAccountWithALongRightToLeftNameFitsAPhone()
    {
        var admin = await server.AddUserAsync(Roles.Admin);
        var tag = Guid.NewGuid().ToString("N")[..6];
        // Arabic first, so the name runs right to left, then one word longer than a phone is wide.
        var name = $"شركة الخليج {tag} {new string('W', 90)}";
        Guid account;
        using (var api = server.CreateApiClient(await server.CreateTokenAsync(admin)))
        {
            using var created = await api.PostAsJsonAsync("/api/v1/accounts", new { name }, TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            account = (await created.Content.ReadFromJsonAsync<Vouch.Features.Accounts.AccountResponse>(TestContext.Current.CancellationToken))!.Id;
        }
        await using var context = await server.NewContextAsync(PageChecks.Phone);
        var page = await context.NewPageAsync();
        await page.SignInAsync(admin);

        await page.GotoAsync($"/accounts/{account}");

        await Expect(page.MainHeading()).ToHaveTextAsync(name);
        // Its first letter is at the heading's right edge, where Arabic starts.
        Assert.True(await page.MainHeading().EvaluateAsync<bool>("""
            h => {
                const text = [...h.childNodes].find(n => n.nodeType === Node.TEXT_NODE && n.textContent.trim());
                const at = text.textContent.search(/\S/);
                const first = document.createRange();
                first.setStart(text, at);
                first.setEnd(text, at + 1);
                return h.getBoundingClientRect().right - first.getBoundingClientRect().right < 24;
            }
            """), "The name does not start at the right.");
        Assert.Null(await page.SidewaysOverflowAsync());
        await page.GotoAsync($"/accounts?q={tag}");
        await Expect(page.TableRows().GetByRole(AriaRole.Link)).ToHaveTextAsync(name);
        Assert.Null(await page.SidewaysOverflowAsync());
    }

    // The content security policy would block an injected inline script anyway; this shows none got into the page.
    private static Task<bool> HasScriptContainingAsync(IPage page, string text) =>
        page.EvaluateAsync<bool>("text => Array.from(document.scripts).some(s => s.textContent.includes(text))", text);
}
