using Microsoft.EntityFrameworkCore;
using Vouch.Data;
using Vouch.Features.Engagements;
using Vouch.Hosting;

namespace Vouch.Features.Events;

/// <summary>
/// Once an event has started, its speakers' asks were taken up and their stages given: both turn from scheduled to
/// completed, and the give starts to count in the balance (decision 19). Any instance may run it; the lease makes
/// each run happen once.
/// </summary>
public sealed class EventCompletion(VouchDbContext db, JobLeases leases, TimeProvider clock)
{
    public const string JobName = "event-completion";

    public static readonly TimeSpan Lease = TimeSpan.FromSeconds(55);

    /// <summary>How many ledger entries were completed, or null when another instance holds the lease.</summary>
    public async Task<int?> RunAsync(string holder, CancellationToken ct) =>
        await leases.TryAcquireAsync(JobName, holder, Lease, ct) ? await CompleteAsync(ct) : null;

    /// <summary>Completes the scheduled asks and gives of the speakers of every event that has started.</summary>
    public async Task<int> CompleteAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var started = db.Set<EventSpeaker>().Where(s => s.Event!.StartsAt <= now);
        return await db.Engagements
            .Where(e => e.Status == EngagementStatus.Scheduled
                && started.Any(s => s.AskEngagementId == e.Id || s.GiveEngagementId == e.Id))
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.Status, EngagementStatus.Completed).SetProperty(e => e.Version, Guid.NewGuid()), ct);
    }
}

/// <summary>Calls <see cref="EventCompletion"/> every minute.</summary>
public sealed partial class EventCompletionService(IServiceScopeFactory scopes, ILogger<EventCompletionService> logger, TimeProvider clock) : BackgroundService
{
    private readonly string _holder = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(1), clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                scope.ServiceProvider.GetRequiredService<AuditActor>().Set(null, "scheduler");
                if (await scope.ServiceProvider.GetRequiredService<EventCompletion>().RunAsync(_holder, stoppingToken) is > 0 and var completed)
                {
                    LogRun(completed);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // A failed run is retried on the next tick; the app keeps serving.
                LogFailed(e);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Events: {Completed} speakers' asks and gives completed.")]
    private partial void LogRun(int completed);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Completing events failed; retrying in a minute.")]
    private partial void LogFailed(Exception exception);
}
