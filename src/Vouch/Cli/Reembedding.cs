using System.Diagnostics;
using Vouch.Features.Meaning;

namespace Vouch.Cli;

/// <summary>Embedding every idea or story again from the command line, after a change of sentence model.</summary>
internal static class Reembedding
{
    /// <summary>Embeds every record of <paramref name="kind"/> again, with a progress line every few seconds; the line that says how it went.</summary>
    public static async Task<string> RunAsync(IServiceProvider services, EmbeddedKind kind, string noun, CancellationToken ct)
    {
        var stopwatch = Stopwatch.StartNew();
        var reported = TimeSpan.Zero;
        var embedder = services.GetRequiredService<TextEmbedder>();
        var embedded = await services.GetRequiredService<EmbeddingWriter>().ReindexAsync(kind, done =>
        {
            if (stopwatch.Elapsed - reported >= TimeSpan.FromSeconds(5))
            {
                reported = stopwatch.Elapsed;
                Console.WriteLine($"  {done,12:N0} {noun} embedded  ({stopwatch.Elapsed.TotalSeconds:N0} s)");
            }
        }, ct);
        return embedder.State == ModelState.Failed
            ? $"Embeddings were not worked out: {embedder.Failure}"
            : $"Embedded {embedded:N0} {noun} in {stopwatch.Elapsed.TotalSeconds:N1} s ({embedded / Math.Max(stopwatch.Elapsed.TotalSeconds, 0.001):N0} a second).";
    }
}
