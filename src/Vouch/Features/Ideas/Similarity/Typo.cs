namespace Vouch.Features.Ideas.Similarity;

/// <summary>Whether two different terms are one word, misspelt.</summary>
internal static class Typo
{
    // Shorter words are too often other words one letter away ("role", "rule").
    private const int MinLength = 5;

    // From this length two slips are still recognisably the same word.
    private const int TwoSlipLength = 9;

    // Longer strings are not words; comparing them is not worth the work.
    private const int MaxLength = 40;

    public static bool IsTypo(IdeaTerm a, IdeaTerm b) =>
        // Two words of the vocabulary are two different words, however close their spelling
        // ("import", "export").
        !(a.Known && b.Known) && (IsClose(a.Surface, b.Surface) || IsClose(a.Stem, b.Stem));

    private static bool IsClose(string a, string b)
    {
        var shorter = Math.Min(a.Length, b.Length);
        if (shorter < MinLength || Math.Max(a.Length, b.Length) > MaxLength)
        {
            return false;
        }
        var allowed = shorter >= TwoSlipLength ? 2 : 1;
        return Math.Abs(a.Length - b.Length) <= allowed && Distance(a, b) <= allowed;
    }

    /// <summary>
    /// Optimal string alignment distance: insertions, deletions, substitutions and swaps of two
    /// neighbouring letters, the slips people make when typing.
    /// </summary>
    private static int Distance(string a, string b)
    {
        Span<int> beforePrevious = stackalloc int[b.Length + 1];
        Span<int> previous = stackalloc int[b.Length + 1];
        Span<int> current = stackalloc int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var distance = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    distance = Math.Min(distance, beforePrevious[j - 2] + 1);
                }
                current[j] = distance;
            }
            var recycled = beforePrevious;
            beforePrevious = previous;
            previous = current;
            current = recycled;
        }
        return previous[b.Length];
    }
}
