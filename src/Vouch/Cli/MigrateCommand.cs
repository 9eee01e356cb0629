using System.CommandLine;
using Vouch.Data;

namespace Vouch.Cli;

public static class MigrateCommand
{
    public static Command Create(string[] hostArgs)
    {
        var migrate = new Command("migrate", "Bring the database schema up to date (Database:Provider, ConnectionStrings:Vouch).");
        migrate.SetAction((_, ct) => CliHost.RunAsync(hostArgs, async (services, token) =>
        {
            var applied = await services.GetRequiredService<DatabaseMigrator>().MigrateAsync(token);
            var settings = services.GetRequiredService<DatabaseSettings>();
            Console.WriteLine(applied.Count == 0
                ? $"The {settings.Provider} database is up to date."
                : $"Applied {applied.Count} migration(s) to the {settings.Provider} database: {string.Join(", ", applied)}.");
            return CliHost.Ok;
        }, ct, needsCurrentSchema: false));
        return migrate;
    }
}
