using Microsoft.EntityFrameworkCore;
using Vouch.Data;
using Vouch.Hosting;

namespace Vouch.Features.Discovery;

/// <summary>
/// Scores every contact when the app starts on a database with contacts that have no score yet: right after the migration
/// that adds them, or after a scale seed, which writes contacts without EF. One instance does it, under a job lease;
/// from then on every save keeps the scores (<see cref="CandidateScoreChanges"/>).
/// </summary>
public sealed partial class CandidateScoreBackfill(IServiceScopeFactory scopes, ILogger<CandidateScoreBackfill> logger) : BackgroundService
{
    public const string LeaseName = "discovery-score-backfill";

    private readonly string _holder = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<VouchDbContext>();
            // Every contact, deleted ones too, has a row once scored; fewer rows than contacts means some never were.
            if (await db.Set<CandidateScore>().CountAsync(stoppingToken) >= await db.Contacts.IgnoreQueryFilters().CountAsync(stoppingToken))
            {
                LogUpToDate();
                return;
            }
            var leases = scope.ServiceProvider.GetRequiredService<JobLeases>();
            if (!await leases.TryAcquireAsync(LeaseName, _holder, TimeSpan.FromHours(2), stoppingToken))
            {
                return;
            }
            var started = TimeProvider.System.GetTimestamp();
            var scored = await CandidateScoring.RecomputeAllAsync(db, done =>
            {
                if (done % 100_000 == 0)
                {
                    LogProgress(done);
                }
            }, stoppingToken);
            LogDone(scored, TimeProvider.System.GetElapsedTime(started).TotalSeconds);
            await leases.ReleaseAsync(LeaseName, _holder, stoppingToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The lists stay short of the contacts not yet scored; the next start tries again.
            LogFailed(e);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Discovery scores are up to date.")]
    private partial void LogUpToDate();

    [LoggerMessage(Level = LogLevel.Information, Message = "Discovery scores: {Done} contacts scored so far.")]
    private partial void LogProgress(int done);

    [LoggerMessage(Level = LogLevel.Information, Message = "Discovery scores: {Scored} contacts scored in {Seconds:0.0} s.")]
    private partial void LogDone(int scored, double seconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Discovery scores could not be computed; the next start tries again.")]
    private partial void LogFailed(Exception exception);
}
