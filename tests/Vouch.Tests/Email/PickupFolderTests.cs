using MimeKit;
using Vouch.Features.Email;
using Vouch.Tests.Infrastructure;

namespace Vouch.Tests.Email;

/// <summary>For development, emails are written as .eml files into a folder instead of going to a server.</summary>
public sealed class PickupFolderTests(EmailApp.WithPickupFolder app) : IClassFixture<EmailApp.WithPickupFolder>
{
    [Fact]
    public async Task Each_email_becomes_one_eml_file_named_after_it()
    {
        var story = await IdeaFollower.StartAsync(app);

        await story.ChangeStatusAsync();

        await Eventually.HoldsAsync(async () => (await story.EmailsToAsync(story.Follower)) is [{ Status: OutboundEmailStatus.Sent }], "the email is written");
        var email = Assert.Single(await story.EmailsToAsync(story.Follower));
        var file = Path.Combine(app.PickupFolder!, $"{email.Id:N}.eml");
        var message = await MimeMessage.LoadAsync(file, TestContext.Current.CancellationToken);
        Assert.Equal([story.Follower.Email], message.To.Mailboxes.Select(m => m.Address));
        Assert.Equal("Vouch: " + story.Text, message.Subject);
        Assert.Contains($"<a href=\"{story.Link}\">Open it in Vouch</a>", message.HtmlBody, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(app.PickupFolder!, "*.tmp"));
    }
}
