using Vouch.Auth;
using Vouch.Hosting;

namespace Vouch.Features.Email;

/// <summary>Notifications by email, through an outbox every instance shares, and each user's email settings.</summary>
public sealed class EmailModule : ICapabilityModule
{
    public IEnumerable<NavigationEntry> Navigation => [new("My settings", "/settings", Policies.SignedIn, NavigationGroup.Personal, 30)];

    public void AddServices(IServiceCollection services, IConfiguration configuration) => services.AddEmail(configuration);

    public void MapEndpoints(RouteGroupBuilder api) => api.MapEmail();
}
