using System.Text;

namespace Vouch.Features.Search;

/// <summary>
/// Turns what someone typed into a full-text query for each database. Only letters and digits pass,
/// so nothing a user types can change the query's syntax; every word must match, and the last one
/// may still be half typed.
/// </summary>
public static class SearchText
{
    public const int MaxWords = 8;
    public const int MaxWordLength = 40;

    /// <summary>The words of <paramref name="text"/>, lower-cased, at most <see cref="MaxWords"/>.</summary>
    public static IReadOnlyList<string> Words(string? text)
    {
        var words = new List<string>();
        if (string.IsNullOrWhiteSpace(text))
        {
            return words;
        }
        var word = new StringBuilder();
        foreach (var c in text.Trim() + " ")
        {
            if (char.IsLetterOrDigit(c))
            {
                if (word.Length < MaxWordLength)
                {
                    word.Append(char.ToLowerInvariant(c));
                }
            }
            else if (word.Length > 0)
            {
                if (!words.Contains(word.ToString()))
                {
                    words.Add(word.ToString());
                }
                word.Clear();
                if (words.Count == MaxWords)
                {
                    break;
                }
            }
        }
        return words;
    }

    /// <summary>
    /// An FTS5 query: each word as itself (stemmed by the porter tokenizer, so "integrations" finds
    /// "integration") or as the start of a word (so "onbo" finds "onboarding"); all words must match.
    /// </summary>
    public static string? ToFts5(IReadOnlyList<string> words) =>
        words.Count == 0 ? null : string.Join(" AND ", words.Select(w => $"(\"{w}\" OR \"{w}\"*)"));

    /// <summary>
    /// A <c>to_tsquery</c> text: PostgreSQL stems a prefix term too, so <c>integrations:*</c> finds
    /// "integration" and <c>onbo:*</c> finds "onboarding"; all words must match.
    /// </summary>
    public static string? ToTsQuery(IReadOnlyList<string> words) =>
        words.Count == 0 ? null : string.Join(" & ", words.Select(w => w + ":*"));
}
