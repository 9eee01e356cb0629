using System.Net.Http.Json;
using Vouch.Auth;
using Vouch.Features.Email;
using Vouch.Tests.Infrastructure;

namespace Vouch.Tests.Email;

/// <summary>An SMTP server that is down: the email waits and is tried again, and arrives once the server is up.</summary>
public sealed class RetryTests(EmailApp.SmtpDown app) : IClassFixture<EmailApp.SmtpDown>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_email_that_failed_is_delivered_once_the_server_is_up()
    {
        var story = await IdeaFollower.StartAsync(app);

        await story.ChangeStatusAsync();

        await Eventually.HoldsAsync(async () => (await story.EmailsToAsync(story.Follower)).Single().Attempts >= 2, "two attempts failed");
        var waiting = Assert.Single(await story.EmailsToAsync(story.Follower));
        Assert.Equal(OutboundEmailStatus.Pending, waiting.Status);
        Assert.NotNull(waiting.LastError);
        using var admin = await app.ClientForAsync(Roles.Admin);
        var status = await admin.GetFromJsonAsync<EmailStatusResponse>("/api/v1/email/status", Ct);
        Assert.Equal((2, 0, 0), (status!.Pending, status.Failed, status.Sent));
        Assert.NotNull(status.OldestPendingAt);

        await app.Smtp.StartAsync();

        await Eventually.HoldsAsync(() => app.Smtp.MessagesTo(story.Follower.Email).Count > 0, "the email arrives");
        await Task.Delay(TimeSpan.FromSeconds(1), Ct);
        var message = Assert.Single(app.Smtp.MessagesTo(story.Follower.Email));
        Assert.Equal("Vouch: " + story.Text, message.Subject);
        var sent = Assert.Single(await story.EmailsToAsync(story.Follower));
        Assert.Equal(OutboundEmailStatus.Sent, sent.Status);
        Assert.True(sent.Attempts > 2, $"attempts: {sent.Attempts}");
        Assert.NotNull(sent.SentAt);
    }
}

/// <summary>An SMTP server that stays down: the email is given up after the last attempt, and admins see it.</summary>
public sealed class GiveUpTests(EmailApp.GivingUp app) : IClassFixture<EmailApp.GivingUp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_email_is_given_up_after_the_last_attempt()
    {
        var story = await IdeaFollower.StartAsync(app);

        await story.ChangeStatusAsync();

        await Eventually.HoldsAsync(async () => (await story.EmailsToAsync(story.Follower)).Single().Status == OutboundEmailStatus.Failed, "the email is given up");
        var failed = Assert.Single(await story.EmailsToAsync(story.Follower));
        Assert.Equal(2, failed.Attempts);
        Assert.False(string.IsNullOrWhiteSpace(failed.LastError));
        Assert.Null(failed.SentAt);
        await Eventually.HoldsAsync(async () => (await story.EmailsToAsync(story.Author)).Single().Status == OutboundEmailStatus.Failed, "the author's email is given up");
        using var admin = await app.ClientForAsync(Roles.Admin);
        var status = await admin.GetFromJsonAsync<EmailStatusResponse>("/api/v1/email/status", Ct);
        Assert.Equal((true, 0, 2, 0, (DateTimeOffset?)null), (status!.Configured, status.Pending, status.Failed, status.Sent, status.OldestPendingAt));
    }
}
