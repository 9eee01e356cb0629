using Lucene.Net.Tartarus.Snowball.Ext;

namespace Vouch.Features.Search;

/// <summary>
/// How well a reference matches the words searched for: each word found in the name counts 10, in the title 4
/// and in the story 1, at most three times per word and place. A word is found where a word of the text starts
/// with it (still being typed) or has the same English stem ("integrations" finds "integration").
/// </summary>
/// <remarks>
/// SQLite's bm25 weighs every word of the query by how rare it is across the whole index, which means reading
/// the full list of every filter token too; a search that found a few hundred references spent most of its time
/// there. The words here weigh the same, which for the two or three words someone types changes little.
/// </remarks>
public sealed class TextRank
{
    private const int MostHitsCounted = 3;

    private readonly IReadOnlyList<string> _words;
    private readonly string[] _stems;
    private readonly EnglishStemmer _stemmer = new();

    public TextRank(IReadOnlyList<string> words)
    {
        _words = words;
        _stems = [.. words.Select(Stem)];
    }

    public int Score(string name, string? title, string? story) =>
        10 * Hits(name) + 4 * Hits(title) + Hits(story);

    private int Hits(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return 0;
        }
        var found = new int[_words.Count];
        foreach (var token in Tokens(text))
        {
            string? stem = null;
            for (var i = 0; i < _words.Count; i++)
            {
                if (found[i] < MostHitsCounted && (token.StartsWith(_words[i], StringComparison.Ordinal) || (stem ??= Stem(token)) == _stems[i]))
                {
                    found[i]++;
                }
            }
        }
        return found.Sum();
    }

    private string Stem(string word)
    {
        _stemmer.SetCurrent(word);
        _stemmer.Stem();
        return _stemmer.Current;
    }

    private static IEnumerable<string> Tokens(string text)
    {
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
                yield return text[start..i].ToLowerInvariant();
                start = -1;
            }
        }
    }
}
