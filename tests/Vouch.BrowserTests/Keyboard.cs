using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Vouch.BrowserTests;

/// <summary>Moving through a page as someone without a mouse does: Tab to a control, with its focus plain to see, then Enter.</summary>
public static class Keyboard
{
    /// <summary>Presses Tab until <paramref name="target"/> has the focus; fails if it takes more than <paramref name="most"/> presses or the focus cannot be seen.</summary>
    public static async Task TabToAsync(this IPage page, ILocator target, int most = 80)
    {
        for (var presses = 1; presses <= most; presses++)
        {
            await page.Keyboard.PressAsync("Tab");
            if (await target.EvaluateAsync<bool>("e => e === document.activeElement"))
            {
                var indicator = await target.EvaluateAsync<string>("""
                    e => {
                        const style = getComputedStyle(e);
                        if (style.boxShadow !== 'none') return 'box-shadow';
                        if (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0) return 'outline';
                        return '';
                    }
                    """);
                Assert.True(indicator.Length > 0, $"{page.Url}: the focus on {await target.EvaluateAsync<string>("e => e.outerHTML")} cannot be seen.");
                return;
            }
        }
        Assert.Fail($"{page.Url}: {target} was not reached in {most} presses of Tab.");
    }

    /// <summary>Tabs to <paramref name="target"/> and presses Enter on it.</summary>
    public static async Task TabToAndPressEnterAsync(this IPage page, ILocator target, int most = 80)
    {
        await page.TabToAsync(target, most);
        await page.Keyboard.PressAsync("Enter");
    }

    /// <summary>Follows a link of the main navigation with the keyboard: opening its menu with Enter first when it is in one.</summary>
    public static async Task KeyboardFollowNavigationAsync(this IPage page, string label)
    {
        var labelled = new LocatorFilterOptions { HasTextRegex = new Regex($"^\\s*{Regex.Escape(label)}") };
        var link = page.NavigationLinks().Filter(labelled);
        if (!await link.IsVisibleAsync())
        {
            var menu = page.MainNavigation().Locator("details", new() { Has = page.Locator("a").Filter(labelled) }).Locator("summary");
            await page.TabToAndPressEnterAsync(menu);
        }
        await page.TabToAndPressEnterAsync(link);
    }
}
