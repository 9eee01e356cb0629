using Microsoft.Playwright;

namespace Vouch.BrowserTests;

/// <summary>What every page is held to beyond its own behaviour: accessibility, width, and a screenshot to look at.</summary>
public static class PageChecks
{
    public const int DesktopWidth = 1280;
    public const int DesktopHeight = 800;
    public const int PhoneWidth = 390;
    public const int PhoneHeight = 844;

    public static ViewportSize Desktop => new() { Width = DesktopWidth, Height = DesktopHeight };
    public static ViewportSize Phone => new() { Width = PhoneWidth, Height = PhoneHeight };

    /// <summary>Screenshots go to <c>artifacts/screenshots/</c> of the repository, by database, so a run can be looked at afterwards.</summary>
    public static string ScreenshotFolder { get; } = Path.Combine(
        RepositoryRoot(), "artifacts", "screenshots", Environment.GetEnvironmentVariable("VOUCH_TEST_DATABASE") ?? "Sqlite");

    /// <summary>
    /// Loads axe-core into every page of the context before the page's own scripts. It is injected by the browser's
    /// debugging protocol, so the pages' Content-Security-Policy stays as strict as it is in production.
    /// </summary>
    public static Task AddAccessibilityCheckerAsync(this IBrowserContext context) =>
        context.AddInitScriptAsync(scriptPath: Path.Combine(AppContext.BaseDirectory, "axe.min.js"));

    /// <summary>The serious and critical violations of WCAG 2.x A and AA that axe-core finds on the page, one line each.</summary>
    public static async Task<IReadOnlyList<string>> AccessibilityViolationsAsync(this IPage page) =>
        await page.EvaluateAsync<string[]>("""
            async () => {
                const result = await axe.run(document, {
                    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
                    resultTypes: ['violations'],
                });
                return result.violations
                    .filter(v => v.impact === 'serious' || v.impact === 'critical')
                    .map(v => `${location.pathname}${location.search}: ${v.id} (${v.impact}): ${v.help}: `
                        + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(' | '));
            }
            """);

    /// <summary>
    /// Null when the page fits its window; otherwise how far it scrolls sideways and the outermost elements that stick out,
    /// so a failure names what to fix.
    /// </summary>
    public static Task<string?> SidewaysOverflowAsync(this IPage page) =>
        page.EvaluateAsync<string?>("""
            () => {
                const overflow = document.documentElement.scrollWidth - window.innerWidth;
                if (overflow <= 0) return null;
                const describe = e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '')
                    + [...e.classList].map(c => '.' + c).join('') + (e.dataset.testid ? `[data-testid=${e.dataset.testid}]` : '');
                // What a scrolling ancestor (a .table-wrap) clips does not widen the page.
                const clipped = e => {
                    for (let a = e.parentElement; a && a !== document.body; a = a.parentElement) {
                        if (getComputedStyle(a).overflowX !== 'visible') return true;
                    }
                    return false;
                };
                const out = [...document.body.querySelectorAll('*')]
                    .filter(e => e.checkVisibility() && e.getBoundingClientRect().right > window.innerWidth + 1 && !clipped(e))
                    .filter(e => !e.parentElement || e.parentElement.getBoundingClientRect().right <= window.innerWidth + 1);
                return `${overflow} px too wide (${out.slice(0, 3).map(describe).join(', ')})`;
            }
            """);

    /// <summary>Saves a full-page screenshot as <paramref name="name"/>.png under <see cref="ScreenshotFolder"/>.</summary>
    public static Task SaveScreenshotAsync(this IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotFolder, name + ".png"), FullPage = true });

    /// <summary>
    /// Fails when the page scrolls sideways in its window or has a serious accessibility violation (its context needs
    /// <see cref="AddAccessibilityCheckerAsync"/>); keeps a screenshot of it as <paramref name="name"/> either way.
    /// </summary>
    public static async Task ExpectFitsAndAccessibleAsync(this IPage page, string name)
    {
        await page.SaveScreenshotAsync(name);
        var problems = (await page.AccessibilityViolationsAsync()).ToList();
        if (await page.SidewaysOverflowAsync() is { } overflow)
        {
            problems.Add($"{page.Url}: {overflow}");
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    /// <summary>A file name for a page's path: <c>/requests/new</c> is <c>requests-new</c>, <c>/</c> is <c>dashboard</c>.</summary>
    public static string Slug(string path) => path.Trim('/') is { Length: > 0 } trimmed
        ? string.Concat(trimmed.Select(c => char.IsLetterOrDigit(c) ? c : '-'))
        : "dashboard";

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Vouch.slnx")))
            {
                return folder.FullName;
            }
        }
        return AppContext.BaseDirectory;
    }
}
