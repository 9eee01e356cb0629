using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Vouch.Auth;
using Vouch.Data;
using Vouch.Features.DirectMessages;
using Vouch.Features.Notifications;
using Vouch.Testing;
using Vouch.Tests.Infrastructure;

namespace Vouch.Tests.Integrations;

/// <summary>
/// A user's own waiting items as direct messages, end to end: a notification saved for a linked user reaches the Slack
/// stand-in as a bot message to their member id, or their Teams workflow on the webhook receiver as an Adaptive Card;
/// Slack's refusals and rate limits are retried, then shown to the user and the admins.
/// </summary>
public sealed class DirectMessagesTests(DirectMessagesTests.App app) : IClassFixture<DirectMessagesTests.App>
{
    private const string Me = "/api/v1/integrations/direct-messages/me";
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>The app with a bot token for the Slack stand-in, sending every tenth of a second with short waits; and a Teams receiver.</summary>
    public sealed class App : VouchApp
    {
        public const int MaxAttempts = 3;
        public SlackStandIn Slack { get; private set; } = null!;
        public WebhookReceiver Receiver { get; private set; } = null!;

        public override async ValueTask InitializeAsync()
        {
            Slack = await SlackStandIn.StartAsync();
            Receiver = await WebhookReceiver.StartAsync();
            await base.InitializeAsync();
        }

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Vouch:PublicUrl", "https://vouch.example.com");
            builder.UseSetting("Slack:BotToken", Slack.Token);
            builder.UseSetting("Slack:ApiUrl", Slack.ApiUrl);
            builder.UseSetting("Slack:AllowHttp", "true");
            builder.UseSetting("Webhooks:AllowHttp", "true");
            builder.UseSetting("Webhooks:PollInterval", "00:00:00.1");
            builder.UseSetting("Webhooks:RetryDelay", "00:00:00.1");
            builder.UseSetting("Webhooks:MaxAttempts", MaxAttempts.ToString());
        }

        /// <summary>A user of <paramref name="role"/> with a client acting as them, and their email.</summary>
        public async Task<(Guid Id, string Email, HttpClient Client)> PersonAsync(string role = Roles.Seller)
        {
            var user = await AddUserAsync(role);
            return (user.Id, user.Email, ClientWithToken(await CreateTokenAsync(user.Id)));
        }

        /// <summary>Tells <paramref name="userId"/> of a waiting item, as every feature does: a notification saved.</summary>
        public Task NotifyAsync(Guid userId, string text, string? link) => WithScopeAsync(async services =>
        {
            var db = services.GetRequiredService<VouchDbContext>();
            db.Notifications.Add(new Notification { UserId = userId, At = DateTimeOffset.UtcNow, Text = text, Link = link });
            await db.SaveChangesAsync();
        });

        public Task<int> QueuedForAsync(Guid userId) =>
            WithScopeAsync(services => services.GetRequiredService<VouchDbContext>().Set<DirectMessage>().CountAsync(m => m.UserId == userId));

