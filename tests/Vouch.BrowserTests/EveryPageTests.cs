using Microsoft.Playwright;
using Vouch.Seeding;

namespace Vouch.BrowserTests;

/// <summary>
/// The demo as each of its people sees it: every page of their navigation loads under the Content-Security-Policy
/// with no console error, no script error and no request that fails.
/// </summary>
public sealed class EveryPageTests(VouchServer server) : IClassFixture<VouchServer>
{
    [Theory]
    [InlineData("admin@vouch.demo")]
    [InlineData("manager@vouch.demo")]
    [InlineData("seller@vouch.demo")]
    [InlineData("exec@vouch.demo")]
    [InlineData("advocate@vouch.demo")]
    public async Task EveryPageOfTheNavigationLoadsWithoutAnErrorOrAFailedRequest(string email)
    {
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
        await page.SubmitSignInAsync(email, DemoData.Password);
        var links = await page.NavigationLinks().EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))");

        var visited = 0;
        foreach (var href in links.Where(h => h is not null && h.StartsWith('/')).Distinct())
        {
            var response = await page.GotoAsync(href, new PageGotoOptions { WaitUntil = WaitUntilState.NetworkIdle });
            Assert.True(response?.Ok, $"{email}: {href} answered {response?.Status}");
            visited++;
        }

        Assert.True(visited >= 3, $"{email} had only {visited} pages in the navigation.");
        Assert.Empty(errors);
    }
}
