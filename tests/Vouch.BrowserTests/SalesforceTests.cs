using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Vouch.Auth;
using Vouch.Features.Salesforce;
using Vouch.Testing;
using static Microsoft.Playwright.Assertions;

namespace Vouch.BrowserTests;

/// <summary>The demo server connected to a Salesforce stand-in on 127.0.0.1 by the JWT bearer flow.</summary>
public sealed class SalesforceServer : VouchServer
{
    public SalesforceStandIn Org { get; private set; } = null!;

    protected override async Task<IReadOnlyDictionary<string, string>> MoreSettingsAsync()
    {
        Org = await SalesforceStandIn.StartAsync();
        return new Dictionary<string, string>
        {
            ["Salesforce:AllowHttp"] = "true",
            ["Salesforce:LoginUrl"] = Org.LoginUrl,
            ["Salesforce:ClientId"] = Org.ClientId,
            ["Salesforce:Username"] = Org.Username,
            ["Salesforce:PrivateKey"] = Org.PrivateKeyPem,
            ["Salesforce:CheckInterval"] = "00:00:00.2",
        };
    }

    /// <summary>Waits for the sync that runs on schedule when the server first starts to end.</summary>
    public async Task FirstSyncEndedAsync()
    {
        var deadline = DateTimeOffset.UtcNow.AddSeconds(30);
        while (!await QueryAsync((db, ct) => db.Set<SalesforceSyncRun>().AnyAsync(r => r.Status == SalesforceRunStatus.Completed, ct)))
        {
            Assert.True(DateTimeOffset.UtcNow < deadline, "The first sync did not end within 30 s.");
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (Org is not null)
        {
            await Org.DisposeAsync();
        }
    }
}

/// <summary>An admin syncs now, watches the sync end, reads what it rejected and turns on writing referrals back.</summary>
public sealed class SalesforceTests(SalesforceServer server) : IClassFixture<SalesforceServer>
{
    [Fact]
    public async Task AnAdminSyncsNowSeesTheRejectedRecordAndTurnsOnLeads()
    {
        // A connected org is pulled once as the server starts; records added while that runs would be its, not the test's.
        await server.FirstSyncEndedAsync();
        var tag = Guid.NewGuid().ToString("N")[..8];
        var account = server.Org.Add("Account", new Dictionary<string, object?> { ["Name"] = $"Kauri Foods {tag}" });
        var bad = server.Org.Add("Contact", new Dictionary<string, object?> { ["AccountId"] = account, ["LastName"] = $"Ruiz{tag}", ["Email"] = "not an email" });
        server.Org.Add("Contact", new Dictionary<string, object?> { ["AccountId"] = account, ["LastName"] = $"Walker{tag}", ["Email"] = $"hemi.{tag}@kauri.example" });
        var admin = await server.AddUserAsync(Roles.Admin);
        await using var context = await server.NewContextAsync();
        var page = await context.NewPageAsync();
        var errors = new List<string>();
        page.CollectErrors(errors);
        await page.SignInAsync(admin);

        await page.FollowNavigationAsync("Salesforce");
        await Expect(page.MainHeading()).ToHaveTextAsync("Salesforce");
        await Expect(page.GetByTestId("connection")).ToContainTextAsync($"JWT bearer, as {server.Org.Username}");
        await page.GetByTestId("sync-now").ClickAsync();
        await Expect(page.GetByTestId("notice")).ToContainTextAsync("A sync is starting");

        // The syncs section polls while a sync is asked for or runs, and stops once it has ended.
        var latest = page.GetByTestId("run").First;
        await Expect(page.GetByTestId("state")).ToHaveAttributeAsync("data-state", "idle", new() { Timeout = 20_000 });
        await Expect(latest.GetByTestId("run-status")).ToHaveTextAsync("completed");
        await Expect(latest.GetByTestId("run-rejected")).ToHaveTextAsync("1");
        await latest.GetByRole(AriaRole.Link).ClickAsync();
        var rejection = page.GetByTestId("rejection");
        await Expect(rejection).ToHaveCountAsync(1);
        await Expect(rejection).ToContainTextAsync($"Contact {bad}");
        await Expect(rejection).ToContainTextAsync("'not an email' is not an email address");

        await page.GoBackAsync();
        await page.GetByTestId("push-referrals").CheckAsync();
        await page.GetByTestId("options").GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Expect(page.GetByTestId("notice")).ToHaveTextAsync("The sync settings are saved.");
        await Expect(page.GetByTestId("push-referrals")).ToBeCheckedAsync();
        await Expect(page.GetByTestId("options")).ToContainTextAsync("Write each referral as a Lead (since");
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }
}
