using Vouch.Auth;
using Vouch.Hosting;

namespace Vouch.Features.Import;

/// <summary>Accounts, contacts and deals from CSV, Excel and Salesforce exports, with a report of every rejected row.</summary>
public sealed class ImportModule : ICapabilityModule
{
    public IEnumerable<NavigationEntry> Navigation => [new("Import", "/import", Policies.ManageInventory, NavigationGroup.Admin, 30)];

    public void AddServices(IServiceCollection services, IConfiguration configuration) => services.AddImports();

    public void MapEndpoints(RouteGroupBuilder api) => api.MapImports();
}
