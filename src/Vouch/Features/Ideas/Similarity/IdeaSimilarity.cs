namespace Vouch.Features.Ideas.Similarity;

/// <summary>What a similarity comparison reads of an idea: its title and, when there is one, its description.</summary>
public sealed record IdeaText(string Title, string? Description);

/// <summary>
/// How alike two ideas are, from 0 (nothing in common) to 1 (the same words). A deliberately plain
/// word-overlap (Jaccard) measure that keeps the idea exchange working; the paraphrase-aware engine
/// has the same API.
/// </summary>
public static class IdeaSimilarity
{
    /// <summary>From this score up, an existing idea is offered as a possible duplicate.</summary>
    public const double DuplicateThreshold = 0.5;

    public static double Score(IdeaText typed, IdeaText existing)
    {
        // While someone types a title there is no description to compare, so titles are compared with titles.
        var typedWords = Words(typed.Description is null ? typed.Title : typed.Title + " " + typed.Description);
        var existingWords = Words(typed.Description is null ? existing.Title : existing.Title + " " + existing.Description);
        if (typedWords.Count == 0 || existingWords.Count == 0)
        {
            return 0;
        }
        var shared = typedWords.Count(existingWords.Contains);
        return (double)shared / (typedWords.Count + existingWords.Count - shared);
    }

    /// <summary>The distinct terms of <paramref name="text"/> an idea is found by.</summary>
    public static IReadOnlyList<string> SearchTerms(string text) => [.. Words(text)];

    private static HashSet<string> Words(string text)
    {
        var words = new HashSet<string>(StringComparer.Ordinal);
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var inWord = i < text.Length && char.IsLetterOrDigit(text[i]);
            if (inWord && start < 0)
            {
                start = i;
            }
            else if (!inWord && start >= 0)
            {
                words.Add(text[start..i].ToLowerInvariant());
                start = -1;
            }
        }
        return words;
    }
}
