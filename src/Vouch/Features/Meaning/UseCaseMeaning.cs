using System.Collections.Concurrent;

namespace Vouch.Features.Meaning;

/// <summary>
/// The advocates' stories nearest to a request's use case by meaning, with their cosine, for matching
/// (<see cref="Matching.MatchCriteria.StoryMeaning"/>) and the reference search, and the content nearest to it for the
/// alternatives a request is offered. A use case is embedded once and remembered, since a request is matched many
/// times with the same words; the records come from this instance's vector index.
/// </summary>
public sealed class UseCaseMeaning(TextEmbedder embedder, VectorIndexes indexes)
{
    /// <summary>
    /// How many stories nearest to a use case are scored by meaning. The rest rank by their words: a story further
    /// than the few hundred nearest earns next to nothing by meaning (<see cref="MeaningBlend.StoryCredit"/>).
    /// </summary>
    public const int StoriesScored = 500;

    // Use cases embedded lately; cleared when full, so memory stays bounded whatever is typed.
    private const int Remembered = 1_000;
    private readonly ConcurrentDictionary<string, float[]> _embedded = new(StringComparer.Ordinal);

    /// <summary>The stories nearest to <paramref name="useCase"/>, by contact; null without a use case or without the model.</summary>
    public IReadOnlyDictionary<Guid, double>? Of(string? useCase, CancellationToken ct) => Nearest(EmbeddedKind.Story, useCase, StoriesScored, ct);

    /// <summary>The <paramref name="count"/> records of <paramref name="kind"/> nearest to <paramref name="useCase"/>; null without a use case or without the model.</summary>
    public IReadOnlyDictionary<Guid, double>? Nearest(EmbeddedKind kind, string? useCase, int count, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(useCase) || !useCase.Any(char.IsLetterOrDigit))
        {
            return null;
        }
        if (!_embedded.TryGetValue(useCase, out var vector))
        {
            if (embedder.Embed(useCase, ct) is not { } embedded)
            {
                return null;
            }
            if (_embedded.Count >= Remembered)
            {
                _embedded.Clear();
            }
            vector = _embedded[useCase] = embedded;
        }
        return indexes[kind].Nearest(vector, count).ToDictionary(n => n.Record, n => n.Cosine);
    }
}
