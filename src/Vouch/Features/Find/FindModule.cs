using Vouch.Auth;
using Vouch.Hosting;

namespace Vouch.Features.Find;

/// <summary>The header's search: accounts, contacts, requests, content and ideas by name, as each role may see them.</summary>
public sealed class FindModule : ICapabilityModule
{
    /// <summary>
    /// Finding records from the header. Every role may see some kind (an advocate the ideas of the exchange); which kinds
    /// each finds is decided by the policies of the records' own pages (<see cref="Finder"/>).
    /// </summary>
    public const string FindRecords = nameof(FindRecords);

    public IEnumerable<PolicyRoles> Policies => [new(FindRecords, Roles.All)];

    public void AddServices(IServiceCollection services, IConfiguration configuration) => services.AddScoped<Finder>();

    public void MapEndpoints(RouteGroupBuilder api) => api.MapFind();
}
