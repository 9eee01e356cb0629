using Vouch.Hosting;

namespace Vouch.Features.ProgramPolicies;

/// <summary>The program's policies (decision 27): when in the sales cycle references may be used, content-use rules, exceptions.</summary>
public sealed class PoliciesModule : ICapabilityModule
{
    public IEnumerable<NavigationEntry> Navigation =>
        [new("Policies", "/program/policies", Auth.Policies.ReadReports, NavigationGroup.Program, 70)];

    public void AddServices(IServiceCollection services, IConfiguration configuration) =>
        services.AddScoped<PolicyRegister>().AddScoped<PolicyExceptions>();

    public void MapEndpoints(RouteGroupBuilder api) => api.MapPolicies();
}
