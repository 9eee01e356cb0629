using Vouch.Auth;
using Vouch.Hosting;

namespace Vouch.Features.Portal;

/// <summary>The advocate's own place: their asks, preferences and referrals, and the invitations that let them in.</summary>
public sealed class PortalModule : ICapabilityModule
{
    public IEnumerable<NavigationEntry> Navigation => [new("My portal", "/portal", Policies.AdvocatePortal, NavigationGroup.Program, 5)];

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<PortalOptions>().BindConfiguration("Portal")
            .Validate(o => o.InvitationDays is >= 1 and <= 90, "Portal:InvitationDays must be from 1 to 90.")
            .ValidateOnStart();
        services.AddScoped<PortalAdvocate>();
        services.AddScoped<PortalAsks>();
        services.AddScoped<PortalInvitations>();
    }

    public void MapEndpoints(RouteGroupBuilder api) => api.MapPortal();
}
