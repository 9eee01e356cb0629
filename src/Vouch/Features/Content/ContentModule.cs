using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Vouch.Auth;
using Vouch.Hosting;

namespace Vouch.Features.Content;

/// <summary>Case studies, videos, quotes and the rest, with their approval, expiry and use limits.</summary>
public sealed class ContentModule : ICapabilityModule
{
    public IEnumerable<NavigationEntry> Navigation => [new("Content", "/content", Policies.ReadInventory, NavigationGroup.Program, 40)];

    public void AddServices(IServiceCollection services, IConfiguration configuration) => services.AddContentLibrary(configuration);

    public void MapEndpoints(RouteGroupBuilder api) => api.MapContent();

    public void AddPageConventions(PageConventionCollection conventions, IConfiguration configuration) =>
        conventions.AddContentLibrary(configuration);
}
