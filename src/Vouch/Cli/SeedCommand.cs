using System.CommandLine;
using Vouch.Seeding;

namespace Vouch.Cli;

public static class SeedCommand
{
    public static Command Create(string[] hostArgs)
    {
        var demo = new Option<bool>("--demo") { Description = "A small demo program with one user per role (password " + DemoData.Password + ")." };
        var seed = new Command("seed", "Fill an empty database with data to try or measure Vouch with.") { demo };
        seed.SetAction((parse, ct) => CliHost.RunAsync(hostArgs, async (services, token) =>
        {
            if (!parse.GetValue(demo))
            {
                return CliHost.Fail(CliHost.InvalidInput, "Say what to seed: --demo.");
            }
            if (!await services.GetRequiredService<DemoData>().SeedAsync(token))
            {
                return CliHost.Fail(CliHost.InvalidInput, "The database already has users or accounts; demo data goes only into an empty database.");
            }
            Console.WriteLine("Seeded the demo program. Sign in as:");
            foreach (var (email, _, role) in DemoData.People)
            {
                Console.WriteLine($"  {email,-24} {role,-17} password {DemoData.Password}");
            }
            return CliHost.Ok;
        }, ct));
        return seed;
    }
}
