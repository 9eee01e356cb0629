using System.CommandLine;
using Vouch.Features.Meaning;

namespace Vouch.Cli;

public static class StoriesCommands
{
    public static Command Create(string[] hostArgs)
    {
        var reindex = new Command("reindex",
            "Embed every advocate's story again, for matching by meaning: after upgrading to a Vouch whose sentence model changed.");
        reindex.SetAction((_, ct) => CliHost.RunAsync(hostArgs, async (services, token) =>
        {
            Console.WriteLine(await Reembedding.RunAsync(services, EmbeddedKind.Story, "stories", token));
            return CliHost.Ok;
        }, ct));
        return new Command("stories", "Maintain advocates' stories.") { reindex };
    }
}
