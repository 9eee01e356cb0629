using Vouch.Auth;
using Vouch.Hosting;

namespace Vouch.Features.Users;

/// <summary>Who may sign in, in which role.</summary>
public sealed class UsersModule : ICapabilityModule
{
    public IEnumerable<NavigationEntry> Navigation => [new("Users", "/users", Policies.Administer, NavigationGroup.Admin, 10)];

    public void AddServices(IServiceCollection services, IConfiguration configuration) => services.AddScoped<UserAdministration>().AddScoped<UserLanguages>();

    public void MapEndpoints(RouteGroupBuilder api) => api.MapUsers();
}
