using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using CsvHelper;
using Vouch.Features.Ideas.Similarity;
using Vouch.Features.Matching;
using Vouch.Features.Meaning;
using Vouch.Tests.Unit.Ideas;

namespace Vouch.Tests.Unit.Meaning;

/// <summary>
/// How well words and meaning together (<see cref="MeaningBlend"/>) find what people labelled as the same, with the real
/// sentence model. Ideas: every first idea of Data/idea-pairs.csv is on one board, and each rewording (a duplicate
/// pair's second title, typed as a new idea) should bring its original into the first three. Use cases: each request
/// use case of Data/use-case-pairs.csv ranks the stories labelled against it, and the first should be a match. The
/// floors are the figures measured when the blend was frozen, rounded down; docs/decisions/0029-meaning.md has them.
/// </summary>
public sealed class MeaningQualityTests(ITestOutputHelper output)
{
    // Rows of idea-pairs.csv: the development pairs the lexical engine and the blend were chosen on, the pairs written
    // after the lexical engine was frozen, and those written after the blend was.
    private static readonly (string Name, int From, int To)[] s_ideaSets = [("development", 0, 307), ("held out", 307, 387), ("written after the blend", 387, int.MaxValue)];

    [Theory]
    [InlineData("development", 0.90)]
    [InlineData("held out", 0.87)]
    [InlineData("written after the blend", 0.62)]
    public void Rewordings_bring_their_original_into_the_first_three_more_often_with_meaning(string set, double floor)
    {
        var (_, from, to) = s_ideaSets.Single(s => s.Name == set);
        var pairs = IdeaPairs.Value;
        var board = pairs.Select(p => p.First).Distinct().ToList();
        var boardPrints = board.Select(IdeaSimilarity.Prepare).ToList();
        var boardVectors = Embedded([.. board.Select(i => EmbeddingWriter.TextOf(i.Title, i.Description))]);
        var rewordings = pairs.Take(to).Skip(from).Where(p => p.Duplicate).ToList();
        var typedVectors = Embedded([.. rewordings.Select(p => p.Second.Title)]);

        var (byWords, byBoth) = (0, 0);
        for (var q = 0; q < rewordings.Count; q++)
        {
            var typed = IdeaSimilarity.Prepare(new IdeaText(rewordings[q].Second.Title, null));
            var target = board.IndexOf(rewordings[q].First);
            var scored = board.Select((_, i) => (Index: i, Words: IdeaSimilarity.Score(typed, boardPrints[i]), Meaning: Embeddings.Cosine(typedVectors[q], boardVectors[i]))).ToList();
            byWords += InFirstThree(scored.OrderByDescending(s => s.Words).ThenBy(s => s.Index).Select(s => s.Index), target);
            byBoth += InFirstThree(scored.OrderByDescending(s => MeaningBlend.Score(s.Words, s.Meaning)).ThenBy(s => s.Index).Select(s => s.Index), target);
        }
        var (words, both) = ((double)byWords / rewordings.Count, (double)byBoth / rewordings.Count);
        output.WriteLine($"{set}: {rewordings.Count} rewordings on a board of {board.Count}; the original in the first three: words {words:F3}, words and meaning {both:F3}");

        Assert.True(both >= floor, $"{both:F3}");
        Assert.True(both > words, $"words and meaning {both:F3}, words {words:F3}");
    }

    // Rows of use-case-pairs.csv: those the story ramp was chosen on, and those written after it was frozen.
    private static readonly (string Name, int From, int To)[] s_useCaseSets = [("development", 0, 251), ("written after the ramp", 251, int.MaxValue)];

