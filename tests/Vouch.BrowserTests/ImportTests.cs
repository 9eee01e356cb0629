using System.Text;
using Microsoft.Playwright;
using Vouch.Auth;
using static Microsoft.Playwright.Assertions;

namespace Vouch.BrowserTests;

/// <summary>A reference manager imports a spreadsheet on the import page and follows it to its report.</summary>
public sealed class ImportTests(VouchServer server) : IClassFixture<VouchServer>
{
    [Fact]
    public async Task AReferenceManagerUploadsACsvSeesItsProgressAndThenTheReportWithTheRejectedRow()
    {
        var manager = await server.AddUserAsync(Roles.ReferenceManager);
        var tag = Guid.NewGuid().ToString("N")[..8];
        // Enough rows for the import to take a few batches, so its progress can be seen.
        var csv = new StringBuilder("Name,Employee count,Country\n");
        for (var i = 1; i <= 3000; i++)
        {
            csv.Append(i == 2 ? $"Browser {tag} {i},lots,DE\n" : $"Browser {tag} {i},{i},DE\n");
        }
        await using var context = await server.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.SignInAsync(manager);
        await page.FollowNavigationAsync("Import");
        await Expect(page.MainHeading()).ToHaveTextAsync("Import");

        await page.GetByLabel("What the file holds").SelectOptionAsync("accounts");
        await page.Locator("input[name=files]").SetInputFilesAsync(new FilePayload { Name = "accounts.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(csv.ToString()) });
        await page.GetByLabel("Column mapping (optional)").FillAsync("Employee count=Employees");
        await page.GetByRole(AriaRole.Button, new() { Name = "Import" }).ClickAsync();

        await Expect(page.MainHeading()).ToHaveTextAsync("Import of accounts");
        await Expect(page.GetByTestId("import-progress")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("import-report")).ToBeVisibleAsync(new() { Timeout = 120_000 });
        await Expect(page.GetByTestId("count-created")).ToHaveTextAsync("2999");
        await Expect(page.GetByTestId("count-rejected")).ToHaveTextAsync("1");
        await Expect(page.GetByTestId("rejections").Locator("tbody tr td")).ToHaveTextAsync(["accounts.csv", "3", "Employee count", "'lots' is not a whole number"]);
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Download the report (CSV)" })).ToHaveAttributeAsync("href", new System.Text.RegularExpressions.Regex("/api/v1/imports/.+/report$"));

        // Once it has finished, the page lists what it changed: 2,999 accounts created, 50 a page, each linked.
        var changes = page.GetByTestId("changes");
        await Expect(changes.Locator("tbody tr")).ToHaveCountAsync(50);
        await Expect(changes.Locator("tbody tr").First.Locator("td").Nth(0)).ToHaveTextAsync("Account");
        await Expect(changes.Locator("tbody tr").First.Locator("td").Nth(2)).ToHaveTextAsync("Created");
        await Expect(page.GetByTestId("import-changes").GetByTestId("result-count")).ToContainTextAsync("2,999");
        await changes.Locator("tbody tr").First.Locator("a").ClickAsync();
        await Expect(page.MainHeading()).ToHaveTextAsync(new System.Text.RegularExpressions.Regex($"^Browser {tag} [0-9]+$"));
    }

    [Fact]
    public async Task AFileOfTheWrongKindIsRefusedWithTheReason()
    {
        var manager = await server.AddUserAsync(Roles.Admin);
        await using var context = await server.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.SignInAsync(manager);
        await page.GotoAsync("/import");

        await page.Locator("input[name=files]").SetInputFilesAsync(new FilePayload { Name = "logo.png", MimeType = "image/png", Buffer = [0x89, 0x50, 0x4E, 0x47] });
        await page.GetByRole(AriaRole.Button, new() { Name = "Import" }).ClickAsync();

        await Expect(page.GetByTestId("error-files")).ToHaveTextAsync("'logo.png' is not a .csv or .xlsx file.");
    }
}
