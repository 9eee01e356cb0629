using System.CommandLine;
using Vouch.Features.Meaning;

namespace Vouch.Cli;

public static class ContentCommands
{
    public static Command Create(string[] hostArgs) => new("content", "Maintain the content library.")
    {
        Reembedding.Command(hostArgs, EmbeddedKind.Content, "pieces of content",
            "Embed every piece of content again, for offering it by meaning: after upgrading to a Vouch whose sentence model changed."),
    };
}
