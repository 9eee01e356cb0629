using System.Runtime.InteropServices;
using Microsoft.EntityFrameworkCore;
using Vouch.Data;

namespace Vouch.Features.Meaning;

/// <summary>
/// Works out and stores the embeddings of ideas: those noted as new or changed (<see cref="PendingEmbedding"/>), those
/// that have none (after the migration that adds them, or a scale seed that writes without EF), and, on a reindex, all
/// of them. An idea is embedded as its title and the start of its description. Without the model it does nothing, and
/// the notes wait for it.
/// </summary>
public sealed class EmbeddingWriter(VouchDbContext db, TextEmbedder embedder, VectorIndexes indexes, TimeProvider clock)
{
    /// <summary>Texts embedded in one call of the model, and stored in one save.</summary>
    public const int BatchSize = 64;

    /// <summary>The text of an idea the model reads.</summary>
    public static string TextOf(string title, string? description) =>
        string.IsNullOrWhiteSpace(description) ? title : $"{title}. {description}";

    /// <summary>Embeds the ideas noted since the last round; the number embedded.</summary>
    public async Task<int> ProcessPendingAsync(CancellationToken ct)
    {
        var done = 0;
        while (true)
        {
            var pending = await db.Set<PendingEmbedding>().AsNoTracking().OrderBy(p => p.Id).Take(BatchSize).ToListAsync(ct);
            if (pending.Count == 0)
            {
                return done;
            }
            var ids = pending.Select(p => p.RecordId).Distinct().ToList();
            if (!await EmbedAsync(ids, ct))
            {
                return done;
            }
            var last = pending[^1].Id;
            await db.Set<PendingEmbedding>().Where(p => p.Id <= last).ExecuteDeleteAsync(ct);
            done += ids.Count;
        }
    }

    /// <summary>Embeds every idea that has no embedding of the current model; the number embedded.</summary>
    public async Task<int> BackfillAsync(Action<int>? progress, CancellationToken ct)
    {
        var done = 0;
        while (true)
        {
            var missing = await db.Ideas.AsNoTracking()
                .Where(i => !db.Set<TextEmbedding>().Any(e => e.Kind == EmbeddedKind.Idea && e.RecordId == i.Id && e.Model == SentenceModel.Name))
                .OrderBy(i => i.Id).Select(i => i.Id).Take(BatchSize).ToListAsync(ct);
            if (missing.Count == 0 || !await EmbedAsync(missing, ct))
            {
                return done;
            }
            done += missing.Count;
            progress?.Invoke(done);
        }
    }

    /// <summary>Embeds every idea again, in id order; after a change of model. The number embedded.</summary>
    public async Task<int> ReindexAsync(Action<int>? progress, CancellationToken ct)
    {
        var done = 0;
        Guid? last = null;
        while (true)
        {
            var ids = await db.Ideas.AsNoTracking().Where(i => last == null || i.Id.CompareTo(last.Value) > 0)
                .OrderBy(i => i.Id).Select(i => i.Id).Take(BatchSize).ToListAsync(ct);
            if (ids.Count == 0 || !await EmbedAsync(ids, ct))
            {
                return done;
            }
            (last, done) = (ids[^1], done + ids.Count);
            progress?.Invoke(done);
        }
    }

    /// <summary>Embeds and stores the ideas <paramref name="ids"/> that still exist; false without the model.</summary>
    private async Task<bool> EmbedAsync(IReadOnlyList<Guid> ids, CancellationToken ct)
    {
        var ideas = await db.Ideas.AsNoTracking().Where(i => ids.Contains(i.Id)).Select(i => new { i.Id, i.Title, i.Description }).ToListAsync(ct);
        var vectors = embedder.Embed([.. ideas.Select(i => TextOf(i.Title, i.Description))], ct);
        if (vectors is null)
        {
            return false;
        }
        db.ChangeTracker.Clear();
        var stored = await db.Set<TextEmbedding>().Where(e => e.Kind == EmbeddedKind.Idea && ids.Contains(e.RecordId)).ToDictionaryAsync(e => e.RecordId, ct);
        var now = clock.GetUtcNow();
        var quantized = vectors.Select(v => Embeddings.Quantize(v)).ToList();
        for (var i = 0; i < ideas.Count; i++)
        {
            var bytes = MemoryMarshal.AsBytes(quantized[i].AsSpan()).ToArray();
            if (stored.TryGetValue(ideas[i].Id, out var embedding))
            {
                (embedding.Model, embedding.Vector, embedding.ComputedAt) = (SentenceModel.Name, bytes, now);
            }
            else
            {
                db.Add(new TextEmbedding { Kind = EmbeddedKind.Idea, RecordId = ideas[i].Id, Model = SentenceModel.Name, Vector = bytes, ComputedAt = now });
            }
        }
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        // This instance finds them at once; the others when they next catch up (VectorIndexSync).
        for (var i = 0; i < ideas.Count; i++)
        {
            indexes[EmbeddedKind.Idea].Upsert(ideas[i].Id, quantized[i], now);
        }
        return true;
    }
}
