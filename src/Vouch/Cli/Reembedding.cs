using System.CommandLine;
using System.Diagnostics;
using Vouch.Features.Meaning;

namespace Vouch.Cli;

/// <summary>Embedding every idea, story or piece of content again from the command line, after a change of sentence model.</summary>
internal static class Reembedding
{
    /// <summary>A <c>reindex</c> command that embeds every record of <paramref name="kind"/> again.</summary>
    public static Command Command(string[] hostArgs, EmbeddedKind kind, string noun, string description)
    {
        var reindex = new Command("reindex", description);
        reindex.SetAction((_, ct) => CliHost.RunAsync(hostArgs, async (services, token) =>
        {
            Console.WriteLine(await RunAsync(services, kind, noun, token));
            return CliHost.Ok;
        }, ct));
        return reindex;
    }

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
