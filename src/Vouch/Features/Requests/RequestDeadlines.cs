using Vouch.Hosting;

namespace Vouch.Features.Requests;

/// <summary>
/// The scheduled work on requests: expiring those whose needed-by day passed, warning of steps about to be overdue,
/// escalating overdue steps. Any instance
/// may call <see cref="RunAsync"/> at any time; the job's lease makes each run happen once.
/// </summary>
public sealed class RequestDeadlines(JobLeases leases, RequestWorkflow workflow)
{
    /// <summary>The name of the job's lease.</summary>
    public const string JobName = "request-deadlines";

    /// <summary>A run holds the lease this long; the next run is due a minute after the last.</summary>
    public static readonly TimeSpan Lease = TimeSpan.FromSeconds(55);

    public sealed record Run(int Expired, int AtRisk, int Escalated);

    /// <summary>The run's counts, or null when another instance holds the lease.</summary>
    public async Task<Run?> RunAsync(string holder, CancellationToken ct)
    {
        if (!await leases.TryAcquireAsync(JobName, holder, Lease, ct))
        {
            return null;
        }
        var expired = await workflow.ExpireAsync(ct);
        var atRisk = await workflow.WarnAsync(ct);
        var escalated = await workflow.EscalateAsync(ct);
        return new Run(expired, atRisk, escalated);
    }
}

/// <summary>Calls <see cref="RequestDeadlines"/> every minute.</summary>
public sealed partial class RequestDeadlineService(IServiceScopeFactory scopes, ILogger<RequestDeadlineService> logger, TimeProvider clock) : BackgroundService
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
                scope.ServiceProvider.GetRequiredService<Data.AuditActor>().Set(null, "scheduler");
                if (await scope.ServiceProvider.GetRequiredService<RequestDeadlines>().RunAsync(_holder, stoppingToken) is { } run
                    && run.Expired + run.AtRisk + run.Escalated > 0)
                {
                    LogRun(run.Expired, run.AtRisk, run.Escalated);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // A failed run is retried on the next tick; the app keeps serving.
                LogFailed(e);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Request deadlines: {Expired} expired, {AtRisk} about to be missed, {Escalated} escalated.")]
    private partial void LogRun(int expired, int atRisk, int escalated);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Request deadlines failed; retrying in a minute.")]
    private partial void LogFailed(Exception exception);
}
