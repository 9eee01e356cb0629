using Vouch.Auth;
using Vouch.Hosting;

namespace Vouch.Features.Portal;

/// <summary>The advocate's own place: their asks, answered there.</summary>
public sealed class PortalModule : ICapabilityModule
{
    public IEnumerable<NavigationEntry> Navigation => [new("My portal", "/portal", Policies.AdvocatePortal, NavigationGroup.Program, 5)];

    public void AddServices(IServiceCollection services, IConfiguration configuration) => services.AddScoped<PortalAdvocate>();
}
