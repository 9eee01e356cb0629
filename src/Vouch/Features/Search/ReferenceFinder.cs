using Vouch.Data;
using Vouch.Features.Meaning;
using Vouch.Web;

namespace Vouch.Features.Search;

/// <summary>
/// The reference search by words and by meaning. The words' search (<see cref="ReferenceSearch"/>) finds the stories
/// that say what was typed; the sentence model finds those that mean it in other words ("cut reporting time" finds
/// "executives self-serve their numbers"). The first <see cref="Head"/> found by words and the stories near in
/// meaning that pass the same filters make one ranking by reciprocal rank fusion; the rest found by words follow in
/// their own order. Without text, without the model or with no story near, it is the words' search alone.
/// </summary>
public sealed class ReferenceFinder(VouchDbContext db, UseCaseMeaning meaning)
{
    /// <summary>How many of the words' best matches are ranked together with the stories near in meaning.</summary>
    public const int Head = 100;

    /// <summary>
    /// Reciprocal rank fusion's constant: a result's score is the sum over both lists of 1 / (k + its rank). The usual
    /// 60 keeps a first place in one list from outweighing good places in both.
    /// </summary>
    private const int FusionConstant = 60;

    public async Task<Paged<ReferenceSummary>> SearchAsync(ReferenceCriteria criteria, int page, int pageSize, CancellationToken ct)
    {
        var skip = (page - 1) * pageSize;
        if (await FuseAsync(criteria, ct) is not { } fused)
        {
            return await db.SearchAsync(criteria, page, pageSize, ct);
        }
        var items = fused.Ranked.Skip(skip).Take(pageSize).ToList();
        var rest = pageSize - items.Count;
        if (rest > 0 && fused.ByWords > Head)
        {
            var (tail, _) = await db.SliceAsync(criteria, fused.HeadCount + Math.Max(0, skip - fused.Ranked.Count), rest, ct);
            items.AddRange(tail);
        }
        return new Paged<ReferenceSummary>(items, fused.ByWords + fused.ByMeaningAlone, page, pageSize);
    }

    /// <summary>Every match in the order of <see cref="SearchAsync"/>'s pages, with the whole story, as the export writes it.</summary>
    public async IAsyncEnumerable<ReferenceExportRow> StreamAsync(
        ReferenceCriteria criteria, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        var fused = await FuseAsync(criteria, ct);
        var written = 0;
        if (fused is not null)
        {
            var rows = new Dictionary<Guid, ReferenceExportRow>();
            await foreach (var row in db.StreamAsync(criteria with { Words = [], Among = [.. fused.Ranked.Select(r => r.Id)] }, ct))
            {
                rows[row.Reference.Id] = row;
            }
            foreach (var reference in fused.Ranked.Where(r => rows.ContainsKey(r.Id)))
            {
                yield return rows[reference.Id] with { Reference = reference };
                written++;
            }
        }
        // The words' matches after those ranked above.
        await foreach (var row in db.StreamAsync(criteria, ct).Skip(fused?.HeadCount ?? 0).Take(ReferenceSearch.ExportMaxRows - written))
        {
            yield return row;
        }
    }

    /// <summary>
    /// The words' first matches and the stories near the words in meaning, ranked together; null when nothing is near
    /// in meaning, so the words' search stands alone.
    /// </summary>
    private async Task<Fused?> FuseAsync(ReferenceCriteria criteria, CancellationToken ct)
    {
        var near = meaning.Of(string.Join(' ', criteria.Words), ct)?
            .Where(n => n.Value >= MeaningBlend.MeaningFloor)
            .ToDictionary();
        if (near is null || near.Count == 0)
        {
            return null;
        }
        var (head, byWords) = await db.SliceAsync(criteria, 0, Head, ct);
        var (nearInFilters, _) = await db.SliceAsync(criteria with { Words = [], Among = near.Keys }, 0, near.Count, ct);
        var (nearByWords, _) = await db.SliceAsync(criteria with { Among = near.Keys }, 0, near.Count, ct);
        var inHead = head.Select(r => r.Id).ToHashSet();
        var foundByWords = nearByWords.Select(r => r.Id).ToHashSet();
        // A story near in meaning that the words find further down keeps its place there.
        var byMeaning = nearInFilters
            .Where(r => inHead.Contains(r.Id) || !foundByWords.Contains(r.Id))
            .OrderByDescending(r => near[r.Id]).ThenBy(r => r.Id)
            .ToList();
        var score = new Dictionary<Guid, double>();
        var summaries = new Dictionary<Guid, ReferenceSummary>();
        foreach (var (rank, reference) in head.Index())
        {
            score[reference.Id] = Fusion(rank);
            summaries[reference.Id] = reference;
        }
        foreach (var (rank, reference) in byMeaning.Index())
        {
            score[reference.Id] = score.GetValueOrDefault(reference.Id) + Fusion(rank);
            summaries.TryAdd(reference.Id, reference with { FoundByMeaning = true });
        }
        var headOrder = head.Select((r, i) => (r.Id, i)).ToDictionary(p => p.Id, p => p.i);
        var ranked = score
            .OrderByDescending(s => s.Value).ThenBy(s => headOrder.GetValueOrDefault(s.Key, int.MaxValue)).ThenBy(s => s.Key)
            .Select(s => summaries[s.Key])
            .ToList();
        return new Fused(ranked, head.Count, byWords, byMeaning.Count(r => !inHead.Contains(r.Id)));
    }

    private static double Fusion(int rank) => 1.0 / (FusionConstant + rank + 1);

    /// <param name="Ranked">The words' first matches and the stories near in meaning, best first.</param>
    /// <param name="HeadCount">How many of <paramref name="Ranked"/> the words found (at most <see cref="Head"/>).</param>
    /// <param name="ByWords">How many the words find in all.</param>
    /// <param name="ByMeaningAlone">How many of <paramref name="Ranked"/> only meaning found.</param>
    private sealed record Fused(List<ReferenceSummary> Ranked, int HeadCount, int ByWords, int ByMeaningAlone);
}
