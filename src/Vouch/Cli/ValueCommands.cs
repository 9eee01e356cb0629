using System.CommandLine;
using System.Diagnostics;
using Vouch.Features.Value;

namespace Vouch.Cli;

public static class ValueCommands
{
    public static Command Create(string[] hostArgs)
    {
        var recompute = new Command("recompute",
            "Work out every account's and contact's stored engagement value again: after a bulk load that bypassed the app, or to check the stored values.");
        recompute.SetAction((parse, ct) => CliHost.RunAsync(hostArgs, async (services, token) =>
        {
            var stopwatch = Stopwatch.StartNew();
            var reported = TimeSpan.Zero;
            var done = await services.GetRequiredService<ValueRefresh>().RecomputeAllAsync(count =>
            {
                if (stopwatch.Elapsed - reported >= TimeSpan.FromSeconds(5))
                {
                    reported = stopwatch.Elapsed;
                    Console.WriteLine($"  {count,12:N0} accounts  ({stopwatch.Elapsed.TotalSeconds:N0} s)");
                }
            }, token);
            Console.WriteLine($"Worked out the value of {done:N0} accounts and their contacts in {stopwatch.Elapsed.TotalSeconds:N1} s.");
            return CliHost.Ok;
        }, ct));
        return new Command("value", "Maintain the stored values of customers.") { recompute };
    }
}
