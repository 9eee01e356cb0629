using Vouch.Auth;
using Vouch.Hosting;

namespace Vouch.Features.Referrals;

/// <summary>Prospects that advocates bring us, credited to them, through to the deals they became.</summary>
public sealed class ReferralsModule : ICapabilityModule
{
    public IEnumerable<NavigationEntry> Navigation =>
    [
        new("Referrals", "/referrals", Policies.ReadInventory, NavigationGroup.Customers, 40),
        new("Referral conversion", "/reports/referrals", Policies.ReadReports, NavigationGroup.Reports, 40),
    ];

    public void AddServices(IServiceCollection services, IConfiguration configuration) =>
        services.AddScoped<ReferralIntake>().AddScoped<ReferralQueries>();

    public void MapEndpoints(RouteGroupBuilder api) => api.MapReferrals();
}
