using Vouch.Auth;
using Vouch.Data;
using Vouch.Hosting;

namespace Vouch.Features.Value;

/// <summary>
/// What customers are worth beyond what they buy (decisions 25 and 26): engagement value per account and contact, the
/// value model's settings, and who is worth most. Executives, reference managers and admins read it all; sellers read
/// the value of the accounts they own; reference managers and admins change the settings.
/// </summary>
public sealed class ValueModule : ICapabilityModule
{
    public IEnumerable<NavigationEntry> Navigation => [new("Customer value", "/value", Policies.ReadReports, NavigationGroup.Reports, 60)];

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ValueOptions>().BindConfiguration("Value")
            .Validate(o => o.RefreshSeconds > 0, "Value:RefreshSeconds must be 1 or more.")
            .ValidateOnStart();
        services.AddScoped<ValueReader>().AddScoped<ValueSettingsStore>().AddScoped<ValueQueries>().AddScoped<ValueRefresh>();
        services.AddSaveChangesInterceptor<ValueChanges>();
        // On by default; an instance that should leave the refresh to others turns it off (one runs at a time anyway).
        if (configuration.GetValue("Value:RefreshInBackground", true))
        {
            services.AddHostedService<ValueRefreshJob>();
        }
    }

    public void MapEndpoints(RouteGroupBuilder api) => api.MapValue();
}
