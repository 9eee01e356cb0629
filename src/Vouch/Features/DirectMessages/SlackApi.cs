using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace Vouch.Features.DirectMessages;

/// <summary>
/// What Slack answered: <see cref="Value"/> on success (the member id found, the DM channel posted to, the workspace's
/// name), or Slack's error code, with how long Slack asked to wait when it rate-limited the call.
/// </summary>
public sealed record SlackAnswer(string? Value, string? Error = null, TimeSpan? RetryAfter = null)
{
    public bool Ok => Error is null;

    public static SlackAnswer Failed(string error, TimeSpan? retryAfter = null) => new(null, error, retryAfter);
}

/// <summary>
/// The three Slack Web API methods direct messages need, called with the app's bot token: <c>chat.postMessage</c> to a
/// member id (Slack opens the direct message with the app), <c>users.lookupByEmail</c> and <c>auth.test</c>. Slack
/// answers most refusals with HTTP 200 and <c>{"ok":false,"error":"…"}</c>, and a rate limit with 429 and
/// <c>Retry-After</c>; both come back as values, as does a Slack that cannot be reached. Calls go through the
/// "slack" HTTP client, which times out and opens a circuit after repeated failure.
/// </summary>
public sealed class SlackApi(IHttpClientFactory clients, SlackSettings settings)
{
    public const string HttpClientName = "slack";

    /// <summary>Posts <paramref name="text"/> (Slack mrkdwn) to <paramref name="memberId"/>; the answer's value is the DM channel.</summary>
    public Task<SlackAnswer> PostMessageAsync(string memberId, string text, CancellationToken ct) =>
        CallAsync(HttpMethod.Post, "chat.postMessage", JsonContent.Create(new { channel = memberId, text, unfurl_links = false }),
            body => body.GetProperty("channel").GetString(), ct);

    /// <summary>The member id of the workspace member with <paramref name="email"/>; <c>users_not_found</c> when there is none.</summary>
    public Task<SlackAnswer> LookupByEmailAsync(string email, CancellationToken ct) =>
        CallAsync(HttpMethod.Get, $"users.lookupByEmail?email={Uri.EscapeDataString(email)}", null,
            body => body.GetProperty("user").GetProperty("id").GetString(), ct);

    /// <summary>Whether the token works; the answer's value is the workspace's name.</summary>
    public Task<SlackAnswer> AuthTestAsync(CancellationToken ct) =>
        CallAsync(HttpMethod.Post, "auth.test", null, body => body.TryGetProperty("team", out var team) ? team.GetString() : null, ct);

    private async Task<SlackAnswer> CallAsync(HttpMethod method, string path, HttpContent? content, Func<JsonElement, string?> value, CancellationToken ct)
    {
        if (settings.BotToken is not { } token)
        {
            return SlackAnswer.Failed("not_configured");
        }
        try
        {
            using var request = new HttpRequestMessage(method, new Uri(settings.ApiUrl, path)) { Content = content };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            using var response = await clients.CreateClient(HttpClientName).SendAsync(request, ct);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                return SlackAnswer.Failed("ratelimited", response.Headers.RetryAfter?.Delta ?? TimeSpan.FromSeconds(30));
            }
            if (!response.IsSuccessStatusCode)
            {
                return SlackAnswer.Failed($"http_{(int)response.StatusCode}");
            }
            using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(ct));
            var root = body.RootElement;
            return root.TryGetProperty("ok", out var ok) && ok.ValueKind == JsonValueKind.True
                ? new SlackAnswer(value(root))
                : SlackAnswer.Failed(root.TryGetProperty("error", out var error) ? error.GetString() ?? "unknown_error" : "unknown_error");
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or TimeoutRejectedException or BrokenCircuitException
            or JsonException or KeyNotFoundException or InvalidOperationException && !ct.IsCancellationRequested)
        {
            return SlackAnswer.Failed(e switch
            {
                TimeoutRejectedException or TaskCanceledException => "timeout",
                BrokenCircuitException => "paused",
                HttpRequestException => "unreachable",
                _ => "unreadable_answer",
            });
        }
    }

    /// <summary>What a Slack error code means to the person who sees it, and what they can do.</summary>
    public string Describe(string error) => error switch
    {
        "channel_not_found" or "user_not_found" or "users_not_found" =>
            $"Slack has no such member in this workspace ({error}): link your Slack account again.",
        "invalid_auth" or "not_authed" or "token_revoked" or "token_expired" or "account_inactive" or "not_allowed_token_type" =>
            $"Slack refused the app's bot token ({error}): an admin must set a valid Slack:BotToken.",
        "missing_scope" => "The Slack app lacks a permission (missing_scope): it needs chat:write and users:read.email.",
        "ratelimited" => "Slack asked Vouch to slow down (rate limited).",
        "not_configured" => "Slack is not set up in Vouch: an admin sets Slack:BotToken.",
        "timeout" => $"Slack did not answer within {settings.Timeout.TotalSeconds:0} s.",
        "paused" => "Calls to Slack are paused after repeated failures; they resume shortly.",
        "unreachable" => "Slack could not be reached.",
        "unreadable_answer" => "Slack's answer could not be read.",
        _ => $"Slack refused the message ({error}).",
    };
}
