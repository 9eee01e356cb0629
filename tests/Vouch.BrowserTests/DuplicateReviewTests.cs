using System.Net.Http.Json;
using Microsoft.Playwright;
using Vouch.Auth;
using Vouch.Features.Ideas;
using static Microsoft.Playwright.Assertions;

namespace Vouch.BrowserTests;

/// <summary>A manager reviews the board's likely duplicates in one place and merges one.</summary>
public sealed class DuplicateReviewTests(VouchServer server) : IClassFixture<VouchServer>
{
    [Fact]
    public async Task AManagerMergesALikelyDuplicateFromTheReviewPage()
    {
        var manager = await server.AddUserAsync(Roles.ReferenceManager);
        // The demo's ideas are embedded in the background after the server starts; wait until they are grouped.
        using (var api = server.CreateApiClient(await server.CreateTokenAsync(manager)))
        {
            for (var tries = 0; tries < 120; tries++)
            {
                var clusters = await api.GetFromJsonAsync<List<DuplicateCluster>>("/api/v1/ideas/duplicates", TestContext.Current.CancellationToken);
                if (clusters is { Count: > 0 })
                {
                    break;
                }
                await Task.Delay(500, TestContext.Current.CancellationToken);
            }
        }
        await using var context = await server.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.SignInAsync(manager);
        await page.FollowNavigationAsync("Ideas");
        await page.GetByTestId("likely-duplicates").ClickAsync();
        await Expect(page.MainHeading()).ToHaveTextAsync("Likely duplicates");

        var cluster = page.GetByTestId("duplicate-cluster").Filter(new() { HasText = "Edit many contacts at once" });
        await Expect(cluster).ToContainTextAsync("Bulk edit contacts");
        await cluster.GetByRole(AriaRole.Button).First.ClickAsync();

        await Expect(page.GetByTestId("notice")).ToHaveTextAsync("Merged: its votes now count for the original.");
        await Expect(page.GetByTestId("duplicate-cluster").Filter(new() { HasText = "Edit many contacts at once" })).ToHaveCountAsync(0);
    }
}
