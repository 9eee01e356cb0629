using System.Globalization;
using System.Text;
using Lucene.Net.Analysis.En;
using Lucene.Net.Tartarus.Snowball.Ext;

namespace Vouch.Features.Ideas.Similarity;

/// <summary>One term of an idea: its canonical form, the stem and the words it came from.</summary>
/// <param name="Key">What two ideas must share to match: a stem, or a synonym group's canonical term.</param>
/// <param name="Stem">The stemmed words before synonyms were applied; typos are compared on it.</param>
/// <param name="Surface">The words as typed (lower case), for typos the stemmer does not see.</param>
/// <param name="Weight">1, or less for words that pad a request.</param>
/// <param name="Known">Whether the term is in the synonym table, so it is a word and not a typo.</param>
internal readonly record struct IdeaTerm(string Key, string Stem, string Surface, double Weight, bool Known);

/// <summary>
/// Turns text into terms: lower-cased words, stemmed (Snowball English from Lucene.NET), phrases
/// and synonyms folded onto one canonical term, stop words dropped.
/// </summary>
internal static class IdeaTerms
{
    public const double WeakWeight = 0.3;

    // The longest phrase in the synonym table, in words.
    private const int MaxPhraseWords = 4;

    private static readonly Dictionary<string, string> s_synonyms = BuildSynonyms();

    private static readonly HashSet<string> s_stopWords = BuildStopWords();

    private static readonly HashSet<string> s_weakKeys = BuildWeakKeys();

    private static readonly HashSet<string> s_glueWords = new(IdeaVocabulary.GlueWords, StringComparer.Ordinal);

    private static readonly Dictionary<string, int[]> s_alternatives = BuildAlternatives();

    private static readonly HashSet<string> s_negations = BuildNegations();

    /// <summary>The terms of <paramref name="text"/>, in order, at most <paramref name="maxTerms"/>.</summary>
    public static List<IdeaTerm> Analyze(string text, int maxTerms)
    {
        // Stop words are dropped after phrases are found ("sign on" holds one), so read more
        // words than terms are wanted.
        var words = Words(text, maxTerms * 2).Where(word => !s_glueWords.Contains(word)).ToArray();
        // Snowball stemmers keep state between calls, so each analysis has its own.
        var stemmer = new EnglishStemmer();
        var stems = words.Select(word => StemKey(stemmer, word)).ToArray();

        var terms = new List<IdeaTerm>(Math.Min(words.Length, maxTerms));
        for (var start = 0; start < words.Length && terms.Count < maxTerms;)
        {
            var matched = MatchPhrase(words, stems, start, out var canonical);
            if (matched > 0)
            {
                var surface = string.Join(' ', words, start, matched);
                var stem = string.Join(' ', stems, start, matched);
                terms.Add(new IdeaTerm(canonical!, stem, surface, WeightOf(canonical!), Known: true));
                start += matched;
                continue;
            }

            var word = words[start];
            var key = stems[start];
            // Single letters are left-overs of punctuation ("e.g.", "u.s."); numbers of one digit
            // count only inside a phrase such as "2 factor".
            if (word.Length > 1 && !s_stopWords.Contains(word))
            {
                terms.Add(new IdeaTerm(key, key, word, WeightOf(key), Known: false));
            }
            start++;
        }
        return terms;
    }

    /// <summary>The sets of <see cref="IdeaVocabulary.Alternatives"/> that hold <paramref name="key"/>.</summary>
    public static int[] AlternativeSets(string key) => s_alternatives.GetValueOrDefault(key, []);

    /// <summary>Whether <paramref name="key"/> asks to remove, turn off or hide something.</summary>
    public static bool IsNegation(string key) => s_negations.Contains(key);

    private static double WeightOf(string key) => s_weakKeys.Contains(key) ? WeakWeight : 1;

    private static int MatchPhrase(string[] words, string[] stems, int start, out string? canonical)
    {
        for (var length = Math.Min(MaxPhraseWords, words.Length - start); length > 0; length--)
        {
            var key = length == 1 ? stems[start] : string.Join(' ', stems, start, length);
            if (s_synonyms.TryGetValue(key, out canonical))
            {
                return length;
            }
        }
        canonical = null;
        return 0;
    }

    private static string StemKey(EnglishStemmer stemmer, string word)
    {
        if (IdeaVocabulary.ExactForms.TryGetValue(word, out var exact))
        {
            return exact;
        }
        stemmer.SetCurrent(word);
        stemmer.Stem();
        return stemmer.Current;
    }

    /// <summary>
    /// Lower-case words of letters and digits, accents removed; an apostrophe inside a word is
    /// dropped ("don't" is "dont"), anything else separates words. Markup is just more text.
    /// </summary>
    private static string[] Words(string text, int maxWords)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        foreach (var character in text.Normalize(NormalizationForm.FormD))
        {
            if (char.IsLetterOrDigit(character))
            {
                word.Append(char.ToLowerInvariant(character));
            }
            else if (CharUnicodeInfo.GetUnicodeCategory(character) == UnicodeCategory.NonSpacingMark
                || ((character == '\'' || character == '\u2019') && word.Length > 0))
            {
                continue;
            }
            else if (word.Length > 0)
            {
                words.Add(word.ToString());
                word.Clear();
                if (words.Count == maxWords)
                {
                    return [.. words];
                }
            }
        }
        if (word.Length > 0)
        {
            words.Add(word.ToString());
        }
        return [.. words];
    }

    private static Dictionary<string, string> BuildSynonyms()
    {
        var stemmer = new EnglishStemmer();
        var synonyms = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var group in IdeaVocabulary.SynonymGroups)
        {
            var canonical = group[0].Replace(" ", "", StringComparison.Ordinal);
            foreach (var entry in group)
            {
                var key = string.Join(' ', entry.Split(' ').Select(word => StemKey(stemmer, word)));
                if (!synonyms.TryAdd(key, canonical) && synonyms[key] != canonical)
                {
                    throw new InvalidOperationException($"'{entry}' stems onto '{key}', which is already in the group of '{synonyms[key]}'.");
                }
            }
        }
        return synonyms;
    }

    private static HashSet<string> BuildWeakKeys()
    {
        var stemmer = new EnglishStemmer();
        return [.. IdeaVocabulary.WeakWords.Select(word => CanonicalKey(stemmer, word))];
    }

    private static Dictionary<string, int[]> BuildAlternatives()
    {
        var stemmer = new EnglishStemmer();
        return IdeaVocabulary.Alternatives
            .SelectMany((set, index) => set.Select(word => (Key: CanonicalKey(stemmer, word), Set: index)))
            .Distinct()
            .GroupBy(entry => entry.Key, entry => entry.Set, StringComparer.Ordinal)
            .ToDictionary(group => group.Key, group => group.ToArray(), StringComparer.Ordinal);
    }

    private static HashSet<string> BuildNegations()
    {
        var stemmer = new EnglishStemmer();
        return [.. IdeaVocabulary.Negations.Select(word => CanonicalKey(stemmer, word))];
    }

    private static string CanonicalKey(EnglishStemmer stemmer, string word)
    {
        var key = StemKey(stemmer, word);
        return s_synonyms.GetValueOrDefault(key, key);
    }

    private static HashSet<string> BuildStopWords()
    {
        var stopWords = new HashSet<string>(IdeaVocabulary.FillerWords, StringComparer.Ordinal);
        foreach (var word in EnglishAnalyzer.DefaultStopSet)
        {
            stopWords.Add(word.ToString()!);
        }
        return stopWords;
    }
}
