using System.Runtime.InteropServices;
using Microsoft.EntityFrameworkCore;
using Vouch.Data;
using Vouch.Features.Contacts;

namespace Vouch.Features.Meaning;

/// <summary>
/// Works out and stores the embeddings of ideas, advocates' stories and content: those noted as new or changed
/// (<see cref="PendingEmbedding"/>), those that have none (after the migration that adds them, or a scale seed that
/// writes without EF), and, on a reindex, all of them. An idea is embedded as its title and the start of its
/// description; a story as <see cref="Contact.StoryOf"/>; content as <see cref="TextOfContent"/>. A record whose text
/// is gone (a story erased, content deleted)
/// keeps an embedding of zeros, which every instance's index reads as "not there". Without the model it does nothing,
/// and the notes wait for it.
/// </summary>
public sealed class EmbeddingWriter(VouchDbContext db, TextEmbedder embedder, VectorIndexes indexes, TimeProvider clock)
{
    /// <summary>Texts embedded in one call of the model, and stored in one save.</summary>
    public const int BatchSize = 64;

    /// <summary>The text of an idea the model reads.</summary>
    public static string TextOf(string title, string? description) =>
        string.IsNullOrWhiteSpace(description) ? title : $"{title}. {description}";

    /// <summary>The text of a piece of content the model reads: what it is, what it says and where it fits.</summary>
    public static string TextOfContent(string title, string? summary, string? fitsWhere) =>
        string.Join(". ", new[] { title, summary, fitsWhere }.Where(t => !string.IsNullOrWhiteSpace(t)));

    /// <summary>Embeds the records noted since the last round; the number embedded.</summary>
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
            foreach (var kind in pending.GroupBy(p => p.Kind))
            {
                var ids = kind.Select(p => p.RecordId).Distinct().ToList();
                if (!await EmbedAsync(kind.Key, ids, ct))
                {
                    return done;
                }
                done += ids.Count;
            }
            var last = pending[^1].Id;
            await db.Set<PendingEmbedding>().Where(p => p.Id <= last).ExecuteDeleteAsync(ct);
        }
    }

    /// <summary>Embeds every idea, story and piece of content that has no embedding of the current model; the number embedded.</summary>
    public async Task<int> BackfillAsync(Action<int>? progress, CancellationToken ct)
    {
        var done = 0;
        foreach (var kind in Enum.GetValues<EmbeddedKind>())
        {
            while (true)
            {
                var missing = await Records(kind)
                    .Where(id => !db.Set<TextEmbedding>().Any(e => e.Kind == kind && e.RecordId == id && e.Model == SentenceModel.Name))
                    .OrderBy(id => id).Take(BatchSize).ToListAsync(ct);
                if (missing.Count == 0)
                {
                    break;
                }
                if (!await EmbedAsync(kind, missing, ct))
                {
                    return done;
                }
                done += missing.Count;
                progress?.Invoke(done);
            }
        }
        return done;
    }

    /// <summary>Embeds every record of <paramref name="kind"/> again, in id order; after a change of model. The number embedded.</summary>
    public async Task<int> ReindexAsync(EmbeddedKind kind, Action<int>? progress, CancellationToken ct)
    {
        var done = 0;
        Guid? last = null;
        while (true)
        {
            var ids = await Records(kind).Where(id => last == null || id.CompareTo(last.Value) > 0)
                .OrderBy(id => id).Take(BatchSize).ToListAsync(ct);
            if (ids.Count == 0 || !await EmbedAsync(kind, ids, ct))
            {
                return done;
            }
            (last, done) = (ids[^1], done + ids.Count);
            progress?.Invoke(done);
        }
    }

    /// <summary>The records of a kind that have text to embed.</summary>
    private IQueryable<Guid> Records(EmbeddedKind kind) => kind switch
    {
        EmbeddedKind.Idea => db.Ideas.Select(i => i.Id),
        EmbeddedKind.Story => db.Contacts.Where(c => c.UseCase != null || c.Results != null || c.Quotes != null).Select(c => c.Id),
        EmbeddedKind.Content => db.ContentAssets.Select(c => c.Id),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>The text of each of the records <paramref name="ids"/> that still exist; empty for a story erased or content deleted.</summary>
    private async Task<List<(Guid Id, string Text)>> TextsAsync(EmbeddedKind kind, IReadOnlyList<Guid> ids, CancellationToken ct)
    {
        switch (kind)
        {
            case EmbeddedKind.Idea:
                var ideas = await db.Ideas.AsNoTracking().Where(i => ids.Contains(i.Id)).Select(i => new { i.Id, i.Title, i.Description }).ToListAsync(ct);
                return [.. ideas.Select(i => (i.Id, TextOf(i.Title, i.Description)))];
            case EmbeddedKind.Story:
                // A contact deleted since keeps no story either.
                var contacts = await db.Contacts.IgnoreQueryFilters().AsNoTracking().Where(c => ids.Contains(c.Id))
                    .Select(c => new { c.Id, c.UseCase, c.Results, c.Quotes, c.DeletedAt }).ToListAsync(ct);
                return [.. contacts.Select(c => (c.Id, c.DeletedAt is null ? Contact.StoryOf(c.UseCase, c.Results, c.Quotes) : ""))];
            case EmbeddedKind.Content:
                var content = await db.ContentAssets.AsNoTracking().Where(c => ids.Contains(c.Id))
                    .ToDictionaryAsync(c => c.Id, c => TextOfContent(c.Title, c.Summary, c.FitsWhere), ct);
                return [.. ids.Select(id => (id, content.GetValueOrDefault(id) ?? ""))];
            default:
                throw new ArgumentOutOfRangeException(nameof(kind), kind, null);
        }
    }

    /// <summary>Embeds and stores the records <paramref name="ids"/> that still exist; false without the model.</summary>
    private async Task<bool> EmbedAsync(EmbeddedKind kind, IReadOnlyList<Guid> ids, CancellationToken ct)
    {
        var texts = await TextsAsync(kind, ids, ct);
        var written = texts.Where(t => !string.IsNullOrWhiteSpace(t.Text)).ToList();
        var vectors = embedder.Embed([.. written.Select(t => t.Text)], ct);
        if (vectors is null)
        {
            return false;
        }
        var byId = written.Zip(vectors).ToDictionary(w => w.First.Id, w => Embeddings.Quantize(w.Second));
        var quantized = texts.Select(t => byId.GetValueOrDefault(t.Id) ?? new sbyte[SentenceModel.Dimensions]).ToList();
        db.ChangeTracker.Clear();
        var stored = await db.Set<TextEmbedding>().Where(e => e.Kind == kind && ids.Contains(e.RecordId)).ToDictionaryAsync(e => e.RecordId, ct);
        var now = clock.GetUtcNow();
        for (var i = 0; i < texts.Count; i++)
        {
            var bytes = MemoryMarshal.AsBytes(quantized[i].AsSpan()).ToArray();
            if (stored.TryGetValue(texts[i].Id, out var embedding))
            {
                (embedding.Model, embedding.Vector, embedding.ComputedAt) = (SentenceModel.Name, bytes, now);
            }
            else
            {
                db.Add(new TextEmbedding { Kind = kind, RecordId = texts[i].Id, Model = SentenceModel.Name, Vector = bytes, ComputedAt = now });
            }
        }
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        // This instance finds them at once; the others when they next catch up (VectorIndexSync).
        for (var i = 0; i < texts.Count; i++)
        {
            indexes[kind].Upsert(texts[i].Id, quantized[i], now);
        }
        return true;
    }
}
