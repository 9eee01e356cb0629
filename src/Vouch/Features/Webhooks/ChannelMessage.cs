using System.Text.Json;

namespace Vouch.Features.Webhooks;

/// <summary>
/// The body an event is posted with to a chat channel's incoming webhook: Slack's <c>text</c> with a link in its
/// mrkdwn, or, for Microsoft Teams (a Workflows incoming webhook), a message carrying an Adaptive Card.
/// </summary>
public static class ChannelMessage
{
    public static string For(WebhookKind kind, string summary, string? link) => kind switch
    {
        WebhookKind.Slack => JsonSerializer.Serialize(new { text = SlackText(summary, link) }),
        WebhookKind.Teams => JsonSerializer.Serialize(new
        {
            type = "message",
            attachments = new[]
            {
                new
                {
                    contentType = "application/vnd.microsoft.card.adaptive",
                    content = new Dictionary<string, object>
                    {
                        ["$schema"] = "http://adaptivecards.io/schemas/adaptive-card.json",
                        ["type"] = "AdaptiveCard",
                        ["version"] = "1.4",
                        ["body"] = new[] { new { type = "TextBlock", text = summary, wrap = true } },
                        ["actions"] = link is null ? [] : new[] { new { type = "Action.OpenUrl", title = "Open in Vouch", url = link } },
                    },
                },
            },
        }),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Signed webhooks carry the event's own payload."),
    };

    /// <summary>The summary in Slack's mrkdwn, with the link as "Open in Vouch": for a channel's webhook or a direct message.</summary>
    public static string SlackText(string summary, string? link) => link is null ? Escape(summary) : $"{Escape(summary)} <{link}|Open in Vouch>";

    /// <summary>Slack reads &amp;, &lt; and &gt; as its own markup; a name with them must be escaped to show as written.</summary>
    private static string Escape(string text) => text.Replace("&", "&amp;", StringComparison.Ordinal)
        .Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);
}
