using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Vouch.Testing;

/// <summary>
/// An HTTP server on 127.0.0.1 that answers the part of the Slack Web API direct messages use, as Slack does:
/// <c>POST /api/chat.postMessage</c> (a JSON body, the bot token as <c>Authorization: Bearer xoxb-…</c>),
/// <c>GET /api/users.lookupByEmail?email=</c> and <c>POST /api/auth.test</c>. A refusal is HTTP 200 with
/// <c>{"ok":false,"error":"…"}</c> (<c>not_authed</c>, <c>invalid_auth</c>, <c>channel_not_found</c>,
/// <c>users_not_found</c>, <c>account_inactive</c>); a rate limit is 429 with <c>Retry-After</c> in seconds. It keeps
/// every message it was sent.
/// </summary>
public sealed class SlackStandIn : IAsyncDisposable
{
    public const string Workspace = "Northwind Traders";

    private readonly ConcurrentDictionary<string, string> _members = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, (int Count, int Seconds)> _rateLimited = new(StringComparer.Ordinal);
    private WebApplication? _app;
    private volatile bool _revoked;

    /// <summary>A message Slack accepted, or refused with <see cref="Error"/>.</summary>
    public sealed record Post(string Channel, string Text, string? Error, DateTimeOffset At);

    public ConcurrentQueue<Post> Posts { get; } = new();

    /// <summary>The bot token the app must send.</summary>
    public string Token { get; } = $"xoxb-{RandomNumberGenerator.GetInt32(100_000, 999_999)}-{RandomNumberGenerator.GetHexString(24, lowercase: true)}";

    public Uri Root { get; private set; } = null!;

    /// <summary>Where the Web API's methods are, as <c>Slack:ApiUrl</c> takes it.</summary>
    public string ApiUrl => new Uri(Root, "/api/").ToString();

    public static async Task<SlackStandIn> StartAsync()
    {
        var standIn = new SlackStandIn();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.MapPost("/api/chat.postMessage", (Func<HttpContext, Task<IResult>>)standIn.PostMessageAsync);
        app.MapGet("/api/users.lookupByEmail", (Func<HttpContext, string?, IResult>)standIn.LookupByEmail);
        app.MapPost("/api/auth.test", (Func<HttpContext, IResult>)standIn.AuthTest);
        await app.StartAsync();
        standIn._app = app;
        standIn.Root = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single());
        return standIn;
    }

    /// <summary>Adds a workspace member with <paramref name="email"/>; returns their member id.</summary>
    public string AddMember(string email)
    {
        var id = "U" + RandomNumberGenerator.GetString("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", 10);
        _members[id] = email;
        return id;
    }

    /// <summary>The next <paramref name="count"/> messages to <paramref name="memberId"/> are answered 429 with <c>Retry-After</c>.</summary>
    public void RateLimit(string memberId, int count, int retryAfterSeconds) => _rateLimited[memberId] = (count, retryAfterSeconds);

    /// <summary>The token stops working, as when the app is uninstalled (<c>invalid_auth</c>), or works again.</summary>
    public void RevokeToken(bool revoked = true) => _revoked = revoked;

    /// <summary>Waits until <paramref name="count"/> messages to <paramref name="channel"/> arrived, accepted or not, and returns them.</summary>
    public async Task<List<Post>> WaitForAsync(string channel, int count, TimeSpan? within = null)
    {
        var until = DateTimeOffset.UtcNow + (within ?? TimeSpan.FromSeconds(15));
        while (true)
        {
            var arrived = Posts.Where(p => p.Channel == channel).ToList();
            if (arrived.Count >= count || DateTimeOffset.UtcNow > until)
            {
                return arrived;
            }
            await Task.Delay(50);
        }
    }

    private async Task<IResult> PostMessageAsync(HttpContext context)
    {
        if (Refused(context) is { } refused)
        {
            return refused;
        }
        JsonElement body;
        try
        {
            body = (await JsonDocument.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted)).RootElement;
        }
        catch (JsonException)
        {
            return Error("invalid_json");
        }
        if (!context.Request.ContentType?.StartsWith("application/json", StringComparison.Ordinal) ?? true)
        {
            return Error("invalid_form_data");
        }
        var channel = body.TryGetProperty("channel", out var c) ? c.GetString() ?? "" : "";
        var text = body.TryGetProperty("text", out var t) ? t.GetString() ?? "" : "";
        if (_rateLimited.TryGetValue(channel, out var limit) && limit.Count > 0)
        {
            _rateLimited[channel] = (limit.Count - 1, limit.Seconds);
            Posts.Enqueue(new Post(channel, text, "ratelimited", DateTimeOffset.UtcNow));
            context.Response.Headers.RetryAfter = limit.Seconds.ToString(CultureInfo.InvariantCulture);
            return Results.Json(new { ok = false, error = "ratelimited" }, statusCode: StatusCodes.Status429TooManyRequests);
        }
        var error = channel.Length == 0 ? "channel_not_found"
            : !_members.ContainsKey(channel) ? "channel_not_found"
            : text.Length == 0 ? "no_text"
            : null;
        Posts.Enqueue(new Post(channel, text, error, DateTimeOffset.UtcNow));
        return error is null
            ? Results.Json(new { ok = true, channel = "D" + channel[1..], ts = $"{DateTimeOffset.UtcNow.ToUnixTimeSeconds()}.{Posts.Count:000000}", message = new { text, type = "message" } })
            : Error(error);
    }

    private IResult LookupByEmail(HttpContext context, string? email)
    {
        if (Refused(context) is { } refused)
        {
            return refused;
        }
        var member = _members.FirstOrDefault(m => string.Equals(m.Value, email, StringComparison.OrdinalIgnoreCase));
        return member.Key is null
            ? Error("users_not_found")
            : Results.Json(new { ok = true, user = new { id = member.Key, team_id = "T0NORTHWND", name = member.Value.Split('@')[0], deleted = false, profile = new { email = member.Value } } });
    }

    private IResult AuthTest(HttpContext context) =>
        Refused(context) ?? Results.Json(new { ok = true, url = "https://northwind.slack.com/", team = Workspace, user = "vouch", team_id = "T0NORTHWND", user_id = "U0VOUCHBOT", bot_id = "B0VOUCHBOT" });

    /// <summary>Slack's answer to a call without the bot token, or with one that does not work.</summary>
    private IResult? Refused(HttpContext context)
    {
        var authorization = context.Request.Headers.Authorization.ToString();
        if (!authorization.StartsWith("Bearer ", StringComparison.Ordinal))
        {
            return Error("not_authed");
        }
        return authorization["Bearer ".Length..] == Token && !_revoked ? null : Error("invalid_auth");
    }

    private static IResult Error(string error) => Results.Json(new { ok = false, error });

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }
}
