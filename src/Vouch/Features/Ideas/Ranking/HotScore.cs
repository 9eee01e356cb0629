namespace Vouch.Features.Ideas.Ranking;

/// <summary>
/// The "hot" ranking: ideas that keep drawing votes rise, ideas nobody votes for any more sink on their own.
/// </summary>
/// <remarks>
/// A vote cast at time t weighs 2^(−(now − t) / N) today: 1 when it is fresh, ½ after N days (the half-life,
/// <c>Ideas:HalfLifeDays</c>), ¼ after 2N. An idea's hotness is the sum of its votes' weights.
/// <para>
/// Sorting by that sum would mean recomputing every idea on every request, because "now" moves. It does not
/// have to: for any fixed epoch E,
/// <c>Σ 2^(−(now − tᵢ)/N) = 2^(−(now − E)/N) · Σ 2^((tᵢ − E)/N)</c>,
/// and the first factor is the same for every idea. So ordering by <c>S = Σ 2^((tᵢ − E)/N)</c>, which does not
/// change while nobody votes, is the same as ordering by today's hotness, and the board's hot sort is an index
/// scan over a stored column.
/// </para>
/// <para>
/// S doubles every N days and would overflow a double within decades, so the stored score is log₂ S. A new vote
/// of log-weight w = (t − E)/N is added with the log-sum-exp identity
/// <c>log₂(2^a + 2^b) = max(a, b) + log₂(1 + 2^(min(a, b) − max(a, b)))</c>, which never overflows. Taking a vote
/// back would subtract nearly equal numbers, so then the score is recomputed from the remaining votes.
/// Changing N changes every stored score: recompute them after changing it.
/// </para>
/// </remarks>
public sealed record HotScore(double HalfLifeDays)
{
    public const double DefaultHalfLifeDays = 7;

    /// <summary>The fixed point votes are measured from; any instant would do, this keeps numbers small.</summary>
    public static readonly DateTimeOffset Epoch = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>log₂ of an empty sum: an idea with no votes ranks below every idea with one.</summary>
    public const double NoVotes = double.MinValue;

    /// <summary>log₂ of one vote's weight relative to the epoch.</summary>
    public double LogWeightOf(DateTimeOffset votedAt) => (votedAt - Epoch).TotalDays / HalfLifeDays;

    /// <summary>The score after adding a vote cast at <paramref name="votedAt"/>.</summary>
    public double Add(double score, DateTimeOffset votedAt)
    {
        var weight = LogWeightOf(votedAt);
        if (score == NoVotes)
        {
            return weight;
        }
        var (high, low) = score >= weight ? (score, weight) : (weight, score);
        return high + Math.Log2(1 + Math.Pow(2, low - high));
    }

    /// <summary>The score of an idea with exactly these votes.</summary>
    public double Of(IEnumerable<DateTimeOffset> votes) => votes.Aggregate(NoVotes, Add);

    /// <summary>
    /// The idea's hotness at <paramref name="now"/>: the sum of its votes' weights, each 1 when fresh and halved every
    /// half-life since.
    /// </summary>
    public double WeightAt(double score, DateTimeOffset now) =>
        score == NoVotes ? 0 : Math.Pow(2, score - LogWeightOf(now));
}
