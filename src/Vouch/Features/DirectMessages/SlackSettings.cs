using Vouch.Hosting;

namespace Vouch.Features.DirectMessages;

/// <summary>
/// The Slack app Vouch sends direct messages through (<c>Slack:*</c>): its bot token and where its Web API is. The token
/// lives in configuration (environment variables or a secret store), never in the database and never on a page; it is
/// read and checked at start, so a wrong value stops the app with its name. A class, not a record, so that nothing
/// prints the token by printing the settings.
/// </summary>
public sealed class SlackSettings
{
    public static readonly Uri DefaultApiUrl = new("https://slack.com/api/");

    /// <summary>The app's bot token (<c>xoxb-…</c>) with the <c>chat:write</c> and <c>users:read.email</c> scopes; never shown.</summary>
    public string? BotToken { get; init; }

    /// <summary>Where the Web API's methods are: Slack's own, or a server on this machine for tests.</summary>
    public Uri ApiUrl { get; init; } = DefaultApiUrl;

    /// <summary>Whether the API address may be plain <c>http://</c>: only for a server on this machine, never for Slack.</summary>
    public bool AllowHttp { get; init; }

    /// <summary>How long one call may take before it counts as failed.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(10);

    public bool IsConfigured => BotToken is not null;

    public static SlackSettings FromConfiguration(IConfiguration configuration)
    {
        var section = configuration.GetSection("Slack");
        var defaults = new SlackSettings();
        var allowHttp = section.Read("AllowHttp", false, bool.Parse, _ => true);
        return new SlackSettings
        {
            AllowHttp = allowHttp,
            BotToken = ReadBotToken(section),
            // Methods are named relative to it, so it always ends with a slash.
            ApiUrl = section.Read("ApiUrl", defaults.ApiUrl, text => new Uri(text.TrimEnd('/') + "/", UriKind.Absolute),
                uri => uri.Scheme == Uri.UriSchemeHttps || (allowHttp && uri.Scheme == Uri.UriSchemeHttp)),
            Timeout = section.Read("Timeout", defaults.Timeout, TimeSpan.Parse, t => t > TimeSpan.Zero && t <= TimeSpan.FromMinutes(2)),
        };
    }

    /// <summary>The token, checked without repeating it: a message that names a setting must not print a secret.</summary>
    private static string? ReadBotToken(IConfigurationSection section)
    {
        var token = section["BotToken"]?.Trim();
        if (string.IsNullOrEmpty(token))
        {
            return null;
        }
        if (!token.StartsWith("xoxb-", StringComparison.Ordinal) || token.Length < 15 || token.Any(char.IsWhiteSpace))
        {
            throw new SettingsException(
                $"{section.Path}:BotToken is not a Slack bot token: it must start with xoxb- (the app's Bot User OAuth Token; a user or app-level token cannot send as the app).");
        }
        return token;
    }
}
