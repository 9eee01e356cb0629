using Vouch.Hosting;

namespace Vouch.Features.Catalog;

/// <summary>Industries, products and countries, the lists the inventory is described with.</summary>
public sealed class CatalogModule : ICapabilityModule
{
    public void MapEndpoints(RouteGroupBuilder api) => api.MapCatalog();
}
