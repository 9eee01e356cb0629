namespace Vouch.Features.Email;

/// <summary>When a failed email is tried again: the wait doubles with each failure, up to a ceiling, until it is given up.</summary>
public static class RetrySchedule
{
    /// <param name="failedAttempts">Attempts made so far, all failed (at least one).</param>
    /// <param name="maxAttempts">Attempts after which the email is given up.</param>
    /// <param name="firstDelay">The wait after the first failure.</param>
    /// <param name="maxDelay">The longest wait.</param>
    /// <returns>The wait before the next attempt, or null when the email is to be given up.</returns>
    public static TimeSpan? NextDelay(int failedAttempts, int maxAttempts, TimeSpan firstDelay, TimeSpan maxDelay)
    {
        if (failedAttempts >= maxAttempts)
        {
            return null;
        }
        // Doubling 30 times is past any sensible ceiling; stop there so the arithmetic cannot overflow.
        var factor = Math.Pow(2, Math.Min(failedAttempts - 1, 30));
        return TimeSpan.FromTicks((long)Math.Min(firstDelay.Ticks * factor, maxDelay.Ticks));
    }
}
