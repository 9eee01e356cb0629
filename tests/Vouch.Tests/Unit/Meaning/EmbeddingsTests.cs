using Microsoft.Extensions.Logging.Abstractions;
using Vouch.Features.Meaning;

namespace Vouch.Tests.Unit.Meaning;

public sealed class EmbeddingsTests
{
    [Fact]
    public void A_quantised_vector_keeps_the_cosine_of_the_vectors_to_within_a_hundredth()
    {
        var random = new Random(7);
        for (var pair = 0; pair < 50; pair++)
        {
            var a = Unit(random);
            var b = Unit(random);

            var exact = Embeddings.Cosine(a, b);
            var quantised = Embeddings.Cosine(Embeddings.Quantize(a), Embeddings.Quantize(b));

            Assert.InRange(quantised - exact, -0.01, 0.01);
        }
    }

    [Fact]
    public void A_vector_of_zeros_is_like_nothing()
    {
        var zeros = new sbyte[SentenceModel.Dimensions];

        Assert.Equal(0, Embeddings.Cosine(zeros, Embeddings.Quantize(Unit(new Random(1)))));
    }

    [Fact]
    public void Without_the_model_text_has_no_embedding_and_the_reason_is_kept()
    {
        var loads = 0;
        var embedder = new TextEmbedder(() => { loads++; throw new DllNotFoundException("onnxruntime"); }, NullLogger<TextEmbedder>.Instance);

        Assert.Equal(ModelState.NotLoaded, embedder.State);
        Assert.Null(embedder.Embed("Dark mode", TestContext.Current.CancellationToken));
        Assert.Null(embedder.Embed(["Dark mode", "Night theme"], TestContext.Current.CancellationToken));

        Assert.Equal(ModelState.Failed, embedder.State);
        Assert.Contains("onnxruntime", embedder.Failure, StringComparison.Ordinal);
        Assert.Equal(1, loads);
    }

    private static float[] Unit(Random random)
    {
        var vector = new float[SentenceModel.Dimensions];
        for (var i = 0; i < vector.Length; i++)
        {
            vector[i] = (float)(random.NextDouble() * 2 - 1);
        }
        var length = MathF.Sqrt(vector.Sum(v => v * v));
        return [.. vector.Select(v => v / length)];
    }
}

/// <summary>The sentence model itself, loaded once for the test run as for the app.</summary>
public sealed class SentenceModelTests
{
    private static readonly TextEmbedder s_embedder = new(SentenceModel.Shared, NullLogger<TextEmbedder>.Instance);

    [Fact]
    public void A_rewording_is_nearer_its_original_than_an_idea_about_something_else()
    {
        var vectors = s_embedder.Embed(["Dark mode", "Night theme with darker colours", "Export contacts to Excel"], TestContext.Current.CancellationToken)!;

        var rewording = Embeddings.Cosine(vectors[0], vectors[1]);
        var unrelated = Embeddings.Cosine(vectors[0], vectors[2]);

        Assert.Equal(SentenceModel.Dimensions, vectors[0].Length);
        Assert.InRange(Embeddings.Cosine(vectors[0], vectors[0]), 0.999, 1.001);
        Assert.True(rewording > unrelated + 0.3, $"rewording {rewording:F3}, unrelated {unrelated:F3}");
    }

    [Fact]
    public void Once_loaded_the_model_says_what_loading_it_cost()
    {
        s_embedder.Embed("Dark mode", TestContext.Current.CancellationToken);

        Assert.Equal(ModelState.Loaded, s_embedder.State);
        Assert.True(s_embedder.Load!.Took > TimeSpan.Zero);
        Assert.Matches(@"^all-MiniLM-L6-v2 loaded in \d+\.\d s; the process grew by \d+ MB$", s_embedder.Load.Summary);
    }

    [Fact]
    public void Any_text_embeds_the_empty_the_long_the_foreign_and_emoji()
    {
        var long100k = string.Concat(Enumerable.Repeat("Roll the reference program out across regional teams. ", 1_800));

        var vectors = s_embedder.Embed(["", long100k, "ダークモードが欲しい", "🌙🌙🌙"], TestContext.Current.CancellationToken)!;

        Assert.All(vectors, v => Assert.InRange(Embeddings.Cosine(v, v), 0.99, 1.01));
        Assert.Equal(s_embedder.Embed(SentenceModel.Cut(long100k), TestContext.Current.CancellationToken), vectors[1]);
    }
}
