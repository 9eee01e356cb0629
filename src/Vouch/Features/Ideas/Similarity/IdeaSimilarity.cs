namespace Vouch.Features.Ideas.Similarity;

/// <summary>
/// How close a typed idea is to an existing one, from 0 (unrelated) to 1 (the same words), so
/// people vote on the idea that exists instead of posting it again. Titles decide most of the
/// score: weighted cosine over stemmed, synonym-folded terms and their neighbouring pairs, with
/// misspelt words and character trigrams counting too. Titles that each add words of their own,
/// name alternatives ("export", "import") or ask to remove what the other asks for score lower.
/// When both ideas have a description, the whole texts are compared as well. See
/// docs/ideas-similarity.md.
/// </summary>
public static class IdeaSimilarity
{
    /// <summary>
    /// From this score on, an existing idea is shown as a possible duplicate. Chosen by sweeping
    /// the labelled development pairs (DuplicateQualityTests) for the best F0.5: a wrong "possible
    /// duplicate" interrupts someone with a new idea, while a missed one can still be merged later.
    /// </summary>
    public const double DuplicateThreshold = 0.35;

    // Titles are a line; more words than this are no longer a title, and typo matching
    // compares every word with every other.
    private const int MaxTitleTerms = 32;

    // Enough of a description to say what it asks for, and a bound on the work for any text.
    private const int MaxDescriptionTerms = 400;

    // Two neighbouring terms ("report pdf") count half a term: they tell "export reports to PDF"
    // from "PDF reports of exports" without outweighing the words themselves.
    private const double PairWeight = 0.5;

    // A misspelt word is almost, not quite, the word.
    private const double TypoCredit = 0.8;

    // Share of the word score given to how much of the shorter title the longer one covers:
    // "Subtasks" and "Subtasks with their own due dates" ask for the same, which cosine alone
    // underrates; coverage alone would rate a one-word title a duplicate of every idea using it.
    private const double CoverageShare = 0.5;

    // Share of the title score given to character trigrams, which see typos and split or
    // joined words ("work flow", "workflow") but not synonyms.
    private const double TrigramShare = 0.1;

    // Share of the score given to the whole texts when both ideas have a description.
    private const double DescriptionShare = 0.3;

    // Titles are divided by 1 + this times the smaller of the weights of the words each has
    // that the other lacks. When one title says all the other says and more, it is the same
    // request in more detail; when each adds words of its own ("status page for outages",
    // "status page on a custom domain") they are usually two requests about one thing.
    private const double DivergencePenalty = 1;

    // What is left of the score of two titles that name alternatives ("export" where the other
    // says "import"): they are near-misses, however many other words they share.
    private const double AlternativeFactor = 0.5;

    /// <summary>The similarity of two ideas, from 0 to 1.</summary>
    public static double Score(IdeaText typed, IdeaText existing) => Score(Prepare(typed), Prepare(existing));

    /// <summary>The similarity of two prepared ideas, from 0 to 1: microseconds per pair.</summary>
    public static double Score(IdeaFingerprint typed, IdeaFingerprint existing)
    {
        ArgumentNullException.ThrowIfNull(typed);
        ArgumentNullException.ThrowIfNull(existing);

        var title = TitleSimilarity(typed, existing);
        var score = title;
        if (typed.Whole is not null && existing.Whole is not null)
        {
            var whole = typed.Whole.Cosine(existing.Whole, typed.Whole.Dot(existing.Whole));
            score = title + (whole - title) * DescriptionShare;
        }
        return NameAlternatives(typed, existing) ? score * AlternativeFactor : score;
    }

    /// <summary>Analyses an idea once, to compare it with many.</summary>
    public static IdeaFingerprint Prepare(IdeaText idea)
    {
        ArgumentNullException.ThrowIfNull(idea);

        var titleTerms = IdeaTerms.Analyze(idea.Title ?? "", MaxTitleTerms);
        var title = new Dictionary<string, (double Weight, int Count)>(StringComparer.Ordinal);
        AddTerms(title, titleTerms);

        TermVector? whole = null;
        if (!string.IsNullOrWhiteSpace(idea.Description))
        {
            var descriptionTerms = IdeaTerms.Analyze(idea.Description, MaxDescriptionTerms);
            if (descriptionTerms.Count > 0)
            {
                var all = new Dictionary<string, (double Weight, int Count)>(title, StringComparer.Ordinal);
                AddTerms(all, descriptionTerms);
                whole = Vector(all);
            }
        }

        return new IdeaFingerprint(
            Vector(title),
            [.. titleTerms.DistinctBy(term => term.Key)],
            Trigrams(titleTerms),
            whole);
    }

    /// <summary>
    /// The normalised terms of a text (stemmed, synonyms folded onto one term, stop words
    /// dropped), each once, in order: what a full-text index should hold and be queried with to
    /// find candidates for <see cref="Score(IdeaFingerprint, IdeaFingerprint)"/>.
    /// </summary>
    public static IReadOnlyList<string> SearchTerms(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return [.. IdeaTerms.Analyze(text, MaxDescriptionTerms).Select(term => term.Key).Distinct()];
    }

