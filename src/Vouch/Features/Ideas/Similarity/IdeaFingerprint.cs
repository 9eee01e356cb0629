namespace Vouch.Features.Ideas.Similarity;

/// <summary>
/// An idea analysed once so it can be compared with many others cheaply: see
/// <see cref="IdeaSimilarity.Prepare"/>.
/// </summary>
public sealed class IdeaFingerprint
{
    internal IdeaFingerprint(TermVector title, IdeaTerm[] titleTerms, HashSet<long> titleTrigrams, TermVector? whole)
    {
        Title = title;
        TitleTerms = titleTerms;
        TitleTrigrams = titleTrigrams;
        Whole = whole;
        TitleAlternatives = [.. titleTerms.SelectMany(term => IdeaTerms.AlternativeSets(term.Key).Select(set => (set, term.Key)))];
        TitleNegates = titleTerms.Any(term => IdeaTerms.IsNegation(term.Key));
    }

    /// <summary>Weighted terms and word pairs of the title.</summary>
    internal TermVector Title { get; }

    /// <summary>The title's terms, each once, for matching misspelt words.</summary>
    internal IdeaTerm[] TitleTerms { get; }

    /// <summary>The title's terms that have alternatives, with the set of alternatives of each.</summary>
    internal (int Set, string Key)[] TitleAlternatives { get; }

    /// <summary>Whether the title asks to remove, turn off or hide something.</summary>
    internal bool TitleNegates { get; }

    /// <summary>Character trigrams of the title's words.</summary>
    internal HashSet<long> TitleTrigrams { get; }

    /// <summary>Terms of the title and the description together; null when there is no description.</summary>
    internal TermVector? Whole { get; }
}

/// <summary>A sparse vector of weighted terms with its length, for cosine similarity.</summary>
internal sealed class TermVector
{
    public TermVector(Dictionary<string, double> weights)
    {
        Weights = weights;
        foreach (var weight in weights.Values)
        {
            SquaredNorm += weight * weight;
        }
    }

    public Dictionary<string, double> Weights { get; }

    public double SquaredNorm { get; }

    public double Dot(TermVector other)
    {
        var (small, large) = Weights.Count <= other.Weights.Count ? (this, other) : (other, this);
        var dot = 0.0;
        foreach (var (term, weight) in small.Weights)
        {
            if (large.Weights.TryGetValue(term, out var otherWeight))
            {
                dot += weight * otherWeight;
            }
        }
        return dot;
    }

    /// <summary>
    /// Cosine of the angle between two vectors given their dot product; exactly 1 for a vector
    /// and itself, because the square root of a square is exact.
    /// </summary>
    public double Cosine(TermVector other, double dot) =>
        SquaredNorm == 0 || other.SquaredNorm == 0 ? 0 : Math.Min(1, dot / Math.Sqrt(SquaredNorm * other.SquaredNorm));

    /// <summary>How much of the shorter vector the dot product covers (the overlap coefficient).</summary>
    public double Coverage(TermVector other, double dot) =>
        SquaredNorm == 0 || other.SquaredNorm == 0 ? 0 : Math.Min(1, dot / Math.Min(SquaredNorm, other.SquaredNorm));
}
