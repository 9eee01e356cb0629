namespace Vouch.Hosting;

/// <summary>
/// Wakes a background job of this instance when a request here gives it work, so the work starts at once rather than
/// at the job's next round; work given on other instances waits at most a round.
/// </summary>
public class JobSignal
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
            // Already woken: the job's next round takes all the work there is.
        }
    }

    /// <summary>Waits until woken or <paramref name="timeout"/> passes.</summary>
    public Task WaitAsync(TimeSpan timeout, CancellationToken ct) => _woken.WaitAsync(timeout, ct);
}
