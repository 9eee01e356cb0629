namespace Vouch.Features.Ideas.Similarity;

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
