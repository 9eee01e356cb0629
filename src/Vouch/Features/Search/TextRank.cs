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

    // Stories repeat their words: each distinct word is stemmed once per search.
    private readonly Dictionary<string, string> _stemOf = [];
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _stemOfSpan;

    public TextRank(IReadOnlyList<string> words)
    {
        _words = words;
        _stems = [.. words.Select(Stem)];
        _stemOfSpan = _stemOf.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public int Score(string name, string? title, string? story) =>
        10 * Hits(name) + 4 * Hits(title) + Hits(story);

    private int Hits(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return 0;
        }
        Span<int> found = stackalloc int[_words.Count];
        var lower = text.ToLowerInvariant();
        var start = -1;
        for (var i = 0; i <= lower.Length; i++)
        {
            var inWord = i < lower.Length && char.IsLetterOrDigit(lower[i]);
            if (inWord && start < 0)
            {
                start = i;
            }
            else if (!inWord && start >= 0)
            {
                Count(lower.AsSpan(start, i - start), found);
                start = -1;
            }
        }
        var hits = 0;
        foreach (var count in found)
        {
            hits += count;
        }
        return hits;
    }

    private void Count(ReadOnlySpan<char> token, Span<int> found)
    {
        string? stem = null;
        for (var i = 0; i < _words.Count; i++)
        {
            if (found[i] < MostHitsCounted && (token.StartsWith(_words[i], StringComparison.Ordinal) || (stem ??= StemOf(token)) == _stems[i]))
            {
                found[i]++;
            }
        }
    }

    private string StemOf(ReadOnlySpan<char> token)
    {
        if (!_stemOfSpan.TryGetValue(token, out var stem))
        {
            var word = token.ToString();
            stem = _stemOf[word] = Stem(word);
        }
        return stem;
    }

    private string Stem(string word)
    {
        _stemmer.SetCurrent(word);
        _stemmer.Stem();
        return _stemmer.Current;
    }
}
