using Vouch.Auth;
using Vouch.Hosting;

namespace Vouch.Features.Launches;

/// <summary>Launch planning: the references a product launch needs per segment and activity, recruiting, early adopters.</summary>
public sealed class LaunchesModule : ICapabilityModule
{
    public IEnumerable<NavigationEntry> Navigation =>
        [new("Launches", "/program/launches", Policies.ReadReports, NavigationGroup.Program, 74)];

    public void AddServices(IServiceCollection services, IConfiguration configuration) => services.AddScoped<LaunchPlanner>();

    public void MapEndpoints(RouteGroupBuilder api) => api.MapLaunches();
}
