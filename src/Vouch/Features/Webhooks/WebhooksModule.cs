using Microsoft.AspNetCore.OpenApi;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Http.Resilience;
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
        // One circuit per endpoint host: one receiver that is down must not pause the others.
        OutboxHttpClient.Add(services, WebhookSender.HttpClientName, settings.Timeout).SelectPipelineByAuthority();
    }

    public void MapEndpoints(RouteGroupBuilder api) => api.MapWebhooks();
}
