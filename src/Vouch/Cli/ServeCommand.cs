using System.Data.Common;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using Vouch.Data;
using Vouch.Hosting;
using Vouch.Seeding;

namespace Vouch.Cli;

/// <summary>
/// Runs the web app. With <c>Database:MigrateOnStart</c> (on in development) it migrates first; without
/// it, it refuses to start on an out-of-date schema (run <c>vouch migrate</c>). With
/// <c>Demo:SeedOnStart</c> (on in development) an empty database gets the demo program.
/// </summary>
public static class ServeCommand
{
    public static async Task<int> RunAsync(string[] hostArgs, CancellationToken ct)
    {
        WebApplication app;
        try
        {
            app = VouchHost.BuildWebApp(hostArgs);
        }
        catch (DatabaseConfigurationException e)
        {
            return CliHost.Fail(CliHost.DatabaseError, e.Message);
        }
        catch (SettingsException e)
        {
            return CliHost.Fail(CliHost.InvalidInput, e.Message);
        }
        try
        {
            return await ServeAsync(app, ct);
        }
        catch (DbException e)
        {
            return CliHost.Fail(CliHost.DatabaseError, $"The database could not be used: {e.Message}");
        }
    }

    private static async Task<int> ServeAsync(WebApplication app, CancellationToken ct)
    {
        await using (app)
        {
            var logger = app.Services.GetRequiredService<ILogger<WebApplication>>();
            var seedDemo = app.Configuration.GetValue<bool>("Demo:SeedOnStart");
            var demoSeeded = false;
            await using (var scope = app.Services.CreateAsyncScope())
            {
                if (app.Configuration.GetValue<bool>("Database:MigrateOnStart"))
                {
                    await scope.ServiceProvider.GetRequiredService<DatabaseMigrator>().MigrateAsync(ct);
                }
                else if ((await scope.ServiceProvider.GetRequiredService<VouchDbContext>().Database.GetPendingMigrationsAsync(ct)).Any())
                {
                    return CliHost.Fail(CliHost.DatabaseError, "The database schema is out of date; run `vouch migrate` first.");
                }
                if (seedDemo)
                {
                    demoSeeded = await ActivatorUtilities.CreateInstance<DemoData>(scope.ServiceProvider).SeedAsync(ct);
                }
            }
            await app.StartAsync(ct);
            var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
            foreach (var address in addresses)
            {
                logger.LogInformation("Vouch is running at {Address}", address);
            }
            if (seedDemo)
            {
                PrintWelcome(addresses, demoSeeded);
            }
            await app.WaitForShutdownAsync(ct);
            return CliHost.Ok;
        }
    }

    private static void PrintWelcome(ICollection<string> addresses, bool demoSeeded)
    {
        Console.WriteLine();
        Console.WriteLine($"  Vouch is running: open {addresses.FirstOrDefault() ?? "(no address)"}");
        Console.WriteLine($"  Sign in as admin@vouch.demo with password {DemoData.Password}");
        Console.WriteLine("  (also manager@, seller@, exec@ and advocate@vouch.demo, same password)");
        if (demoSeeded)
        {
            Console.WriteLine("  The demo program was just seeded into the new database.");
        }
        Console.WriteLine("  Press Ctrl+C to stop.");
        Console.WriteLine();
    }
}
