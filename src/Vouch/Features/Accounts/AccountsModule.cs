using Vouch.Auth;
using Vouch.Hosting;

namespace Vouch.Features.Accounts;

/// <summary>Customer companies: the inventory's top level.</summary>
public sealed class AccountsModule : ICapabilityModule
{
    public IEnumerable<NavigationEntry> Navigation => [new("Accounts", "/accounts", Policies.ReadInventory, NavigationGroup.Customers, 10)];

    public void AddServices(IServiceCollection services, IConfiguration configuration) => services.AddScoped<AccountWrites>();

    public void MapEndpoints(RouteGroupBuilder api) => api.MapAccounts();
}
