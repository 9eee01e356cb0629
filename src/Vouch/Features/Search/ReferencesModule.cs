using Vouch.Auth;
using Vouch.Hosting;

namespace Vouch.Features.Search;

/// <summary>Finding references by what they are and what they said, and taking the list out as a file.</summary>
public sealed class ReferencesModule : ICapabilityModule
{
    /// <summary>
    /// Taking the reference inventory out of Vouch as a file. Executives read it in the app but do
    /// not export it: a file of customer contacts leaves the audit trail behind.
    /// </summary>
    public const string ExportReferences = nameof(ExportReferences);

    public IEnumerable<PolicyRoles> Policies => [new(ExportReferences, [Roles.Admin, Roles.ReferenceManager, Roles.Seller])];

    public IEnumerable<NavigationEntry> Navigation => [new("References", "/references", Auth.Policies.ReadInventory, NavigationGroup.Program, 30)];

    public void AddServices(IServiceCollection services, IConfiguration configuration) => services.AddScoped<ReferenceFinder>();

    public void MapEndpoints(RouteGroupBuilder api) => api.MapReferences();
}
