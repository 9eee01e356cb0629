using Vouch.Hosting;

namespace Vouch.Features.Webhooks;

/// <summary>
/// Runs on every instance: posts due deliveries as soon as a save here adds some, and at least every
/// <see cref="WebhookSettings.PollInterval"/>; on one instance a day, removes deliveries done long ago.
/// </summary>
public sealed class WebhookDeliveryJob(
    IServiceScopeFactory scopes, WebhookSettings settings, WebhookSignal signal, TimeProvider clock, ILogger<WebhookDeliveryJob> logger) : BackgroundService
{
    public const string CleanupJob = "webhook-cleanup";

    /// <summary>
    /// How often this instance asks for the daily cleanup's lease. Asking is a write, and a busy instance runs a round
    /// for nearly every save: asked every round, it would take the one SQLite writer as often as the saves do.
    /// </summary>
    private static readonly TimeSpan CleanupAskedEvery = TimeSpan.FromHours(1);

    /// <summary>This instance's name in claims and leases.</summary>
    private readonly string _instance = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid().ToString("N")[..8]}";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var cleanupAskedAt = DateTimeOffset.MinValue;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var sender = scope.ServiceProvider.GetRequiredService<WebhookSender>();
                await sender.SendDueAsync(_instance, stoppingToken);
                if (clock.GetUtcNow() - cleanupAskedAt >= CleanupAskedEvery)
                {
                    cleanupAskedAt = clock.GetUtcNow();
                    if (await scope.ServiceProvider.GetRequiredService<JobLeases>().TryAcquireAsync(CleanupJob, _instance, TimeSpan.FromDays(1), stoppingToken))
                    {
                        await sender.RemoveOldAsync(stoppingToken);
                    }
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // The database may be away for a moment; the next round tries again.
                logger.LogError(e, "Webhook delivery round failed");
            }
            try
            {
                await signal.WaitAsync(settings.PollInterval, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
