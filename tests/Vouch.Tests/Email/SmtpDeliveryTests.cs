using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Vouch.Auth;
using Vouch.Features.Email;
using Vouch.Tests.Infrastructure;

namespace Vouch.Tests.Email;

/// <summary>Notifications reach a real SMTP server on 127.0.0.1 through the app's own background sender.</summary>
public sealed partial class SmtpDeliveryTests(EmailApp app) : IClassFixture<EmailApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();

    [Fact]
    public async Task A_follower_gets_one_email_when_an_idea_changes_status()
    {
        var story = await IdeaFollower.StartAsync(app);

        await story.ChangeStatusAsync();

        await Eventually.HoldsAsync(() => app.Smtp.MessagesTo(story.Follower.Email).Count > 0, "the follower's email arrives");
        // Several more rounds of the sender: nothing is sent twice.
        await Task.Delay(TimeSpan.FromSeconds(1), Ct);
        var message = Assert.Single(app.Smtp.MessagesTo(story.Follower.Email));
        Assert.Equal("Vouch: " + story.Text, message.Subject);
        Assert.Equal([story.Follower.Email], message.To.Mailboxes.Select(m => m.Address));
        Assert.Equal("vouch@example.com", message.From.Mailboxes.Single().Address);
        Assert.Contains(story.Text, message.TextBody, StringComparison.Ordinal);
        Assert.Contains($"Open it in Vouch: {story.Link}", message.TextBody, StringComparison.Ordinal);
        Assert.Contains($"<a href=\"{story.Link}\">Open it in Vouch</a>", message.HtmlBody, StringComparison.Ordinal);
        Assert.Contains($"{EmailApp.PublicUrl}/settings", message.TextBody, StringComparison.Ordinal);
        var email = Assert.Single(await story.EmailsToAsync(story.Follower));
        Assert.Equal((OutboundEmailStatus.Sent, 1, null), (email.Status, email.Attempts, email.LastError));
        Assert.Equal($"{email.Id:N}@vouch.example.com", message.MessageId);
        // The idea's author follows it too, and is told once as well.
        Assert.Single(app.Smtp.MessagesTo(story.Author.Email));
    }

    [Fact]
    public async Task Who_turns_email_off_on_their_settings_page_is_told_in_the_app_only()
    {
        var story = await IdeaFollower.StartAsync(app);

        var page = await story.FollowerClient.GetStringAsync("/settings", Ct);
        Assert.Contains("checked=\"checked\"", page, StringComparison.Ordinal);
        using var saved = await story.FollowerClient.PostAsync("/settings", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["emailNotifications"] = "false",
            ["__RequestVerificationToken"] = AntiforgeryField().Match(page).Groups[1].Value,
        }), Ct);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var after = await story.FollowerClient.GetStringAsync(saved.Headers.Location, Ct);
        Assert.Contains("Saved.", after, StringComparison.Ordinal);
        Assert.DoesNotContain("checked=\"checked\"", after, StringComparison.Ordinal);

        await story.ChangeStatusAsync();

        await Eventually.HoldsAsync(() => app.Smtp.MessagesTo(story.Author.Email).Count > 0, "the author's email arrives");
        Assert.Empty(app.Smtp.MessagesTo(story.Follower.Email));
        Assert.Empty(await story.EmailsToAsync(story.Follower));
        var notifications = await story.FollowerClient.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/v1/notifications", Ct);
        Assert.Equal(story.Text, notifications.GetProperty("items")[0].GetProperty("text").GetString());
    }

    [Fact]
    public async Task A_setting_that_is_neither_on_nor_off_changes_nothing()
    {
        var story = await IdeaFollower.StartAsync(app);
        var page = await story.FollowerClient.GetStringAsync("/settings", Ct);

        using var response = await story.FollowerClient.PostAsync("/settings", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["emailNotifications"] = "maybe",
            ["__RequestVerificationToken"] = AntiforgeryField().Match(page).Groups[1].Value,
        }), Ct);

        var after = await response.Content.ReadAsStringAsync(Ct);
        Assert.Contains("Email notifications must be on or off.", after, StringComparison.Ordinal);
        Assert.Contains("checked=\"checked\"", after, StringComparison.Ordinal);
        await story.ChangeStatusAsync();
        Assert.Single(await story.EmailsToAsync(story.Follower));
    }

    [Fact]
    public async Task A_disabled_user_gets_no_email()
    {
        var story = await IdeaFollower.StartAsync(app);
        using var admin = await app.ClientForAsync(Roles.Admin);
        using var disabled = await admin.PostAsync($"/api/v1/users/{story.Follower.Email}/disable", null, Ct);
        disabled.EnsureSuccessStatusCode();

        await story.ChangeStatusAsync();

        Assert.Empty(await story.EmailsToAsync(story.Follower));
        Assert.Single(await story.EmailsToAsync(story.Author));
    }

    [Fact]
    public async Task Admins_see_that_email_goes_by_smtp()
    {
        using var admin = await app.ClientForAsync(Roles.Admin);

        var status = await admin.GetFromJsonAsync<EmailStatusResponse>("/api/v1/email/status", Ct);

        Assert.Equal((true, "smtp", 0), (status!.Configured, status.Transport, status.Failed));
    }
}
