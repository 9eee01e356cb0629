using Vouch.Auth;
using Vouch.Hosting;

namespace Vouch.Features.SupplyDemand;

/// <summary>Demand for references against the capacity of the advocates who fit, and where it runs short.</summary>
public sealed class SupplyDemandModule : ICapabilityModule
{
    public IEnumerable<NavigationEntry> Navigation =>
        [new("Supply & demand", "/reports/supply-demand", Policies.ReadReports, NavigationGroup.Reports, 10)];

    public void MapEndpoints(RouteGroupBuilder api) => api.MapSupplyDemand();
}
