using Vouch.Auth;
using Vouch.Hosting;

namespace Vouch.Features.AccountReviews;

/// <summary>
/// Account reviews (QBRs) on a calendar with delivery's health and escalations, and the hold they put on asking the
/// account's contacts (decision 23). Every employee reads them; the reference team schedules and records them.
/// </summary>
public sealed class AccountReviewsModule : ICapabilityModule
{
    public IEnumerable<NavigationEntry> Navigation => [new("Account reviews", "/account-reviews", Policies.ReadInventory, NavigationGroup.Customers, 50)];

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<AccountHolds>();
        services.AddScoped<ReviewCalendar>();
    }

    public void MapEndpoints(RouteGroupBuilder api) => api.MapAccountReviews();
}