    [Theory]
    [InlineData("development", 0.65)]
    [InlineData("written after the ramp", 0.65)]
    public void A_use_cases_best_story_by_meaning_is_a_match_more_often_than_by_words(string set, double floor)
    {
        var (_, from, to) = s_useCaseSets.Single(s => s.Name == set);
        var pairs = UseCasePairs.Value.Take(to).Skip(from).ToList();
        var texts = pairs.SelectMany(p => new[] { p.UseCase, p.Story }).Distinct().ToList();
        var vectors = texts.Zip(Embedded(texts)).ToDictionary(t => t.First, t => t.Second);

        var useCases = pairs.GroupBy(p => p.UseCase).ToList();
        double BestIsAMatch(Func<UseCasePair, double> score) =>
            useCases.Count(g => g.OrderByDescending(score).ThenBy(p => p.Story, StringComparer.Ordinal).First().Match) / (double)useCases.Count;
        double Cosine(UseCasePair p) => Embeddings.Cosine(vectors[p.UseCase], vectors[p.Story]);
        var words = BestIsAMatch(p => SharedWords(p.UseCase, p.Story));
        var meaning = BestIsAMatch(Cosine);
        // As matching scores a story: the better of its words and its meaning.
        var matching = BestIsAMatch(p => Math.Max(SharedWords(p.UseCase, p.Story), MeaningBlend.StoryCredit(Cosine(p))));
        output.WriteLine($"{set}: {useCases.Count} use cases, {pairs.Count} labelled stories; the best story is a match: " +
            $"words {words:F3}, meaning {meaning:F3}, matching's rule {matching:F3}");

        Assert.True(meaning >= floor, $"{meaning:F3}");
        Assert.True(meaning > words, $"meaning {meaning:F3}, words {words:F3}");
    }

    private static int InFirstThree(IEnumerable<int> ranked, int target) => ranked.Take(3).Contains(target) ? 1 : 0;

    // The share of the use case's terms the story has: what matching scores a story's words by today.
    private static double SharedWords(string useCase, string story)
    {
        var terms = Matcher.Terms(useCase);
        return terms.Count == 0 ? 0 : terms.Count(Matcher.Terms(story).Contains) / (double)terms.Count;
    }

    /// <summary>
    /// The texts' embeddings; kept in the machine's temporary folder by their texts' and the model's hash, so the
    /// second run of the suite (the other database) does not embed them again.
    /// </summary>
    private static float[][] Embedded(IReadOnlyList<string> texts)
    {
        var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(SentenceModel.Name + "\n" + string.Join("\n", texts))))[..32];
        var cached = Path.Combine(Path.GetTempPath(), "vouch-test-embeddings", hash + ".bin");
        if (File.Exists(cached))
        {
            var floats = MemoryMarshal.Cast<byte, float>(File.ReadAllBytes(cached)).ToArray();
            return [.. floats.Chunk(SentenceModel.Dimensions)];
        }
        var vectors = SentenceModel.Shared().Encode([.. texts.Select(SentenceModel.Cut)], TestContext.Current.CancellationToken);
        Directory.CreateDirectory(Path.GetDirectoryName(cached)!);
        File.WriteAllBytes(cached + ".tmp", MemoryMarshal.AsBytes(vectors.SelectMany(v => v).ToArray().AsSpan()).ToArray());
        File.Move(cached + ".tmp", cached, overwrite: true);
        return vectors;
    }

    private static readonly Lazy<List<(IdeaText First, IdeaText Second, bool Duplicate)>> IdeaPairs = new(() =>
    {
        using var csv = CsvReader.FromFile(Path.Combine(AppContext.BaseDirectory, "Data", "idea-pairs.csv"), new CsvReaderOptions { NullValues = [""] });
        return [.. csv.GetRecords<LabelledPair>().Select(row => (new IdeaText(row.FirstTitle, row.FirstDescription), new IdeaText(row.SecondTitle, row.SecondDescription), row.Duplicate))];
    });

    private static readonly Lazy<List<UseCasePair>> UseCasePairs = new(() =>
    {
        using var csv = CsvReader.FromFile(Path.Combine(AppContext.BaseDirectory, "Data", "use-case-pairs.csv"));
        return [.. csv.GetRecords<UseCasePair>()];
    });
}

/// <summary>One row of Data/use-case-pairs.csv: a request's use case, an advocate's story, and whether the story fits it.</summary>
[CsvRecord]
internal sealed partial record UseCasePair(
    [CsvColumn("use_case")] string UseCase,
    [CsvColumn("story")] string Story,
    [CsvColumn("match")] bool Match);
