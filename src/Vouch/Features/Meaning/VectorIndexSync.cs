using System.Runtime.InteropServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Vouch.Data;

namespace Vouch.Features.Meaning;

/// <summary>The in-memory nearest-neighbour index of each kind of embedded text; one per process.</summary>
public sealed class VectorIndexes : IDisposable
{
    private readonly Dictionary<EmbeddedKind, VectorIndex> _indexes = Enum.GetValues<EmbeddedKind>().ToDictionary(kind => kind, _ => new VectorIndex());
    private volatile bool _loaded;

    public VectorIndex this[EmbeddedKind kind] => _indexes[kind];

    /// <summary>Whether every stored embedding has been read once; until then the indexes hold part of them.</summary>
    public bool Loaded
    {
        get => _loaded;
        internal set => _loaded = value;
    }

    public void Dispose()
    {
        foreach (var index in _indexes.Values)
        {
            index.Dispose();
        }
    }
}

/// <summary>
/// Keeps this instance's <see cref="VectorIndexes"/> the same as the stored embeddings: on start it reads them all, in
/// pages; then, every <see cref="MeaningOptions.IndexRefreshSeconds"/>, those computed since the newest it has seen,
/// less <see cref="Overlap"/>. Every instance runs it, so a text embedded by any instance is found by meaning on all of
/// them within seconds; the instance that embedded it adds it at once (<see cref="EmbeddingWriter"/>). Changes are
/// read by when they were computed rather than by a sequence, which SQLite has not; the overlap covers a save that
/// commits a little after it was computed, or on a machine whose clock runs a little behind.
/// </summary>
public sealed partial class VectorIndexSync(IServiceScopeFactory scopes, VectorIndexes indexes, IOptions<MeaningOptions> options, ILogger<VectorIndexSync> logger)
    : BackgroundService
{
    public static readonly TimeSpan Overlap = TimeSpan.FromMinutes(1);

    private const int PageSize = 5_000;

    // When the newest embedding this instance has read was computed; null before it has read any.
    private DateTimeOffset? _newest;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.IndexRefreshSeconds));
        do
        {
            try
            {
                if (!indexes.Loaded)
                {
                    await LoadAsync(stoppingToken);
                    indexes.Loaded = true;
                }
                else
                {
                    await CatchUpAsync(stoppingToken);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogFailed(e);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>Reads every stored embedding of the current model into the indexes, in pages by record.</summary>
    private async Task LoadAsync(CancellationToken ct)
    {
        var started = TimeProvider.System.GetTimestamp();
        var loaded = 0;
        foreach (var kind in Enum.GetValues<EmbeddedKind>())
        {
            Guid? after = null;
            while (true)
            {
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<VouchDbContext>();
                var page = await db.Set<TextEmbedding>().AsNoTracking()
                    .Where(e => e.Kind == kind && e.Model == SentenceModel.Name && (after == null || e.RecordId.CompareTo(after.Value) > 0))
                    .OrderBy(e => e.RecordId).Take(PageSize)
                    .Select(e => new Stored(e.RecordId, e.Vector, e.ComputedAt))
                    .ToListAsync(ct);
                Apply(kind, page);
                loaded += page.Count;
                if (page.Count < PageSize)
                {
                    break;
                }
                after = page[^1].RecordId;
            }
        }
        LogLoaded(loaded, TimeProvider.System.GetElapsedTime(started).TotalSeconds);
    }

    /// <summary>Applies the embeddings computed since the newest seen, less the overlap.</summary>
    private async Task CatchUpAsync(CancellationToken ct)
    {
        var since = _newest - Overlap;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<VouchDbContext>();
        foreach (var kind in Enum.GetValues<EmbeddedKind>())
        {
            var changed = await db.Set<TextEmbedding>().AsNoTracking()
                .Where(e => e.Kind == kind && e.Model == SentenceModel.Name && (since == null || e.ComputedAt >= since))
                .Select(e => new Stored(e.RecordId, e.Vector, e.ComputedAt))
                .ToListAsync(ct);
            Apply(kind, changed);
        }
    }

    private void Apply(EmbeddedKind kind, List<Stored> embeddings)
    {
        var index = indexes[kind];
        foreach (var embedding in embeddings)
        {
            index.Upsert(embedding.RecordId, MemoryMarshal.Cast<byte, sbyte>(embedding.Vector).ToArray(), embedding.ComputedAt);
            if (_newest is null || embedding.ComputedAt > _newest)
            {
                _newest = embedding.ComputedAt;
            }
        }
    }

    private sealed record Stored(Guid RecordId, byte[] Vector, DateTimeOffset ComputedAt);

    [LoggerMessage(Level = LogLevel.Information, Message = "Meaning: {Count} embeddings read into the nearest-neighbour index in {Seconds:0.0} s.")]
    private partial void LogLoaded(int count, double seconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Meaning: the nearest-neighbour index could not be brought up to date; the next round tries again.")]
    private partial void LogFailed(Exception exception);
}
