using Microsoft.Extensions.Diagnostics.HealthChecks;
using Vouch.Data;
using Vouch.Hosting;

namespace Vouch.Features.Meaning;

/// <summary>
/// Comparing text by meaning: the sentence model, loaded once per process on first use, what <c>/health</c> says of
/// it, and the ideas' stored embeddings, worked out in the background. <c>Meaning:Enabled</c> (true) turns the model
/// off, for a machine without the memory for it; <c>Meaning:EmbedInBackground</c> (true) leaves the embedding to
/// other instances.
/// </summary>
public sealed class MeaningModule : ICapabilityModule
{
    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<MeaningOptions>().BindConfiguration("Meaning")
            .Validate(o => o.RefreshSeconds > 0, "Meaning:RefreshSeconds must be 1 or more.")
            .Validate(o => o.IndexRefreshSeconds > 0, "Meaning:IndexRefreshSeconds must be 1 or more.")
            .ValidateOnStart();
        var enabled = configuration.GetValue("Meaning:Enabled", true);
        services.AddSingleton(sp => new TextEmbedder(
            enabled ? SentenceModel.Shared : () => throw new InvalidOperationException("Meaning:Enabled is false"),
            sp.GetRequiredService<ILogger<TextEmbedder>>()));
        services.AddHealthChecks().AddCheck<MeaningHealthCheck>("meaning");
        services.AddScoped<EmbeddingWriter>();
        services.AddSingleton<VectorIndexes>();
        services.AddSingleton<UseCaseMeaning>();
        if (enabled)
        {
            services.AddHostedService<VectorIndexSync>();
        }
        services.AddSaveChangesInterceptor<EmbeddingChanges>();
        if (configuration.GetValue("Meaning:EmbedInBackground", true))
        {
            services.AddHostedService<EmbeddingJob>();
        }
    }
}

/// <summary>Degraded, with the reason, when the sentence model failed to load; Vouch then serves on without it.</summary>
internal sealed class MeaningHealthCheck(TextEmbedder embedder) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(embedder.State switch
        {
            ModelState.Failed => HealthCheckResult.Degraded(embedder.Failure),
            ModelState.Loaded => HealthCheckResult.Healthy($"{embedder.Load?.Summary}."),
            _ => HealthCheckResult.Healthy($"{SentenceModel.Name} loads on first use."),
        });
}
