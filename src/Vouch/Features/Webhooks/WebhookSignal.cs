namespace Vouch.Features.Webhooks;

/// <summary>
/// Wakes this instance's sender when a save here adds deliveries, so an event goes out at once rather than at the next
/// round; deliveries added on other instances wait at most a round (<see cref="WebhookSettings.PollInterval"/>).
/// </summary>
public sealed class WebhookSignal
{
    private readonly SemaphoreSlim _woken = new(0, 1);

    public void Wake()
    {
        try
        {
            _woken.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already woken: the sender's next round takes every delivery that is due.
        }
    }

    /// <summary>Waits until woken or <paramref name="timeout"/> passes.</summary>
    public Task WaitAsync(TimeSpan timeout, CancellationToken ct) => _woken.WaitAsync(timeout, ct);
}
