using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Vouch.Testing;

/// <summary>
/// An HTTP server on 127.0.0.1 that receives webhooks as a subscriber's endpoint, a Slack incoming webhook or a Teams
/// Workflows webhook would: <c>/ok</c> answers 200, <c>/slack</c> answers Slack's <c>ok</c>, <c>/teams</c> 202,
/// <c>/fail</c> 500, <c>/slow</c> answers after five seconds, <c>/moved</c> redirects to another host. It keeps every
/// request it got.
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;

    public sealed record Received(string Path, IReadOnlyDictionary<string, string> Headers, string Body, DateTimeOffset At);

    public ConcurrentQueue<Received> Requests { get; } = new();

    public Uri Root { get; }

    private WebhookReceiver(WebApplication app, Uri root) => (_app, Root) = (app, root);

    public static async Task<WebhookReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var receiver = default(WebhookReceiver);
        app.Run(async context =>
        {
            using var reader = new StreamReader(context.Request.Body);
            var body = await reader.ReadToEndAsync(context.RequestAborted);
            var path = context.Request.Path.Value ?? "/";
            receiver!.Requests.Enqueue(new Received(path, context.Request.Headers.ToDictionary(h => h.Key.ToLowerInvariant(), h => h.Value.ToString()), body, DateTimeOffset.UtcNow));
            switch (path)
            {
                case "/fail":
                    context.Response.StatusCode = 500;
                    await context.Response.WriteAsync("database is down", context.RequestAborted);
                    break;
                case "/slow":
                    await Task.Delay(TimeSpan.FromSeconds(5), context.RequestAborted);
                    break;
                case "/moved":
                    context.Response.Redirect("http://elsewhere.example/hooks");
                    break;
                case "/slack":
                    await context.Response.WriteAsync("ok", context.RequestAborted);
                    break;
                case "/teams":
                    context.Response.StatusCode = 202;
                    break;
                default:
                    context.Response.StatusCode = 200;
                    break;
            }
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        receiver = new WebhookReceiver(app, new Uri(address));
        return receiver;
    }

    public string Url(string path) => new Uri(Root, path).ToString();

    /// <summary>Waits until <paramref name="count"/> requests to <paramref name="path"/> arrived, and returns them.</summary>
    public async Task<List<Received>> WaitForAsync(string path, int count, TimeSpan? within = null)
    {
        var until = DateTimeOffset.UtcNow + (within ?? TimeSpan.FromSeconds(15));
        while (true)
        {
            var arrived = Requests.Where(r => r.Path == path).ToList();
            if (arrived.Count >= count || DateTimeOffset.UtcNow > until)
            {
                return arrived;
            }
            await Task.Delay(50);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
