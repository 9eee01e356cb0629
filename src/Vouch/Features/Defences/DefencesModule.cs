using Vouch.Auth;
using Vouch.Hosting;

namespace Vouch.Features.Defences;

/// <summary>Customer defenders: public attacks on the company logged with the customers who answered them.</summary>
public sealed class DefencesModule : ICapabilityModule
{
    public IEnumerable<NavigationEntry> Navigation => [new("Defences", "/defences", Policies.ReadInventory, NavigationGroup.Community, 30)];

    public void AddServices(IServiceCollection services, IConfiguration configuration) => services.AddScoped<DefenceLog>();

    public void MapEndpoints(RouteGroupBuilder api) => api.MapDefences();
}
