using Vouch.Features.Meaning;

namespace Vouch.Tests.Unit.Meaning;

public sealed class VectorIndexTests
{
    private static readonly DateTimeOffset s_monday = new(2026, 11, 30, 9, 0, 0, TimeSpan.Zero);

    private static float[] Unit(Random random)
    {
        var vector = new float[SentenceModel.Dimensions];
        for (var i = 0; i < vector.Length; i++)
        {
            vector[i] = (float)(random.NextDouble() - 0.5);
        }
        var norm = MathF.Sqrt(vector.Sum(x => x * x));
        return [.. vector.Select(x => x / norm)];
    }

    [Fact]
    public void The_nearest_records_come_first_with_their_cosine()
    {
        var random = new Random(3);
        var vectors = Enumerable.Range(0, 200).Select(_ => Unit(random)).ToList();
        var records = vectors.Select(_ => Guid.NewGuid()).ToList();
        using var index = new VectorIndex();
        for (var i = 0; i < vectors.Count; i++)
        {
            index.Upsert(records[i], Embeddings.Quantize(vectors[i]), s_monday);
        }

        var nearest = index.Nearest(vectors[17], 5);

        Assert.Equal(200, index.Count);
        Assert.Equal(records[17], nearest[0].Record);
        Assert.InRange(nearest[0].Cosine, 0.99, 1.0001);
        Assert.True(nearest.Zip(nearest.Skip(1)).All(pair => pair.First.Cosine >= pair.Second.Cosine));
        Assert.Equal(Embeddings.Cosine(vectors[17], vectors[42]), index.Cosine(records[42], vectors[17])!.Value, 2);
    }

    [Fact]
    public void A_newer_vector_replaces_the_old_one_and_an_older_or_the_same_is_ignored()
    {
        var random = new Random(5);
        var (before, after) = (Unit(random), Unit(random));
        var record = Guid.NewGuid();
        using var index = new VectorIndex();

        var added = index.Upsert(record, Embeddings.Quantize(before), s_monday);
        var replaced = index.Upsert(record, Embeddings.Quantize(after), s_monday.AddSeconds(1));
        var again = index.Upsert(record, Embeddings.Quantize(before), s_monday.AddSeconds(1));
        var older = index.Upsert(record, Embeddings.Quantize(before), s_monday);

        Assert.Equal((true, true, false, false), (added, replaced, again, older));
        Assert.Equal(1, index.Count);
        Assert.Equal(record, Assert.Single(index.Nearest(after, 3)).Record);
        Assert.InRange(index.Cosine(record, after)!.Value, 0.99, 1.0001);
    }

    [Fact]
    public void An_empty_index_finds_nothing_and_knows_no_cosine()
    {
        using var index = new VectorIndex();

        Assert.Empty(index.Nearest(Unit(new Random(1)), 10));
        Assert.Null(index.Cosine(Guid.NewGuid(), Unit(new Random(1))));
    }
}
