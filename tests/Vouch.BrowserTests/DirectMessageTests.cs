using Vouch.Auth;
using Vouch.Testing;
using static Microsoft.Playwright.Assertions;

namespace Vouch.BrowserTests;

/// <summary>The demo server with a Slack app whose Web API is a stand-in on 127.0.0.1.</summary>
public sealed class SlackServer : VouchServer
{
    public SlackStandIn Slack { get; private set; } = null!;

    protected override async Task<IReadOnlyDictionary<string, string>> MoreSettingsAsync()
    {
        Slack = await SlackStandIn.StartAsync();
        return new Dictionary<string, string>
        {
            ["Slack:AllowHttp"] = "true",
            ["Slack:ApiUrl"] = Slack.ApiUrl,
            ["Slack:BotToken"] = Slack.Token,
        };
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (Slack is not null)
        {
            await Slack.DisposeAsync();
        }
    }
}

/// <summary>A seller finds themselves in Slack by their email, sends themselves a test message and sees it sent.</summary>
public sealed class DirectMessageTests(SlackServer server) : IClassFixture<SlackServer>
{
    [Fact]
    public async Task AUserFindsThemselvesInSlackAndSeesTheirTestMessageSent()
    {
        var seller = await server.AddUserAsync(Roles.Seller);
        var member = server.Slack.AddMember(seller.Email);
        await using var context = await server.NewContextAsync();
        var page = await context.NewPageAsync();
        var errors = new List<string>();
        page.CollectErrors(errors);
        await page.SignInAsync(seller);

        await page.FollowNavigationAsync("Direct messages");
        await Expect(page.MainHeading()).ToHaveTextAsync("Direct messages");
        await page.GetByTestId("find-slack").ClickAsync();
        await Expect(page.GetByTestId("notice")).ToHaveTextAsync("Slack found you by your email and is linked.");
        await Expect(page.GetByTestId("slack-linked")).ToContainTextAsync(member);

        await page.GetByTestId("send-test").ClickAsync();
        await Expect(page.GetByTestId("notice")).ToHaveTextAsync("A test message is on its way.");
        var post = Assert.Single(await server.Slack.WaitForAsync(member, 1));
        Assert.StartsWith("A test from Vouch", post.Text, StringComparison.Ordinal);
        // The page shows messages as they stood when it was drawn: reload until the sender has written the outcome.
        for (var tries = 0; tries < 50 && await page.GetByTestId("state").First.TextContentAsync() != "Sent"; tries++)
        {
            await Task.Delay(200, TestContext.Current.CancellationToken);
            await page.ReloadAsync();
        }
        await Expect(page.GetByTestId("messages").GetByTestId("state")).ToHaveTextAsync("Sent");
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }
}
