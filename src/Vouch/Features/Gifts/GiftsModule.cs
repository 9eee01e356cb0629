using Vouch.Auth;
using Vouch.Hosting;

namespace Vouch.Features.Gifts;

/// <summary>Gifts to advocates within the program's gift policy (decision 20), and the policy itself.</summary>
public sealed class GiftsModule : ICapabilityModule
{
    /// <summary>Recording, reading and approving gifts: the reference team. Sellers never see them.</summary>
    public const string ManageGifts = nameof(ManageGifts);

    public IEnumerable<PolicyRoles> Policies => [new(ManageGifts, [Roles.Admin, Roles.ReferenceManager])];

    public IEnumerable<NavigationEntry> Navigation =>
    [
        new("Gifts", "/gifts", ManageGifts, NavigationGroup.Program, 50),
        new("Gift policy", "/gifts/policy", Auth.Policies.Administer, NavigationGroup.Admin, 50),
    ];

    public void AddServices(IServiceCollection services, IConfiguration configuration) => services.AddScoped<GiftRegister>();

    public void MapEndpoints(RouteGroupBuilder api) => api.MapGifts();
}
