using Vouch.Auth;
using Vouch.Hosting;

namespace Vouch.Features.Opportunities;

/// <summary>Sales deals, which references help and whose won amounts they are credited with.</summary>
public sealed class OpportunitiesModule : ICapabilityModule
{
    public IEnumerable<NavigationEntry> Navigation => [new("Opportunities", "/opportunities", Policies.ReadInventory, NavigationGroup.Customers, 30)];

    public void AddServices(IServiceCollection services, IConfiguration configuration) => services.AddScoped<OpportunityClosing>().AddScoped<OpportunityWrites>();

    public void MapEndpoints(RouteGroupBuilder api) => api.MapOpportunities();
}
