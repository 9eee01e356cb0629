using Microsoft.Playwright;
using Vouch.Auth;
using Vouch.Testing;
using static Microsoft.Playwright.Assertions;

namespace Vouch.BrowserTests;

/// <summary>
/// An admin subscribes an endpoint, copies its secret, sends it a test event and sees it delivered; and connects a Slack
/// channel to the steps about to miss their service level.
/// </summary>
public sealed class WebhookTests(VouchServer server) : IClassFixture<VouchServer>
{
    [Fact]
    public async Task AnAdminSubscribesAnEndpointAndSeesATestEventDelivered()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var path = $"/ok/{Guid.NewGuid():N}";
        var name = $"Warehouse {Guid.NewGuid():N}"[..18];
        var admin = await server.AddUserAsync(Roles.Admin);
        await using var context = await server.NewContextAsync();
        var page = await context.NewPageAsync();
        var errors = new List<string>();
        page.CollectErrors(errors);
        await page.SignInAsync(admin);

        await page.FollowNavigationAsync("Webhooks and channels");
        await Expect(page.MainHeading()).ToHaveTextAsync("Webhooks and channels");
        await page.GetByText("New webhook").ClickAsync();
        var form = page.GetByTestId("new-webhook");
        await form.GetByLabel("Name").FillAsync(name);
        await form.GetByLabel("Endpoint").FillAsync(receiver.Url(path));
        await form.GetByLabel("idea.status-changed").CheckAsync();
        await form.GetByRole(AriaRole.Button, new() { Name = "Subscribe" }).ClickAsync();
        await Expect(page.GetByTestId("secret")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^whsec_[A-Za-z0-9+/=]{44}$"));

        await page.GetByRole(AriaRole.Link, new() { Name = name }).ClickAsync();
        await Expect(page.MainHeading()).ToHaveTextAsync(name);
        await Expect(page.GetByTestId("state")).ToHaveTextAsync("On");
        await page.GetByTestId("ping").ClickAsync();
        await Expect(page.GetByTestId("notice")).ToContainTextAsync("A webhook.ping event is on its way");

        var ping = Assert.Single(await receiver.WaitForAsync(path, 1));
        Assert.Contains("\"type\":\"webhook.ping\"", ping.Body, StringComparison.Ordinal);
        // The page shows deliveries as they stood when it was drawn: reload until the sender has written the answer.
        for (var tries = 0; tries < 50 && await page.GetByTestId("delivery-state").TextContentAsync() != "Delivered"; tries++)
        {
            await Task.Delay(200, TestContext.Current.CancellationToken);
            await page.ReloadAsync();
        }
        await Expect(page.GetByTestId("delivery-state")).ToHaveTextAsync("Delivered");
        await Expect(page.GetByTestId("answer")).ToContainTextAsync("200 in");
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    [Fact]
    public async Task AnAdminConnectsASlackChannelToStepsAboutToMissTheirServiceLevel()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var name = $"#sla-{Guid.NewGuid():N}"[..14];
        var admin = await server.AddUserAsync(Roles.Admin);
        await using var context = await server.NewContextAsync();
        var page = await context.NewPageAsync();
        var errors = new List<string>();
        page.CollectErrors(errors);
        await page.SignInAsync(admin);

        await page.FollowNavigationAsync("Webhooks and channels");
        await page.GetByText("Connect a channel").ClickAsync();
        var form = page.GetByTestId("new-channel");
        await form.GetByLabel("Where").SelectOptionAsync("Slack");
        await form.GetByLabel("Name").FillAsync(name);
        await form.GetByLabel("Incoming webhook address").FillAsync(receiver.Url($"/slack/{Guid.NewGuid():N}"));
        await form.GetByLabel("request.sla-at-risk").CheckAsync();
        await form.GetByRole(AriaRole.Button, new() { Name = "Connect" }).ClickAsync();

        await Expect(page.MainHeading()).ToHaveTextAsync(name);
        await Expect(page.GetByTestId("notice")).ToHaveTextAsync($"The Slack channel \"{name}\" is connected.");
        await page.FollowNavigationAsync("Webhooks and channels");
        var listed = page.GetByTestId("subscription").Filter(new() { HasText = name });
        await Expect(listed).ToContainTextAsync("request.sla-at-risk");
        await Expect(listed.GetByTestId("state")).ToHaveTextAsync("On");
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }
}
