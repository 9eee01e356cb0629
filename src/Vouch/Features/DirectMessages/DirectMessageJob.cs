using Vouch.Features.Webhooks;

namespace Vouch.Features.DirectMessages;

/// <summary>
/// Runs on every instance: posts due direct messages as soon as a save here queues some, and at least every
/// <see cref="WebhookSettings.PollInterval"/>.
/// </summary>
public sealed class DirectMessageJob(
    IServiceScopeFactory scopes, WebhookSettings settings, DirectMessageSignal signal, ILogger<DirectMessageJob> logger) : BackgroundService
{
    /// <summary>This instance's name in claims.</summary>
    private readonly string _instance = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid().ToString("N")[..8]}";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<DirectMessageSender>().SendDueAsync(_instance, stoppingToken);
                await signal.WaitAsync(settings.PollInterval, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // The database may be away for a moment; the next round tries again after a pause.
                logger.LogError(e, "Direct message round failed");
                await Task.Delay(settings.PollInterval, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }
}
