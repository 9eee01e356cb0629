using Microsoft.Extensions.Http.Resilience;
using Polly;

namespace Vouch.Hosting;

/// <summary>The HTTP client an outbox posts through: to webhooks, chat channels and direct messages.</summary>
public static class OutboxHttpClient
{
    /// <summary>
    /// A client that never follows a redirect (a post must not reach a host nobody chose), times out after
    /// <paramref name="timeout"/>, and opens a circuit after repeated failure. No retry here: a failed post goes back to
    /// the outbox, whose wait survives a restart.
    /// </summary>
    public static IHttpResiliencePipelineBuilder Add(IServiceCollection services, string name, TimeSpan timeout) =>
        services.AddHttpClient(name)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false, PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
            .ConfigureHttpClient(client => client.Timeout = Timeout.InfiniteTimeSpan)
            .AddResilienceHandler(name, pipeline =>
            {
                pipeline.AddCircuitBreaker(new HttpCircuitBreakerStrategyOptions
                {
                    FailureRatio = 0.9,
                    MinimumThroughput = 10,
                    SamplingDuration = TimeSpan.FromSeconds(30),
                    BreakDuration = TimeSpan.FromSeconds(30),
                });
                pipeline.AddTimeout(timeout);
            });
}
