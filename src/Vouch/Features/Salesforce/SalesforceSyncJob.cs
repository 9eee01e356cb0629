using Microsoft.EntityFrameworkCore;
using Polly.CircuitBreaker;
using Polly.Timeout;
using Vouch.Data;
using Vouch.Features.Import;
using Vouch.Hosting;

namespace Vouch.Features.Salesforce;

/// <summary>Wakes this instance's sync job when someone asks for a sync here.</summary>
public sealed class SalesforceSignal : JobSignal;

/// <summary>
/// Runs a sync when one is due: asked for, on the admin's schedule, or going on after the org's API limit. One instance
/// at a time, under a short lease renewed as the sync goes, so that if the instance dies another takes over within
/// <see cref="LeaseFor"/> and the next sync goes on from the cursors.
/// </summary>
public sealed partial class SalesforceSyncJob(
    IServiceScopeFactory scopes, SalesforceSettings settings, SalesforceSignal signal, TimeProvider clock, ILogger<SalesforceSyncJob> logger)
    : BackgroundService
{
    public const string LeaseName = "salesforce-sync";
    public static readonly TimeSpan LeaseFor = TimeSpan.FromMinutes(10);

    private readonly string _holder = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid().ToString("N")[..8]}";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!settings.IsConfigured)
        {
            return;
        }
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RoundAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // The database may be away for a moment; the next round tries again.
                LogRoundFailed(e);
            }
            try
            {
                await signal.WaitAsync(settings.CheckInterval, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task RoundAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<VouchDbContext>();
        if ((await db.Database.GetPendingMigrationsAsync(ct)).Any())
        {
            return;
        }
        var leases = services.GetRequiredService<JobLeases>();
        if (!await leases.TryAcquireAsync(LeaseName, _holder, LeaseFor, ct))
        {
            return;
        }
        try
        {
            // Holding the lease, a run still marked running is one whose instance stopped.
            await db.Set<SalesforceSyncRun>().Where(r => r.Status == SalesforceRunStatus.Running).ExecuteUpdateAsync(s => s
                .SetProperty(r => r.Status, SalesforceRunStatus.Failed)
                .SetProperty(r => r.FinishedAt, clock.GetUtcNow())
                .SetProperty(r => r.Error, "The server stopped during the sync; the next sync goes on from where it stopped."), ct);
            var options = await db.Set<SalesforceSync>().AsNoTracking().SingleAsync(ct);
            var last = await db.Set<SalesforceSyncRun>().AsNoTracking().OrderByDescending(r => r.StartedAt).FirstOrDefaultAsync(ct);
            if (Due(options, last) is not { } trigger)
            {
                return;
            }
            var run = await services.GetRequiredService<SalesforceSyncRunner>().RunAsync(
                options, trigger, options.RequestedById, () => leases.RenewAsync(LeaseName, _holder, LeaseFor, ct), ct);
            LogRun(run.Status, run.Created, run.Updated, run.Unchanged, run.Rejected, run.ActivitiesPushed + run.LeadsPushed);
        }
        finally
        {
            await leases.ReleaseAsync(LeaseName, _holder, CancellationToken.None);
        }
    }

    /// <summary>Why a sync is due now, or null when none is.</summary>
    private SalesforceTrigger? Due(SalesforceSync options, SalesforceSyncRun? last)
    {
        var now = clock.GetUtcNow();
        if (options.RequestedAt is not null)
        {
            return SalesforceTrigger.Manual;
        }
        if (last is { Status: SalesforceRunStatus.WaitingForLimit, ResumeAt: { } resumeAt })
        {
            return resumeAt <= now ? last.Trigger : null;
        }
        return options.PullOnSchedule && (last is null || last.StartedAt + TimeSpan.FromMinutes(options.IntervalMinutes) <= now)
            ? SalesforceTrigger.Schedule
            : null;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Salesforce sync round failed")]
    private partial void LogRoundFailed(Exception e);

    [LoggerMessage(Level = LogLevel.Information, Message = "Salesforce sync {Status}: {Created} created, {Updated} updated, {Unchanged} unchanged, {Rejected} rejected, {Pushed} pushed.")]
    private partial void LogRun(SalesforceRunStatus status, int created, int updated, int unchanged, int rejected, int pushed);
}

/// <summary>One sync: the pull, then the pushes, with the run's progress written as it goes so any instance's page shows it.</summary>
public sealed class SalesforceSyncRunner(
    VouchDbContext db, SalesforcePull pull, SalesforcePushes pushes, SalesforceClient client, SalesforceSettings settings, AuditActor actor, TimeProvider clock,
    ILogger<SalesforceSyncRunner> logger)
{
    public async Task<SalesforceSyncRun> RunAsync(
        SalesforceSync options, SalesforceTrigger trigger, Guid? startedById, Func<Task> stillHere, CancellationToken ct)
    {
        var run = new SalesforceSyncRun { Trigger = trigger, StartedById = startedById, Status = SalesforceRunStatus.Running, StartedAt = clock.GetUtcNow() };
        // The request is taken up in the same transaction that writes the run, so a page never reads the moment between as idle.
        await using (var transaction = await db.Database.BeginTransactionAsync(ct))
        {
            db.Add(run);
            await db.SaveChangesAsync(ct);
            if (options.RequestedAt is not null)
            {
                await db.Set<SalesforceSync>().ExecuteUpdateAsync(s => s.SetProperty(o => o.RequestedAt, (DateTimeOffset?)null).SetProperty(o => o.RequestedById, (Guid?)null), ct);
            }
            await transaction.CommitAsync(ct);
        }
        db.ChangeTracker.Clear();
        actor.Set(startedById, "Salesforce sync");
        var calls = client.ApiCalls;
        var report = new ImportReport();
        var deleted = 0;
        try
        {
            (report, deleted) = await pull.RunAsync(run.Id, async step =>
            {
                (report, deleted) = (step.Import.Report, step.Deleted);
                await stillHere();
                await db.Set<SalesforceSyncRun>().Where(r => r.Id == run.Id).ExecuteUpdateAsync(s => s
                    .SetProperty(r => r.Current, step.Import.File)
                    .SetProperty(r => r.Created, report.Created)
                    .SetProperty(r => r.Updated, report.Updated)
                    .SetProperty(r => r.Unchanged, report.Unchanged)
                    .SetProperty(r => r.Rejected, report.Rejected)
                    .SetProperty(r => r.Deleted, deleted)
                    .SetProperty(r => r.ApiCalls, client.ApiCalls - calls), ct);
            }, ct);
            var pushed = await pushes.RunAsync(options, async current =>
            {
                await stillHere();
                await db.Set<SalesforceSyncRun>().Where(r => r.Id == run.Id).ExecuteUpdateAsync(s => s.SetProperty(r => r.Current, current), ct);
            }, ct);
            (run.ActivitiesPushed, run.LeadsPushed, run.PushesFailed) = (pushed.Activities, pushed.Leads, pushed.Failed);
            run.Status = SalesforceRunStatus.Completed;
        }
        catch (SalesforceException e) when (e.IsLimitExceeded)
        {
            run.Status = SalesforceRunStatus.WaitingForLimit;
            run.ResumeAt = clock.GetUtcNow() + settings.LimitBackoff;
            run.Error = "The org's API requests for the last 24 hours are used up; the sync goes on from where it stopped once the wait is over.";
        }
        catch (Exception e) when (e is SalesforceException or HttpRequestException or TimeoutRejectedException or BrokenCircuitException)
        {
            run.Status = SalesforceRunStatus.Failed;
            run.Error = Shorten(e is SalesforceException refused ? $"Salesforce refused: {refused.ErrorCode}: {refused.Reason}" : $"Salesforce could not be reached: {e.Message}");
        }
#pragma warning disable CA1031 // Whatever stopped it, the run must say it failed rather than seem to run on; what was saved stays.
        catch (Exception e) when (e is not OperationCanceledException)
#pragma warning restore CA1031
        {
            logger.LogError(e, "Salesforce sync {RunId} stopped", run.Id);
            run.Status = SalesforceRunStatus.Failed;
            run.Error = Shorten($"The sync stopped on an unexpected error ({e.GetType().Name}); what it saved is kept and the next sync goes on from there.");
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
        (run.Created, run.Updated, run.Unchanged, run.Rejected, run.Deleted) = (report.Created, report.Updated, report.Unchanged, report.Rejected, deleted);
        (run.ApiCalls, run.ApiUsage, run.Current) = (client.ApiCalls - calls, client.ApiUsage, null);
        run.FinishedAt = clock.GetUtcNow();
        db.Update(run);
        await db.SaveChangesAsync(CancellationToken.None);
        db.ChangeTracker.Clear();
        return run;
    }

    private static string Shorten(string text) => text.Length <= SalesforceSyncRun.ErrorMaxLength ? text : text[..(SalesforceSyncRun.ErrorMaxLength - 1)] + "…";
}
