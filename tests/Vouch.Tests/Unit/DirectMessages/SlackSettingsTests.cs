using Microsoft.Extensions.Configuration;
using Vouch.Features.DirectMessages;
using Vouch.Features.Webhooks;
using Vouch.Hosting;

namespace Vouch.Tests.Unit.DirectMessages;

public sealed class SlackSettingsTests
{
    private static IConfiguration Configuration(string settings) => new ConfigurationBuilder().AddInMemoryCollection(
        settings.Split(';', StringSplitOptions.RemoveEmptyEntries).Select(s => s.Split('=', 2)).Select(p => KeyValuePair.Create(p[0], (string?)p[1]))).Build();

    [Theory]
    [InlineData("Slack:BotToken=xoxp-1234-5678-abcdef",
        "Slack:BotToken is not a Slack bot token: it must start with xoxb- (the app's Bot User OAuth Token; a user or app-level token cannot send as the app).")]
    [InlineData("Slack:BotToken=xoxb-1234-5678-abcdef;Slack:ApiUrl=http://127.0.0.1:5000/api/", "Slack:ApiUrl is 'http://127.0.0.1:5000/api/', which is not a valid value.")]
    [InlineData("Slack:BotToken=xoxb-1234-5678-abcdef;Slack:Timeout=00:10:00", "Slack:Timeout is '00:10:00', which is not a valid value.")]
    [InlineData("Slack:AllowHttp=sometimes", "Slack:AllowHttp is 'sometimes', which is not a valid value.")]
    public void A_mistake_is_named_at_start(string settings, string message)
    {
        var error = Assert.Throws<SettingsException>(() => SlackSettings.FromConfiguration(Configuration(settings)));

        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void A_wrong_token_is_named_but_never_printed()
    {
        var error = Assert.Throws<SettingsException>(() => SlackSettings.FromConfiguration(Configuration("Slack:BotToken=xapp-1-A0SECRET-0042-f00d")));

        Assert.DoesNotContain("A0SECRET", error.Message);
    }

    [Fact]
    public void Without_a_token_slack_is_not_connected_and_slacks_own_api_is_the_default()
    {
        var settings = SlackSettings.FromConfiguration(Configuration(""));

        Assert.False(settings.IsConfigured);
        Assert.Equal(new Uri("https://slack.com/api/"), settings.ApiUrl);
        Assert.Equal(TimeSpan.FromSeconds(10), settings.Timeout);
    }

    [Fact]
    public void A_local_api_is_taken_with_allow_http_and_methods_are_named_under_it()
    {
        var settings = SlackSettings.FromConfiguration(Configuration("Slack:BotToken=xoxb-1234-5678-abcdef;Slack:AllowHttp=true;Slack:ApiUrl=http://127.0.0.1:5000/api"));

        Assert.True(settings.IsConfigured);
        Assert.Equal("http://127.0.0.1:5000/api/chat.postMessage", new Uri(settings.ApiUrl, "chat.postMessage").ToString());
    }

    [Theory]
    [InlineData("Done & dusted <b>", null, "Done &amp; dusted &lt;b&gt;")]
    [InlineData("The request waits on you.", "https://vouch.example.com/requests/1", "The request waits on you. <https://vouch.example.com/requests/1|Open in Vouch>")]
    public void A_direct_message_is_escaped_as_a_channel_message_is(string summary, string? link, string text)
    {
        Assert.Equal(text, ChannelMessage.SlackText(summary, link));
    }
}
