using Microsoft.Extensions.Diagnostics.HealthChecks;
using Vouch.Hosting;

namespace Vouch.Features.Meaning;

/// <summary>
/// Comparing text by meaning: the sentence model, loaded once per process on first use, and what <c>/health</c> says
/// of it. <c>Meaning:Enabled</c> (true) turns the model off, for a machine without the memory for it.
/// </summary>
public sealed class MeaningModule : ICapabilityModule
{
    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        var enabled = configuration.GetValue("Meaning:Enabled", true);
        services.AddSingleton(sp => new TextEmbedder(
            enabled ? SentenceModel.Shared : () => throw new InvalidOperationException("Meaning:Enabled is false"),
            sp.GetRequiredService<ILogger<TextEmbedder>>()));
        services.AddHealthChecks().AddCheck<MeaningHealthCheck>("meaning");
    }
}

/// <summary>Degraded, with the reason, when the sentence model failed to load; Vouch then serves on without it.</summary>
internal sealed class MeaningHealthCheck(TextEmbedder embedder) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(embedder.State switch
        {
            ModelState.Failed => HealthCheckResult.Degraded(embedder.Failure),
            ModelState.Loaded => HealthCheckResult.Healthy($"{SentenceModel.Name} loaded."),
            _ => HealthCheckResult.Healthy($"{SentenceModel.Name} loads on first use."),
        });
}
