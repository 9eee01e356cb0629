namespace Vouch.Features.Meaning;

/// <summary>
/// How a score from words (the lexical engines: stems, synonyms, typos, alternatives) and the cosine of two texts'
/// embeddings make one ranking. Words are precise but miss rewordings; meaning finds rewordings but rates
/// near-misses on the same subject ("Export contacts to Excel", "Export dashboards to PDF") as close as true
/// paraphrases. So meaning ranks (it decides what is shown first) and words decide (only they call two ideas
/// duplicates). Pure; docs/decisions/0029-meaning.md has the measurements behind each number.
/// </summary>
public static class MeaningBlend
{
    /// <summary>
    /// The weight of meaning against words in the ranking. Chosen on the development pairs of the labelled set: from
    /// 1.25 to 1.75 the right idea is in the first three for 90 to 93 % of rewordings, against 76 % for words alone.
    /// </summary>
    public const double MeaningWeight = 1.5;

    /// <summary>
    /// From this cosine on a text is related by meaning alone. On the labelled board 95 % of true rewordings score
    /// above it and 97 % of unrelated ideas below.
    /// </summary>
    public const double MeaningFloor = 0.35;

    /// <summary>
    /// The blended score, from 0 to 1: the words' score alone without a cosine (no model, or no embedding yet), and
    /// otherwise the weighted mean of the words' score and the cosine (a negative cosine counts as 0).
    /// </summary>
    public static double Score(double words, double? meaning) =>
        meaning is not { } cosine ? words : (words + MeaningWeight * Math.Max(0, cosine)) / (1 + MeaningWeight);

    /// <summary>
    /// How much of a use case an advocate's story covers by meaning, from 0 to 1, given their cosine: nothing up to
    /// <see cref="StoryCreditFrom"/>, all from <see cref="StoryCreditFull"/>, in a line between. Chosen on the labelled
    /// use cases (Data/use-case-pairs.csv): with matching taking the better of words and this, the best-scored story is
    /// a match for 63 % of use cases, against 48 % by words alone.
    /// </summary>
    public static double StoryCredit(double cosine) => Math.Clamp((cosine - StoryCreditFrom) / (StoryCreditFull - StoryCreditFrom), 0, 1);

    public const double StoryCreditFrom = 0.25;
    public const double StoryCreditFull = 0.55;

    /// <summary>Whether a text is worth showing: its words reach <paramref name="wordFloor"/> or its meaning <see cref="MeaningFloor"/>.</summary>
    public static bool Related(double words, double? meaning, double wordFloor) => words >= wordFloor || meaning >= MeaningFloor;
}
