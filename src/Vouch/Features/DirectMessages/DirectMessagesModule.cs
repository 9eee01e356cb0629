using Microsoft.Extensions.Http.Resilience;
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
        OutboxHttpClient.Add(services, SlackApi.HttpClientName, slack.Timeout);
        // One circuit per Teams host: one region's workflows being down must not pause the others.
        OutboxHttpClient.Add(services, DirectMessageSender.TeamsClientName, webhooks.Timeout).SelectPipelineByAuthority();
    }

    public void MapEndpoints(RouteGroupBuilder api) => api.MapDirectMessages();
}
