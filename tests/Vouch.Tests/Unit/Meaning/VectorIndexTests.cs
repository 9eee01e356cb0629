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

    [Fact]
    public void Among_a_set_each_record_finds_its_nearest_others_and_never_itself()
    {
        var random = new Random(11);
        var subjects = Enumerable.Range(0, 10).Select(_ => Unit(random)).ToList();
        // Forty records on each of ten subjects: a subject's records are near each other and far from the rest.
        var records = Enumerable.Range(0, 400).Select(i => (Id: Guid.NewGuid(), Subject: i % 10, Vector: Near(subjects[i % 10], random))).ToList();
        using var index = new VectorIndex();
        foreach (var (id, _, vector) in records)
        {
            index.Upsert(id, Embeddings.Quantize(vector), s_monday);
        }
        var asked = records.Where((_, i) => i % 4 == 0).ToList();

        var nearest = index.NearestAmong([.. asked.Select(r => r.Id), Guid.NewGuid()], 3);

        Assert.Equal(asked.Count, nearest.Count);
        var subjectOf = asked.ToDictionary(r => r.Id, r => r.Subject);
        Assert.All(asked, record =>
        {
            Assert.Equal(3, nearest[record.Id].Count);
            Assert.All(nearest[record.Id], other => Assert.Equal(record.Subject, subjectOf[other.Record]));
            Assert.DoesNotContain(nearest[record.Id], other => other.Record == record.Id);
        });
    }

    [Fact]
    public void An_erased_records_slot_is_used_again_and_the_erased_record_is_never_found()
    {
        var random = new Random(5);
        var (erased, kept, added) = (Unit(random), Unit(random), Unit(random));
        var (erasedId, keptId, addedId) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        using var index = new VectorIndex();
        index.Upsert(erasedId, Embeddings.Quantize(erased), s_monday);
        index.Upsert(keptId, Embeddings.Quantize(kept), s_monday);

        index.Upsert(erasedId, new sbyte[SentenceModel.Dimensions], s_monday.AddHours(1));
        index.Upsert(addedId, Embeddings.Quantize(added), s_monday);

        Assert.Equal(2, index.Count);
        Assert.Equal([addedId, keptId], index.Nearest(added, 5).Select(n => n.Record));
        Assert.DoesNotContain(index.Nearest(erased, 5), n => n.Record == erasedId);
    }

    // A unit vector a little way from subject.
    private static float[] Near(float[] subject, Random random)
    {
        var noise = Unit(random);
        var vector = subject.Zip(noise, (s, n) => s + 0.3f * n).ToArray();
        var norm = MathF.Sqrt(vector.Sum(x => x * x));
        return [.. vector.Select(x => x / norm)];
    }
}
