using Vouch.Hosting;

namespace Vouch.Features.BuyerJourney;

/// <summary>What influenced the buyers of closed deals: a short survey per deal, read by the value model's attribution.</summary>
public sealed class BuyerJourneyModule : ICapabilityModule
{
    public void AddServices(IServiceCollection services, IConfiguration configuration) => services.AddScoped<BuyerJourneys>();

    public void MapEndpoints(RouteGroupBuilder api) => api.MapBuyerJourney();
}
