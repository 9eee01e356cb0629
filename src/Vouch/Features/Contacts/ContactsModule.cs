using Vouch.Auth;
using Vouch.Hosting;

namespace Vouch.Features.Contacts;

/// <summary>People at accounts, their consent, preferences and story: who can vouch for us.</summary>
public sealed class ContactsModule : ICapabilityModule
{
    public IEnumerable<NavigationEntry> Navigation => [new("Contacts", "/contacts", Policies.ReadInventory, NavigationGroup.Customers, 20)];

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<ContactProfiles>();
        services.AddScoped<PersonalData>();
    }

    public void MapEndpoints(RouteGroupBuilder api) => api.MapContacts();
}
