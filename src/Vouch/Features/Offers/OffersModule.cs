using Vouch.Auth;
using Vouch.Hosting;

namespace Vouch.Features.Offers;

/// <summary>The exchange's other half: what the program offers its advocates, who applies, and who it fits best.</summary>
public sealed class OffersModule : ICapabilityModule
{
    /// <summary>Managing offers, their applications and contacts' needs: the program team.</summary>
    public const string ManageOffers = nameof(ManageOffers);

    public IEnumerable<PolicyRoles> Policies => [new(ManageOffers, [Roles.Admin, Roles.ReferenceManager])];

    public IEnumerable<NavigationEntry> Navigation => [new("Offers", "/offers", Auth.Policies.ReadInventory, NavigationGroup.Program, 25)];

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<OfferQueries>();
        services.AddScoped<OfferCatalogue>();
    }

    public void MapEndpoints(RouteGroupBuilder api) => api.MapOffers();
}
