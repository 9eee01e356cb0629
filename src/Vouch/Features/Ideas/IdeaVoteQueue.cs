using System.Threading.Channels;

namespace Vouch.Features.Ideas;

/// <summary>A vote waiting to be written: who votes, for which idea, and whom the audit log names.</summary>
public sealed record Ballot(Viewer Voter, Guid IdeaId, (Guid? UserId, string Name) Actor)
{
    internal TaskCompletionSource<CommandResult<VoteResponse>> Outcome { get; } =
        new(TaskCreationOptions.RunContinuationsAsynchronously);
}

/// <summary>
/// Writes votes in batches: every vote that arrives while a batch is being written goes into the next one, and each
/// batch is one transaction (<see cref="IdeaExchange.RecordAsync"/>). Under a few votes a second each batch holds one
/// vote; under hundreds, one commit, one pass through the database's write lock and a handful of reads serve dozens of
/// votes, which is what lets a single SQLite writer keep up (decision 0017).
/// </summary>
/// <remarks>
/// A batch that fails is written again one vote at a time, so one bad vote (a key that another instance filled first)
/// costs only its own answer. When the app stops, the queue takes no more votes and writes those it holds.
/// </remarks>
public sealed class IdeaVoteQueue(IServiceScopeFactory scopes, ILogger<IdeaVoteQueue> logger) : BackgroundService
{
    /// <summary>Enough to amortise a commit; small enough that one batch holds the write lock for a few milliseconds.</summary>
    internal const int MaxBatch = 128;

    private readonly Channel<Ballot> _ballots = Channel.CreateUnbounded<Ballot>(new UnboundedChannelOptions { SingleReader = true });

    /// <summary>Queues the vote and answers once the batch that holds it is committed.</summary>
    public Task<CommandResult<VoteResponse>> CastAsync(Ballot ballot, CancellationToken ct)
    {
        if (!_ballots.Writer.TryWrite(ballot))
        {
            throw new OperationCanceledException("The app is stopping and takes no more votes.");
        }
        // The caller may stop waiting; the vote is queued all the same and is written like any other.
        return ballot.Outcome.Task.WaitAsync(ct);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Runs until StopAsync closes the queue and every vote it holds is written, rather than until the stopping
        // token: a vote that was queued is answered, never dropped.
        var batch = new List<Ballot>(MaxBatch);
        while (await _ballots.Reader.WaitToReadAsync(CancellationToken.None))
        {
            while (batch.Count < MaxBatch && _ballots.Reader.TryRead(out var ballot))
            {
                batch.Add(ballot);
            }
            await WriteAsync(batch);
            batch.Clear();
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        _ballots.Writer.TryComplete();
        await base.StopAsync(cancellationToken);
        // A queue stopped as it started never ran, and nothing wrote what it holds.
        if (ExecuteTask is null or { IsCompleted: true })
        {
            while (_ballots.Reader.TryRead(out var left))
            {
                left.Outcome.TrySetCanceled(cancellationToken);
            }
        }
    }

    private async Task WriteAsync(IReadOnlyList<Ballot> batch)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            // Not cancelled by the app stopping: a batch that has begun is committed or rolled back whole.
            var outcomes = await scope.ServiceProvider.GetRequiredService<IdeaExchange>().RecordAsync(batch, CancellationToken.None);
            for (var i = 0; i < batch.Count; i++)
            {
                batch[i].Outcome.TrySetResult(outcomes[i]);
            }
        }
        catch (Exception e) when (batch.Count > 1)
        {
            logger.LogWarning(e, "A batch of {Count} votes failed and was rolled back; writing its votes one by one.", batch.Count);
            foreach (var ballot in batch)
            {
                await WriteAsync([ballot]);
            }
        }
        catch (Exception e)
        {
            batch[0].Outcome.TrySetException(e);
        }
    }
}
