using Vouch.Data;

namespace Vouch.Features.Email;

/// <summary>
/// Runs on every instance: sends due emails every <see cref="EmailSettings.PollInterval"/> and, on one instance a day,
/// removes long-sent ones. Registered only when email is configured.
/// </summary>
public sealed class EmailDelivery(IServiceScopeFactory scopes, EmailSettings settings, TimeProvider clock, ILogger<EmailDelivery> logger)
    : BackgroundService
{
    /// <summary>This instance's name in claims and leases: host, process and a random part for two apps in one process.</summary>
    public string Instance { get; } = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid().ToString("N")[..8]}";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var outbox = scope.ServiceProvider.GetRequiredService<EmailOutbox>();
                await outbox.SendDueAsync(Instance, stoppingToken);
                await outbox.RemoveOldSentAsync(Instance, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // The database may be away for a moment; the next round tries again.
                logger.LogError(e, "Email delivery round failed");
            }
            try
            {
                await Task.Delay(settings.PollInterval, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}

public static class EmailServiceCollectionExtensions
{
    /// <summary>The outbox (always, so that its status can be read) and, when email is configured, its delivery.</summary>
    public static IServiceCollection AddEmail(this IServiceCollection services, IConfiguration configuration)
    {
        var settings = EmailSettings.FromConfiguration(configuration);
        services.AddSingleton(settings);
        services.AddSaveChangesInterceptor<EmailOutboxInterceptor>();
        services.AddScoped<EmailOutbox>();
        if (settings.IsConfigured)
        {
            services.AddHostedService<EmailDelivery>();
        }
        return services;
    }
}
