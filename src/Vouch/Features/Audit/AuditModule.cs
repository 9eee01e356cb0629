using Vouch.Hosting;

namespace Vouch.Features.Audit;

/// <summary>The append-only record of who changed what.</summary>
public sealed class AuditModule : ICapabilityModule
{
    public void MapEndpoints(RouteGroupBuilder api) => api.MapAudit();
}
