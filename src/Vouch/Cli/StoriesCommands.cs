using System.CommandLine;
using Vouch.Features.Meaning;

namespace Vouch.Cli;

public static class StoriesCommands
{
    public static Command Create(string[] hostArgs) => new("stories", "Maintain advocates' stories.")
    {
        Reembedding.Command(hostArgs, EmbeddedKind.Story, "stories",
            "Embed every advocate's story again, for matching by meaning: after upgrading to a Vouch whose sentence model changed."),
    };
}
