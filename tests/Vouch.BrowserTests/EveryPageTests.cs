using Microsoft.Playwright;
using Vouch.Seeding;

namespace Vouch.BrowserTests;

/// <summary>
/// The demo as each of its people sees it: every page of their navigation loads under the Content-Security-Policy
/// with no console error, no script error and no request that fails, has no serious accessibility violation, and fits
/// a 1280-pixel window and a phone without scrolling sideways. A screenshot of each is kept at both sizes.
/// </summary>
public sealed class EveryPageTests(VouchServer server) : IClassFixture<VouchServer>
{
    [Theory]
    [InlineData("admin@vouch.demo")]
    [InlineData("manager@vouch.demo")]
    [InlineData("seller@vouch.demo")]
    [InlineData("exec@vouch.demo")]
    [InlineData("advocate@vouch.demo")]
    public async Task EveryPageOfTheNavigationLoadsCleanIsAccessibleAndFitsItsWindow(string email)
    {
        var role = email[..email.IndexOf('@')];
        await using var context = await server.NewContextAsync(PageChecks.Desktop);
        await context.AddAccessibilityCheckerAsync();
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
        var paths = links.Where(h => h is not null && h.StartsWith('/')).Distinct().ToList();
        Assert.True(paths.Count >= 3, $"{email} had only {paths.Count} pages in the navigation.");

        var problems = new List<string>();
        foreach (var path in paths)
        {
            var response = await page.GotoAsync(path, new PageGotoOptions { WaitUntil = WaitUntilState.NetworkIdle });
            Assert.True(response?.Ok, $"{email}: {path} answered {response?.Status}");
            problems.AddRange(await page.AccessibilityViolationsAsync());
            if (await page.SidewaysOverflowAsync() is { } overflow)
            {
                problems.Add($"{path} at {PageChecks.DesktopWidth} px: {overflow}");
            }
            await page.SaveScreenshotAsync($"desktop/{role}-{PageChecks.Slug(path)}");
        }

        await page.SetViewportSizeAsync(PageChecks.PhoneWidth, PageChecks.PhoneHeight);
        foreach (var path in paths)
        {
            await page.GotoAsync(path);
            if (await page.SidewaysOverflowAsync() is { } overflow)
            {
                problems.Add($"{path} at {PageChecks.PhoneWidth} px: {overflow}");
            }
            await page.SaveScreenshotAsync($"phone/{role}-{PageChecks.Slug(path)}");
        }

        Assert.Empty(errors);
        Assert.True(problems.Count == 0, $"{email}:\n" + string.Join("\n", problems));
    }
}
