using System.CommandLine;
using System.Diagnostics;
using Vouch.Features.Ideas;
using Vouch.Features.Meaning;

namespace Vouch.Cli;

public static class IdeasCommands
{
    public static Command Create(string[] hostArgs)
    {
        var batchSize = new Option<int>("--batch-size")
        {
            Description = "Ideas rebuilt per transaction.",
            DefaultValueFactory = _ => IdeaReindex.DefaultBatchSize,
        };
        var reindex = new Command("reindex",
            "Rebuild every idea's search terms, hot score, demand and embedding: after changing Ideas:HalfLifeDays or upgrading to a Vouch whose similarity engine or sentence model changed.")
        { batchSize };
        reindex.SetAction((parse, ct) =>
        {
            var size = parse.GetValue(batchSize);
            if (size is < 1 or > 100_000)
            {
                return Task.FromResult(CliHost.Fail(CliHost.InvalidInput, "--batch-size must be between 1 and 100,000."));
            }
            return CliHost.RunAsync(hostArgs, async (services, token) =>
            {
                var stopwatch = Stopwatch.StartNew();
                var reported = TimeSpan.Zero;
                var result = await services.GetRequiredService<IdeaReindex>().RunAsync(size, progress =>
                {
                    // A line every few seconds, and the last one, is progress enough without flooding a log.
                    if (stopwatch.Elapsed - reported >= TimeSpan.FromSeconds(5) || progress.Done == progress.Total)
                    {
                        reported = stopwatch.Elapsed;
                        Console.WriteLine($"  {progress.Done,12:N0} of {progress.Total:N0} ideas, {progress.Changed:N0} changed  ({stopwatch.Elapsed.TotalSeconds:N0} s)");
                    }
                }, token);
                Console.WriteLine($"Reindexed {result.Done:N0} ideas in {stopwatch.Elapsed.TotalSeconds:N1} s; {result.Changed:N0} had changed.");

                // Their meaning too: after a new model, every idea's embedding is stale.
                Console.WriteLine(await Reembedding.RunAsync(services, EmbeddedKind.Idea, "ideas", token));
                return CliHost.Ok;
            }, ct);
        });
        return new Command("ideas", "Maintain the idea exchange.") { reindex };
    }
}
