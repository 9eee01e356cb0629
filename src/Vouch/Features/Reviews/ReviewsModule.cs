using Vouch.Auth;
using Vouch.Hosting;

namespace Vouch.Features.Reviews;

/// <summary>Review-site campaigns: advocates invited to review where buyers read, within the sites' rules and their own limits.</summary>
public sealed class ReviewsModule : ICapabilityModule
{
    public IEnumerable<NavigationEntry> Navigation => [new("Review campaigns", "/reviews", Policies.ReadInventory, NavigationGroup.Program, 60)];

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ReviewOptions>().BindConfiguration("Reviews");
        services.AddScoped<CompanyDomains>();
        services.AddScoped<ReviewQueries>();
        services.AddScoped<ReviewCampaigns>();
    }

    public void MapEndpoints(RouteGroupBuilder api) => api.MapReviewCampaigns();
}
