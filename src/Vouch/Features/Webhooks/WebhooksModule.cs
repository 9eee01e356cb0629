using Microsoft.AspNetCore.OpenApi;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Http.Resilience;
using Polly;
using Vouch.Auth;
using Vouch.Hosting;

namespace Vouch.Features.Webhooks;

/// <summary>Signed outgoing webhooks and Slack and Teams channels: events posted where a program's people already are.</summary>
public sealed class WebhooksModule : ICapabilityModule
{
    public IEnumerable<NavigationEntry> Navigation => [new("Webhooks and channels", "/webhooks", Policies.Administer, NavigationGroup.Admin, 40)];

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        var settings = WebhookSettings.FromConfiguration(configuration);
        services.AddSingleton(settings);
        services.AddSingleton<WebhookSignal>();
        // One instance: the interceptor that notes a save's deliveries is the one that wakes the sender after it.
        services.AddSingleton<WebhookEvents>().AddSingleton<ISaveChangesInterceptor>(sp => sp.GetRequiredService<WebhookEvents>());
        services.AddScoped<WebhookSubscriptions>();
        services.AddScoped<WebhookSender>();
        services.AddHostedService<WebhookDeliveryJob>();
        services.Configure<OpenApiOptions>("v1", options => options.AddWebhookEvents());
        services.AddHttpClient(WebhookSender.HttpClientName)
            // A redirect could take a signed body to a host nobody subscribed: deliveries never follow one.
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false, PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
            .ConfigureHttpClient(client => client.Timeout = Timeout.InfiniteTimeSpan)
            .AddResilienceHandler("webhooks", pipeline =>
            {
                // No retry here: a failed post goes back to the outbox, which retries with a growing wait that survives a restart.
                pipeline.AddCircuitBreaker(new HttpCircuitBreakerStrategyOptions
                {
                    FailureRatio = 0.9,
                    MinimumThroughput = 10,
                    SamplingDuration = TimeSpan.FromSeconds(30),
                    BreakDuration = TimeSpan.FromSeconds(30),
                });
                pipeline.AddTimeout(settings.Timeout);
            })
            // One circuit per endpoint host: one receiver that is down must not pause the others.
            .SelectPipelineByAuthority();
    }

    public void MapEndpoints(RouteGroupBuilder api) => api.MapWebhooks();
}
