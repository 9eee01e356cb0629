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
    /// An FTS5 query: each word as itself, stemmed by the porter tokenizer (so "integrations" finds "integration"),
    /// and the last one also as the start of a word, as it may still be being typed (so "onbo" finds "onboarding");
    /// all words must match. A prefix reads every word it starts, so only the last word pays for one.
    /// </summary>
    public static string? ToFts5(IReadOnlyList<string> words) =>
        words.Count == 0 ? null : string.Join(" AND ", words.Select((w, i) => i < words.Count - 1 ? $"\"{w}\"" : $"(\"{w}\" OR \"{w}\"*)"));

    /// <summary>A <c>to_tsquery</c> text of every word whole (stemmed); null without words.</summary>
    public static string? ToTsQueryWhole(IEnumerable<string> words) =>
        words.Any() ? string.Join(" & ", words) : null;

    /// <summary>The weights of the name and the title in a contact's tsvector (the story's is C).</summary>
    public const string NameAndTitleWeights = "AB";

    /// <summary>
    /// A <c>to_tsquery</c> text: each word stemmed (so "integrations" finds "integration"), and the last one as a
    /// prefix, which PostgreSQL stems too (so <c>onbo:*</c> finds "onboarding"); all words must match, with one of
    /// the <paramref name="weights"/> when they are given. A prefix makes the GIN index gather every contact with a
    /// word it starts before intersecting, so only the last word pays for one.
    /// </summary>
    public static string? ToTsQuery(IReadOnlyList<string> words, string weights = "")
    {
        var last = words.Count - 1;
        return words.Count == 0 ? null : string.Join(" & ", words.Select((w, i) =>
            i == last ? $"{w}:*{weights}" : weights.Length == 0 ? w : $"{w}:{weights}"));
    }
}