    private static double TitleSimilarity(IdeaFingerprint a, IdeaFingerprint b)
    {
        var (typosOfA, unmatchedOfA) = Compare(a, b);
        var (typosOfB, unmatchedOfB) = Compare(b, a);
        var dot = a.Title.Dot(b.Title) + (typosOfA + typosOfB) / 2;
        var cosine = a.Title.Cosine(b.Title, dot);
        var coverage = a.Title.Coverage(b.Title, dot);
        var words = cosine + (coverage - cosine) * CoverageShare;
        var trigrams = Dice(a.TitleTrigrams, b.TitleTrigrams);
        var similarity = words + (trigrams - words) * TrigramShare;
        return similarity / (1 + DivergencePenalty * Math.Min(unmatchedOfA, unmatchedOfB));
    }

    /// <summary>
    /// Whether the titles ask for opposite or alternative things: one asks to remove what the
    /// other asks for, or each has a term the other lacks from one set of alternatives ("export
    /// contacts" and "import contacts", not "export contacts" and "export contacts to CSV").
    /// </summary>
    private static bool NameAlternatives(IdeaFingerprint a, IdeaFingerprint b)
    {
        if (a.TitleNegates != b.TitleNegates)
        {
            return true;
        }
        foreach (var (set, key) in a.TitleAlternatives)
        {
            if (b.Title.Weights.ContainsKey(key))
            {
                continue;
            }
            foreach (var (otherSet, otherKey) in b.TitleAlternatives)
            {
                if (otherSet == set && !a.Title.Weights.ContainsKey(otherKey))
                {
                    return true;
                }
            }
        }
        return false;
    }

    /// <summary>
    /// The words of <paramref name="a"/>'s title missing from <paramref name="b"/>'s: the credit
    /// for those a typo away from a missing word of <paramref name="b"/> (each matched once), and
    /// the weight of the others.
    /// </summary>
    private static (double TypoCredit, double Unmatched) Compare(IdeaFingerprint a, IdeaFingerprint b)
    {
        var credit = 0.0;
        var unmatched = 0.0;
        var used = 0u;
        foreach (var term in a.TitleTerms)
        {
            if (b.Title.Weights.ContainsKey(term.Key))
            {
                continue;
            }
            var typo = false;
            for (var index = 0; index < b.TitleTerms.Length && !typo; index++)
            {
                var other = b.TitleTerms[index];
                if ((used & (1u << index)) == 0 && !a.Title.Weights.ContainsKey(other.Key) && Typo.IsTypo(term, other))
                {
                    used |= 1u << index;
                    credit += TypoCredit * term.Weight * other.Weight;
                    typo = true;
                }
            }
            if (!typo)
            {
                unmatched += term.Weight;
            }
        }
        return (credit, unmatched);
    }

    private static void AddTerms(Dictionary<string, (double Weight, int Count)> counts, List<IdeaTerm> terms)
    {
        for (var index = 0; index < terms.Count; index++)
        {
            Add(counts, terms[index].Key, terms[index].Weight);
            if (index > 0 && terms[index - 1].Key != terms[index].Key)
            {
                // Pairs ignore order: "PDF export" asks for the same as "export to PDF".
                var (first, second) = (terms[index - 1], terms[index]);
                var pair = string.CompareOrdinal(first.Key, second.Key) < 0 ? $"{first.Key} {second.Key}" : $"{second.Key} {first.Key}";
                Add(counts, pair, PairWeight * Math.Min(first.Weight, second.Weight));
            }
        }
    }

    private static void Add(Dictionary<string, (double Weight, int Count)> counts, string key, double weight)
    {
        var (known, count) = counts.GetValueOrDefault(key);
        counts[key] = (Math.Max(known, weight), count + 1);
    }

    // A word said five times matters more than once, not five times more.
    private static TermVector Vector(Dictionary<string, (double Weight, int Count)> counts) =>
        new(counts.ToDictionary(entry => entry.Key, entry => entry.Value.Weight * (1 + Math.Log(entry.Value.Count)), StringComparer.Ordinal));

    private static HashSet<long> Trigrams(List<IdeaTerm> terms)
    {
        // Words are joined without spaces so "work flow" and "workflow" share their trigrams;
        // the ends are marked so short titles still have some.
        var text = "\u0001" + string.Concat(terms.Select(term => term.Surface.Replace(" ", "", StringComparison.Ordinal))) + "\u0001";
        var trigrams = new HashSet<long>();
        for (var index = 0; index + 2 < text.Length; index++)
        {
            trigrams.Add(((long)text[index] << 32) | ((long)text[index + 1] << 16) | text[index + 2]);
        }
        return trigrams;
    }

    private static double Dice(HashSet<long> a, HashSet<long> b)
    {
        if (a.Count == 0 || b.Count == 0)
        {
            return 0;
        }
        var (small, large) = a.Count <= b.Count ? (a, b) : (b, a);
        var shared = small.Count(large.Contains);
        return 2.0 * shared / (a.Count + b.Count);
    }
}
