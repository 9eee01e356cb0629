using Microsoft.Extensions.Http.Resilience;
using Polly;
using Vouch.Auth;
using Vouch.Data;
using Vouch.Features.Webhooks;
using Vouch.Hosting;

namespace Vouch.Features.DirectMessages;

/// <summary>
/// A user's own waiting items as direct messages in Slack (by the app's bot) or Teams (by their own workflow); see
/// docs/decisions/0034-direct-messages.md.
/// </summary>
public sealed class DirectMessagesModule : ICapabilityModule
{
    public IEnumerable<NavigationEntry> Navigation => [new("Direct messages", "/direct-messages", Policies.SignedIn, NavigationGroup.Personal, 25)];

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        var slack = SlackSettings.FromConfiguration(configuration);
        var webhooks = WebhookSettings.FromConfiguration(configuration);
        services.AddSingleton(slack);
        services.AddSingleton<SlackApi>();
        services.AddSingleton<DirectMessageSignal>();
        services.AddSaveChangesInterceptor<DirectMessageQueue>();
        services.AddScoped<DirectMessageLinks>();
        services.AddScoped<DirectMessageSender>();
        services.AddHostedService<DirectMessageJob>();
        AddClient(services, SlackApi.HttpClientName, slack.Timeout);
        // One circuit per Teams host: one region's workflows being down must not pause the others.
        AddClient(services, DirectMessageSender.TeamsClientName, webhooks.Timeout).SelectPipelineByAuthority();
    }

    public void MapEndpoints(RouteGroupBuilder api) => api.MapDirectMessages();

    /// <summary>
    /// A client that never follows a redirect (a message must not go to a host nobody linked), times out, and opens a
    /// circuit after repeated failure. No retry here: a failed post goes back to the outbox, whose wait survives a restart.
    /// </summary>
    private static IHttpResiliencePipelineBuilder AddClient(IServiceCollection services, string name, TimeSpan timeout) =>
        services.AddHttpClient(name)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false, PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
            .ConfigureHttpClient(client => client.Timeout = Timeout.InfiniteTimeSpan)
            .AddResilienceHandler(name, pipeline =>
            {
                pipeline.AddCircuitBreaker(new HttpCircuitBreakerStrategyOptions
                {
                    FailureRatio = 0.9,
                    MinimumThroughput = 10,
                    SamplingDuration = TimeSpan.FromSeconds(30),
                    BreakDuration = TimeSpan.FromSeconds(30),
                });
                pipeline.AddTimeout(timeout);
            });
}
