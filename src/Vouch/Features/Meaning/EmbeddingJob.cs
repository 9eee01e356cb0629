using Microsoft.Extensions.Options;
using Vouch.Hosting;

namespace Vouch.Features.Meaning;

/// <summary>The sentence model's settings, from the <c>Meaning</c> section of the configuration.</summary>
public sealed class MeaningOptions
{
    /// <summary>Whether the model is used at all.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How often the embedding job looks for new or changed text; a new idea is found by meaning this much later.</summary>
    public int RefreshSeconds { get; set; } = 5;

    /// <summary>Whether the job embeds, on start, every idea that has no embedding yet.</summary>
    public bool BackfillOnStart { get; set; } = true;

    /// <summary>How often each instance reads the embeddings other instances stored into its nearest-neighbour index.</summary>
    public int IndexRefreshSeconds { get; set; } = 2;
}

/// <summary>
/// Keeps the stored embeddings current: on start, every idea without one; then, every
/// <see cref="MeaningOptions.RefreshSeconds"/>, the ideas noted as new or changed. One instance at a time, under a job
/// lease. Without the model it waits, and the notes with it.
/// </summary>
public sealed partial class EmbeddingJob(IServiceScopeFactory scopes, IOptions<MeaningOptions> options, TextEmbedder embedder, ILogger<EmbeddingJob> logger)
    : BackgroundService
{
    public const string LeaseName = "embeddings";

    private readonly string _holder = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";
    private bool _backfillChecked;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.RefreshSeconds));
        do
        {
            if (embedder.State == ModelState.Failed)
            {
                continue;
            }
            try
            {
                await RoundAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogFailed(e);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    private async Task RoundAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var leases = scope.ServiceProvider.GetRequiredService<JobLeases>();
        if (!await leases.TryAcquireAsync(LeaseName, _holder, TimeSpan.FromHours(2), ct))
        {
            return;
        }
        try
        {
            var writer = scope.ServiceProvider.GetRequiredService<EmbeddingWriter>();
            if (!_backfillChecked && options.Value.BackfillOnStart)
            {
                var started = TimeProvider.System.GetTimestamp();
                var backfilled = await writer.BackfillAsync(done =>
                {
                    if (done % 10_000 < EmbeddingWriter.BatchSize)
                    {
                        LogProgress(done);
                    }
                }, ct);
                if (backfilled > 0)
                {
                    LogBackfilled(backfilled, TimeProvider.System.GetElapsedTime(started).TotalSeconds);
                }
            }
            _backfillChecked = true;
            await writer.ProcessPendingAsync(ct);
        }
        finally
        {
            await leases.ReleaseAsync(LeaseName, _holder, CancellationToken.None);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Embeddings: {Done} ideas embedded so far.")]
    private partial void LogProgress(int done);

    [LoggerMessage(Level = LogLevel.Information, Message = "Embeddings: {Ideas} ideas embedded in {Seconds:0.0} s.")]
    private partial void LogBackfilled(int ideas, double seconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Embeddings could not be worked out; the next round tries again.")]
    private partial void LogFailed(Exception exception);
}
