using System.CommandLine;

namespace Vouch.Cli;

/// <summary>
/// The verbs of the one Vouch executable. Serving the web app is the default. Arguments written
/// <c>--key=value</c> (--urls=…, --environment=…, --ConnectionStrings:Vouch=…) are configuration for
/// every verb, like the environment variables ConnectionStrings__Vouch and Database__Provider.
/// </summary>
public static class VouchCommandLine
{
    public static Task<int> InvokeAsync(string[] args)
    {
        var hostArgs = args.Where(IsConfiguration).ToArray();
        var root = new RootCommand("Vouch: customer reference and advocacy management.");
        var serve = new Command("serve", "Run the web app and API (the default); e.g. vouch serve --urls=http://127.0.0.1:5080");
        serve.SetAction((_, ct) => ServeCommand.RunAsync(hostArgs, ct));
        root.SetAction((_, ct) => ServeCommand.RunAsync(hostArgs, ct));
        root.Subcommands.Add(serve);
        root.Subcommands.Add(MigrateCommand.Create(hostArgs));
        root.Subcommands.Add(UsersCommands.Create(hostArgs));
        root.Subcommands.Add(TokensCommands.Create(hostArgs));
        root.Subcommands.Add(SeedCommand.Create(hostArgs));
        root.Subcommands.Add(BackupCommand.Create(hostArgs));
        root.Subcommands.Add(IdeasCommands.Create(hostArgs));
        root.Subcommands.Add(StoriesCommands.Create(hostArgs));
        root.Subcommands.Add(ContentCommands.Create(hostArgs));
        root.Subcommands.Add(ValueCommands.Create(hostArgs));
        root.Subcommands.Add(ImportCommand.Create(hostArgs));
        root.Subcommands.Add(SalesforceCommands.Create(hostArgs));
        return root.Parse(args.Where(a => !IsConfiguration(a)).ToArray()).InvokeAsync();
    }

    private static bool IsConfiguration(string arg) =>
        arg.StartsWith("--", StringComparison.Ordinal) && arg.Contains('=', StringComparison.Ordinal);
}
