using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Vouch.BrowserTests;

public static class PageExtensions
{
    /// <summary>Fills in and sends the sign-in form.</summary>
    public static async Task SubmitSignInAsync(this IPage page, string email, string password)
    {
        await page.GotoAsync("/sign-in");
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
    }

    /// <summary>Signs in through the form; the click waits for the page it leads to.</summary>
    public static async Task SignInAsync(this IPage page, TestUser user)
    {
        await page.SubmitSignInAsync(user.Email, VouchServer.Password);
        // A refused sign-in stays on the form: say why here rather than fail later on a missing element.
        if (new Uri(page.Url).AbsolutePath == "/sign-in")
        {
            throw new InvalidOperationException($"{user.Email} was not signed in: {await page.InnerTextAsync("body")}");
        }
    }

    public static ILocator MainHeading(this IPage page) => page.GetByRole(AriaRole.Heading, new() { Level = 1 });

    public static ILocator MainNavigation(this IPage page) => page.GetByRole(AriaRole.Navigation, new() { Name = "Main" });

    /// <summary>Every link of the main navigation, those inside closed menus too.</summary>
    public static ILocator NavigationLinks(this IPage page) => page.MainNavigation().Locator("a");

    /// <summary>Follows a link of the main navigation as a person would: opening its menu first when it is in one.</summary>
    public static async Task FollowNavigationAsync(this IPage page, string label)
    {
        var labelled = new LocatorFilterOptions { HasTextRegex = new Regex($"^\\s*{Regex.Escape(label)}") };
        var link = page.NavigationLinks().Filter(labelled);
        if (!await link.IsVisibleAsync())
        {
            await page.MainNavigation().Locator("details", new() { Has = page.Locator("a").Filter(labelled) }).Locator("summary").ClickAsync();
        }
        await link.ClickAsync();
    }

    /// <summary>The body rows of the page's one table.</summary>
    public static ILocator TableRows(this IPage page) => page.Locator("table tbody tr");

    /// <summary>Adds to <paramref name="errors"/> every console error and uncaught script error of the page, with where it came from.</summary>
    public static void CollectErrors(this IPage page, ICollection<string> errors)
    {
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                errors.Add($"{page.Url}: {message.Location}: {message.Text}");
            }
        };
        page.PageError += (_, error) => errors.Add($"{page.Url}: {error}");
    }
}