        public override async ValueTask DisposeAsync()
        {
            await base.DisposeAsync();
            await Slack.DisposeAsync();
            await Receiver.DisposeAsync();
        }
    }

    [Fact]
    public async Task ANotificationForALinkedUserArrivesAsASlackDirectMessageAndAnUnlinkedUserGetsNone()
    {
        var (id, email, client) = await app.PersonAsync();
        using var _ = client;
        var member = app.Slack.AddMember(email);
        var (unlinked, _, other) = await app.PersonAsync();
        using var __ = other;

        using var linked = await client.PutAsJsonAsync(Me, new { findSlackByEmail = true }, Ct);
        Assert.Equal(HttpStatusCode.OK, linked.StatusCode);
        Assert.Equal(member, (await linked.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("slackMemberId").GetString());

        var requestId = Guid.NewGuid();
        await app.NotifyAsync(id, "A reference call for Contoso <EMEA> & APAC waits on your consent.", $"/requests/{requestId}");
        await app.NotifyAsync(unlinked, "A request waits on you.", "/requests/1");

        var post = Assert.Single(await app.Slack.WaitForAsync(member, 1));
        Assert.Equal($"A reference call for Contoso &lt;EMEA&gt; &amp; APAC waits on your consent. <https://vouch.example.com/requests/{requestId}|Open in Vouch>", post.Text);
        Assert.Null(post.Error);
        var message = await WaitForMessageAsync(client, "Sent");
        Assert.Equal(("Slack", 1), (message.GetProperty("kind").GetString(), message.GetProperty("attempts").GetInt32()));
        Assert.Equal(0, await app.QueuedForAsync(unlinked));
    }

    [Fact]
    public async Task ANotificationForAUserLinkedToTeamsArrivesAtTheirWorkflowAsAnAdaptiveCard()
    {
        var (id, _, client) = await app.PersonAsync(Roles.Advocate);
        using var _ = client;
        var path = $"/teams/{Guid.NewGuid():N}";
        using var linked = await client.PutAsJsonAsync(Me, new { teamsWorkflowUrl = app.Receiver.Url(path) }, Ct);
        var body = await linked.Content.ReadAsStringAsync(Ct);
        Assert.Equal(HttpStatusCode.OK, linked.StatusCode);
        Assert.Equal("127.0.0.1", JsonDocument.Parse(body).RootElement.GetProperty("teamsHost").GetString());
        Assert.DoesNotContain(path, body);
        var logged = await app.WithScopeAsync(services => services.GetRequiredService<VouchDbContext>().AuditEntries.AsNoTracking()
            .Where(e => e.RecordType == nameof(DirectMessageLink) && e.UserId == id).Select(e => e.After).SingleAsync(Ct));
        Assert.Contains("\"ProtectedTeamsAddress\":\"(secret)\"", logged, StringComparison.Ordinal);

        await app.NotifyAsync(id, "An ask waits on your answer: a case study.", "/portal");

        using var card = JsonDocument.Parse(Assert.Single(await app.Receiver.WaitForAsync(path, 1)).Body);
        var attachment = card.RootElement.GetProperty("attachments")[0];
        Assert.Equal("application/vnd.microsoft.card.adaptive", attachment.GetProperty("contentType").GetString());
        Assert.Equal("An ask waits on your answer: a case study.", attachment.GetProperty("content").GetProperty("body")[0].GetProperty("text").GetString());
        Assert.Equal("https://vouch.example.com/portal", attachment.GetProperty("content").GetProperty("actions")[0].GetProperty("url").GetString());
        Assert.Equal("Teams", (await WaitForMessageAsync(client, "Sent")).GetProperty("kind").GetString());
    }

    [Fact]
    public async Task AMemberSlackDoesNotKnowIsRetriedThenReportedToTheUserAndTheAdmins()
    {
        var (id, _, client) = await app.PersonAsync();
        using var _ = client;
        var stranger = "U0GONE" + Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
        using (var linked = await client.PutAsJsonAsync(Me, new { slackMemberId = stranger }, Ct))
        {
            Assert.Equal(HttpStatusCode.OK, linked.StatusCode);
        }

        await app.NotifyAsync(id, "Your SLA on a reference request ends tomorrow.", "/requests/2");

        var message = await WaitForMessageAsync(client, "Failed");
        Assert.Equal(App.MaxAttempts, message.GetProperty("attempts").GetInt32());
        const string error = "Slack has no such member in this workspace (channel_not_found): link your Slack account again.";
        Assert.Equal(error, message.GetProperty("lastError").GetString());
        Assert.Equal(App.MaxAttempts, (await app.Slack.WaitForAsync(stranger, App.MaxAttempts)).Count(p => p.Error == "channel_not_found"));

        using var admin = await app.ClientForAsync(Roles.Admin);
        var status = await admin.GetFromJsonAsync<JsonElement>("/api/v1/integrations/direct-messages", Ct);
        Assert.True(status.GetProperty("slackConfigured").GetBoolean());
        Assert.Equal(SlackStandIn.Workspace, status.GetProperty("slackWorkspace").GetString());
        Assert.True(status.GetProperty("failedLast7Days").GetInt32() >= 1);
        Assert.Contains(status.GetProperty("lastErrors").EnumerateArray(), e => e.GetProperty("error").GetString() == error);
    }

    [Fact]
    public async Task ARateLimitIsWaitedOutAsSlackAsksThenReportedWhenItLasts()
    {
        var (id, email, client) = await app.PersonAsync();
        using var _ = client;
        var member = app.Slack.AddMember(email);
        using (var linked = await client.PutAsJsonAsync(Me, new { slackMemberId = member }, Ct))
        {
            Assert.Equal(HttpStatusCode.OK, linked.StatusCode);
        }

        app.Slack.RateLimit(member, 1, retryAfterSeconds: 1);
        await app.NotifyAsync(id, "A request was assigned to you.", "/requests/3");
        var posts = await app.Slack.WaitForAsync(member, 2);
        Assert.Equal(["ratelimited", null], posts.Select(p => p.Error));
        Assert.True(posts[1].At - posts[0].At >= TimeSpan.FromSeconds(0.9), $"Tried again after {posts[1].At - posts[0].At}, not after the second Slack asked for.");
        Assert.Equal(2, (await WaitForMessageAsync(client, "Sent")).GetProperty("attempts").GetInt32());

        app.Slack.RateLimit(member, App.MaxAttempts, retryAfterSeconds: 0);
        await app.NotifyAsync(id, "Another request was assigned to you.", "/requests/4");
        var failed = await WaitForMessageAsync(client, "Failed");
        Assert.Equal("Slack asked Vouch to slow down (rate limited).", failed.GetProperty("lastError").GetString());
        Assert.Equal(App.MaxAttempts, failed.GetProperty("attempts").GetInt32());
    }

    [Fact]
    public async Task ATestMessageGoesEverywhereTheUserIsLinkedAndNowhereWhenTheyAreNot()
    {
        var (_, email, client) = await app.PersonAsync(Roles.ReferenceManager);
        using var _ = client;
        using (var nothing = await client.PostAsync($"{Me}/test", null, Ct))
        {
            await nothing.AssertProblemAsync(HttpStatusCode.Conflict);
        }
        var member = app.Slack.AddMember(email);
        var path = $"/teams/{Guid.NewGuid():N}";
        using (var linked = await client.PutAsJsonAsync(Me, new { slackMemberId = member, teamsWorkflowUrl = app.Receiver.Url(path) }, Ct))
        {
            Assert.Equal(HttpStatusCode.OK, linked.StatusCode);
        }

        using var test = await client.PostAsync($"{Me}/test", null, Ct);
        Assert.Equal(HttpStatusCode.Accepted, test.StatusCode);
        Assert.Equal(["Slack", "Teams"], (await test.Content.ReadFromJsonAsync<JsonElement>(Ct)).EnumerateArray().Select(m => m.GetProperty("kind").GetString()));
        Assert.Equal($"{DirectMessageLinks.TestText} <https://vouch.example.com/direct-messages|Open in Vouch>", Assert.Single(await app.Slack.WaitForAsync(member, 1)).Text);
        Assert.Single(await app.Receiver.WaitForAsync(path, 1));
    }

    [Fact]
    public async Task SomeoneElsesLinkAndMessagesAreInvisibleAndUntouched()
    {
        var (owner, email, client) = await app.PersonAsync();
        using var _ = client;
        var member = app.Slack.AddMember(email);
        using (var linked = await client.PutAsJsonAsync(Me, new { slackMemberId = member }, Ct))
        {
            Assert.Equal(HttpStatusCode.OK, linked.StatusCode);
        }
        await app.NotifyAsync(owner, "Only for the owner.", null);
        await WaitForMessageAsync(client, "Sent");

        var (_, _, someoneElse) = await app.PersonAsync(Roles.Admin);
        using var __ = someoneElse;
        var theirs = await someoneElse.GetFromJsonAsync<JsonElement>(Me, Ct);
        Assert.Equal(JsonValueKind.Null, theirs.GetProperty("slackMemberId").ValueKind);
        Assert.Empty(theirs.GetProperty("messages").EnumerateArray());
        using (var unlinked = await someoneElse.DeleteAsync(Me, Ct))
        {
            Assert.Equal(HttpStatusCode.NoContent, unlinked.StatusCode);
        }

        var mine = await client.GetFromJsonAsync<JsonElement>(Me, Ct);
        Assert.Equal(member, mine.GetProperty("slackMemberId").GetString());
        Assert.Equal("Only for the owner.", Assert.Single(mine.GetProperty("messages").EnumerateArray()).GetProperty("text").GetString());
        using (var unlinked = await client.DeleteAsync(Me, Ct))
        {
            Assert.Equal(HttpStatusCode.NoContent, unlinked.StatusCode);
        }
        Assert.Equal(JsonValueKind.Null, (await client.GetFromJsonAsync<JsonElement>(Me, Ct)).GetProperty("slackMemberId").ValueKind);
    }

    [Theory]
    [InlineData("""{"slackMemberId":"alice"}""", "slackMemberId", "slackMemberId 'alice' is not a Slack member id: it starts with U or W")]
    [InlineData("""{"slackMemberId":"U024BE7LH","findSlackByEmail":true}""", "slackMemberId", "Give slackMemberId or findSlackByEmail, not both.")]
    [InlineData("""{"findSlackByEmail":true}""", "findSlackByEmail", "Slack has no member with the email ")]
    [InlineData("""{"teamsWorkflowUrl":"https://hooks.evil.example/workflows/1"}""", "teamsWorkflowUrl",
        "teamsWorkflowUrl is on hooks.evil.example, which is not a Teams Workflows host; Workflows addresses end in .logic.azure.com, ")]
    [InlineData("""{"teamsWorkflowUrl":"ftp://prod-1.westeurope.logic.azure.com/workflows/1"}""", "teamsWorkflowUrl", "teamsWorkflowUrl must start with https://")]
    [InlineData("""{"teamsWorkflowUrl":"not an address"}""", "teamsWorkflowUrl", "teamsWorkflowUrl must be an absolute address")]
    public async Task ABadLinkIsRefusedNamingTheFieldAndWhy(string body, string field, string startsWith)
    {
        var (_, _, client) = await app.PersonAsync();
        using var _ = client;
        using var response = await client.PutAsync(Me, new StringContent(body, System.Text.Encoding.UTF8, "application/json"), Ct);

        Assert.StartsWith(startsWith, Assert.Single(await response.AssertValidationProblemAsync(field)));
    }

    [Fact]
    public async Task ATokenSlackNoLongerAcceptsIsShownToTheAdmins()
    {
        using var admin = await app.ClientForAsync(Roles.Admin);
        app.Slack.RevokeToken();
        try
        {
            var status = await admin.GetFromJsonAsync<JsonElement>("/api/v1/integrations/direct-messages", Ct);
            Assert.Equal("Slack refused the app's bot token (invalid_auth): an admin must set a valid Slack:BotToken.", status.GetProperty("slackProblem").GetString());
        }
        finally
        {
            app.Slack.RevokeToken(false);
        }
    }

    /// <summary>Waits until the caller's latest message is <paramref name="status"/>, and returns it.</summary>
    private static async Task<JsonElement> WaitForMessageAsync(HttpClient client, string status)
    {
        var until = DateTimeOffset.UtcNow.AddSeconds(20);
        while (true)
        {
            var messages = (await client.GetFromJsonAsync<JsonElement>(Me, Ct)).GetProperty("messages");
            if (messages.GetArrayLength() > 0 && messages[0].GetProperty("status").GetString() == status)
            {
                return messages[0];
            }
            Assert.True(DateTimeOffset.UtcNow < until, $"No message became {status}: {messages}");
            await Task.Delay(100, Ct);
        }
    }
}
