using Microsoft.Playwright;
using Vouch.Auth;
using static Microsoft.Playwright.Assertions;

namespace Vouch.BrowserTests;

/// <summary>A server over a database as a new program finds it: migrated, without the demo.</summary>
public sealed class NewProgramServer : VouchServer
{
    protected override bool SeedsDemo => false;
}

/// <summary>The first run of a real program: the admin's checklist on the dashboard.</summary>
public sealed class FirstRunTests(NewProgramServer server) : IClassFixture<NewProgramServer>
{
    [Fact]
    public async Task TheAdminOfANewProgramFollowsAStepOfTheChecklistAndSeesItTicked()
    {
        var admin = await server.AddUserAsync(Roles.Admin);
        await using var context = await server.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.SignInAsync(admin);
        await page.GotoAsync("/");

        var steps = page.GetByTestId("first-run").Locator("li");
        await Expect(steps).ToHaveCountAsync(4);
        await Expect(steps.Locator("strong")).ToHaveTextAsync(["To do:", "To do:", "To do:", "To do:"]);

        await page.GetByRole(AriaRole.Link, new() { Name = "Invite your reference team" }).ClickAsync();
        await Expect(page.MainHeading()).ToHaveTextAsync("Users");
        await page.GetByLabel("Email").FillAsync($"rita-{Guid.NewGuid():N}@browser.test");
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("Rita Reference");
        await page.GetByLabel("Role").SelectOptionAsync(Roles.ReferenceManager);
        await page.GetByLabel("Initial password").FillAsync("Rita-first-2026");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add user" }).ClickAsync();
        await Expect(page.GetByTestId("notice")).ToContainTextAsync("as ReferenceManager");

        await page.GotoAsync("/");
        await Expect(page.GetByTestId("first-run-team")).ToHaveClassAsync("done");
        await Expect(steps.Locator("strong")).ToHaveTextAsync(["To do:", "To do:", "Done:", "To do:"]);
    }
}
