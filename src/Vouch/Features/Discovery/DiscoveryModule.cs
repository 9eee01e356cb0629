using Vouch.Auth;
using Vouch.Data;
using Vouch.Hosting;

namespace Vouch.Features.Discovery;

/// <summary>
/// Finding the next advocates: a discovery score for customers who are not yet advocates, candidate lists, and
/// nominations the reference team accepts or declines. Every employee sees the candidates and may nominate (sellers
/// know their customers best); the reference team decides.
/// </summary>
public sealed class DiscoveryModule : ICapabilityModule
{
    public IEnumerable<NavigationEntry> Navigation =>
    [
        new("Candidates", "/candidates", Policies.ReadInventory, NavigationGroup.Customers, 40),
        new("Nominations", "/nominations", Policies.ReadInventory, NavigationGroup.Customers, 45),
    ];

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DiscoveryOptions>().BindConfiguration("Discovery")
            .Validate(o => o.QuietAfterDays > 0, "Discovery:QuietAfterDays must be 1 or more.")
            .Validate(o => o.WonDealAfterDays >= 0, "Discovery:WonDealAfterDays must be 0 or more.")
            .Validate(o => o.WonDealWithinDays > 0, "Discovery:WonDealWithinDays must be 1 or more.")
            .ValidateOnStart();
        services.AddScoped<CandidateLists>();
        services.AddScoped<Nominations>();
        services.AddSaveChangesInterceptor<CandidateScoreChanges>();
        // On by default; an operator who scores a large database once, by hand or elsewhere, turns it off.
        if (configuration.GetValue("Discovery:BackfillOnStart", true))
        {
            services.AddHostedService<CandidateScoreBackfill>();
        }
    }

    public void MapEndpoints(RouteGroupBuilder api) => api.MapDiscovery();
}
