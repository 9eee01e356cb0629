using Vouch.Auth;
using Vouch.Hosting;

namespace Vouch.Features.Engagements;

/// <summary>The ledger of every ask and give, and the balance between them.</summary>
public sealed class EngagementsModule : ICapabilityModule
{
    public IEnumerable<NavigationEntry> Navigation =>
        [new("Owed a give", "/reports/balance", Policies.ReadReports, NavigationGroup.Reports, 30)];

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ExchangeOptions>().BindConfiguration("Exchange")
            .Validate(o => o.BalanceWindowDays > 0, "Exchange:BalanceWindowDays must be 1 or more.")
            .Validate(o => o.OwedAfterHours > 0, "Exchange:OwedAfterHours must be more than 0.")
            .ValidateOnStart();
        services.AddScoped<Ledger>();
        services.AddScoped<LedgerEntries>();
    }

    public void MapEndpoints(RouteGroupBuilder api) => api.MapLedger();
}
