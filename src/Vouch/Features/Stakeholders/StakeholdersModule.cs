using Vouch.Auth;
using Vouch.Hosting;

namespace Vouch.Features.Stakeholders;

/// <summary>The program's stakeholder groups with their priorities and rules of engagement (decision 27).</summary>
public sealed class StakeholdersModule : ICapabilityModule
{
    public IEnumerable<NavigationEntry> Navigation =>
        [new("Stakeholders", "/program/stakeholders", Policies.ReadReports, NavigationGroup.Program, 72)];

    public void AddServices(IServiceCollection services, IConfiguration configuration) => services.AddScoped<StakeholderGroups>();

    public void MapEndpoints(RouteGroupBuilder api) => api.MapStakeholders();
}
