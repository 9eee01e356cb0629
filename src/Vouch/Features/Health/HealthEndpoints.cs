using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace Vouch.Features.Health;

public static class HealthEndpoints
{
    /// <summary><c>GET /health</c>: 200 when the database answers, 503 when it does not. Open to load balancers.</summary>
    public static void MapHealth(this IEndpointRouteBuilder app) =>
        app.MapHealthChecks("/health", new HealthCheckOptions()).AllowAnonymous().DisableRateLimiting();
}
