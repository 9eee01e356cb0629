using Microsoft.Extensions.Http.Resilience;
using Polly;
using Vouch.Auth;
using Vouch.Hosting;

namespace Vouch.Features.Salesforce;

/// <summary>
/// Salesforce kept in step with Vouch: accounts, contacts, deals and contact roles pulled as they change, reference
/// activities and referrals pushed back; see docs/decisions/0033-salesforce-sync.md.
/// </summary>
public sealed class SalesforceModule : ICapabilityModule
{
    public IEnumerable<NavigationEntry> Navigation => [new("Salesforce", "/integrations/salesforce", Policies.Administer, NavigationGroup.Admin, 41)];

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        var settings = SalesforceSettings.FromConfiguration(configuration);
        services.AddSingleton(settings);
        services.AddSingleton<SalesforceClient>();
        services.AddSingleton<SalesforceSignal>();
        services.AddScoped<SalesforcePull>();
        services.AddScoped<SalesforcePushes>();
        services.AddScoped<SalesforceSyncRunner>();
        services.AddScoped<SalesforceIntegration>();
        services.AddHostedService<SalesforceSyncJob>();
        services.AddHttpClient(SalesforceClient.HttpClientName)
            .ConfigureHttpClient(client => client.Timeout = Timeout.InfiniteTimeSpan)
            .AddResilienceHandler("salesforce", pipeline =>
            {
                // Reads are retried; a create is not, since Salesforce may have made the record before the answer was lost.
                var retry = new HttpRetryStrategyOptions { MaxRetryAttempts = 3, Delay = TimeSpan.FromSeconds(1), BackoffType = DelayBackoffType.Exponential, UseJitter = true };
                retry.DisableForUnsafeHttpMethods();
                pipeline.AddRetry(retry);
                pipeline.AddCircuitBreaker(new HttpCircuitBreakerStrategyOptions
                {
                    FailureRatio = 0.5,
                    MinimumThroughput = 10,
                    SamplingDuration = TimeSpan.FromSeconds(60),
                    BreakDuration = TimeSpan.FromSeconds(60),
                });
                pipeline.AddTimeout(settings.Timeout);
            });
    }

    public void MapEndpoints(RouteGroupBuilder api) => api.MapSalesforce();
}
