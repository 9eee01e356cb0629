using Vouch.Auth;
using Vouch.Hosting;

namespace Vouch.Features.Tokens;

/// <summary>Personal access tokens for scripts and integrations.</summary>
public sealed class TokensModule : ICapabilityModule
{
    public IEnumerable<NavigationEntry> Navigation => [new("API tokens", "/tokens", Policies.SignedIn, NavigationGroup.Personal, 20)];

    public void AddServices(IServiceCollection services, IConfiguration configuration) => services.AddScoped<AccessTokens>();

    public void MapEndpoints(RouteGroupBuilder api) => api.MapTokens();
}
