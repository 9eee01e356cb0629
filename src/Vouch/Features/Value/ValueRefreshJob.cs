using Microsoft.EntityFrameworkCore;
using Vouch.Data;
using Vouch.Hosting;

namespace Vouch.Features.Value;

/// <summary>When stored values are worked out again, and whether the app does it itself.</summary>
public sealed class ValueOptions
{
    /// <summary>How often the refresh job looks for changed records; a list may lag a change by this much.</summary>
    public int RefreshSeconds { get; set; } = 15;

    /// <summary>
    /// Whether the app works out every account on start when some have no stored value. Off, they wait for
    /// <c>vouch value recompute</c> (a load run that measures something else turns it off).
    /// </summary>
    public bool BackfillOnStart { get; set; } = true;
}

/// <summary>
/// Keeps the stored values current: on start, works out every account when some have no row yet (after the migration
/// that adds them, or a scale seed that writes without EF); then every <see cref="ValueOptions.RefreshSeconds"/>, the
/// accounts behind the changes noted since. One instance at a time, under a job lease.
/// </summary>
public sealed partial class ValueRefreshJob(IServiceScopeFactory scopes, Microsoft.Extensions.Options.IOptions<ValueOptions> options, ILogger<ValueRefreshJob> logger)
    : BackgroundService
{
    public const string LeaseName = "value-refresh";

    private readonly string _holder = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";

    /// <summary>Whether this instance has checked for accounts without a stored value: once, on start, not every round.</summary>
    private bool _backfillChecked;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.RefreshSeconds));
        do
        {
            try
            {
                await RoundAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The notes stay; the next round tries again.
                LogFailed(e);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    private async Task RoundAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<VouchDbContext>();
        var leases = scope.ServiceProvider.GetRequiredService<JobLeases>();
        if (!await leases.TryAcquireAsync(LeaseName, _holder, TimeSpan.FromHours(2), ct))
        {
            return;
        }
        try
        {
            var refresh = scope.ServiceProvider.GetRequiredService<ValueRefresh>();
            if (!_backfillChecked && options.Value.BackfillOnStart && await db.Set<AccountValue>().CountAsync(ct) < await db.Accounts.IgnoreQueryFilters().CountAsync(ct))
            {
                var started = TimeProvider.System.GetTimestamp();
                var all = await refresh.RecomputeAllAsync(done =>
                {
                    if (done % 10_000 == 0)
                    {
                        LogProgress(done);
                    }
                }, ct);
                LogDone(all, TimeProvider.System.GetElapsedTime(started).TotalSeconds);
            }
            _backfillChecked = true;
            await refresh.ProcessStaleAsync(ct);
        }
        finally
        {
            await leases.ReleaseAsync(LeaseName, _holder, CancellationToken.None);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Customer values: {Done} accounts worked out so far.")]
    private partial void LogProgress(int done);

    [LoggerMessage(Level = LogLevel.Information, Message = "Customer values: {Accounts} accounts worked out in {Seconds:0.0} s.")]
    private partial void LogDone(int accounts, double seconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Customer values could not be refreshed; the next round tries again.")]
    private partial void LogFailed(Exception exception);
}
