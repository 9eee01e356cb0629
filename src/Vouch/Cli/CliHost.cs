using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Vouch.Data;
using Vouch.Hosting;

namespace Vouch.Cli;

/// <summary>Runs a command-line verb with the app's services, turning expected failures into a message and an exit code.</summary>
public static class CliHost
{
    public const int Ok = 0;
    public const int InvalidInput = 1;
    public const int DatabaseError = 2;

    /// <param name="hostArgs">Configuration arguments (<c>--key=value</c>).</param>
    /// <param name="verb">The work, given a service scope.</param>
    /// <param name="ct">Cancelled by Ctrl+C.</param>
    /// <param name="needsCurrentSchema">False only for the verb that brings the schema up to date.</param>
    public static async Task<int> RunAsync(
        string[] hostArgs, Func<IServiceProvider, CancellationToken, Task<int>> verb, CancellationToken ct, bool needsCurrentSchema = true)
    {
        try
        {
            var builder = VouchHost.CreateBuilder(hostArgs);
            builder.Logging.SetMinimumLevel(LogLevel.Warning);
            await using var app = builder.Build();
            await using var scope = app.Services.CreateAsyncScope();
            if (needsCurrentSchema && (await scope.ServiceProvider.GetRequiredService<VouchDbContext>().Database.GetPendingMigrationsAsync(ct)).Any())
            {
                return Fail(DatabaseError, "The database is new or its schema is out of date; run `vouch migrate` first.");
            }
            scope.ServiceProvider.GetRequiredService<AuditActor>().Set(null, "cli:" + Environment.UserName);
            return await verb(scope.ServiceProvider, ct);
        }
        catch (DatabaseConfigurationException e)
        {
            return Fail(DatabaseError, e.Message);
        }
        catch (SettingsException e)
        {
            return Fail(InvalidInput, e.Message);
        }
        catch (DbException e)
        {
            return Fail(DatabaseError, $"The database could not be used: {e.Message}");
        }
        catch (InvalidOperationException e) when (e.InnerException is DbException inner)
        {
            return Fail(DatabaseError, $"The database could not be used: {inner.Message}");
        }
    }

    public static int Fail(int exitCode, string message)
    {
        Console.Error.WriteLine($"error: {message}");
        return exitCode;
    }

    /// <summary>Prints why a command changed nothing: each field's errors one per line, or the refusal's message.</summary>
    public static int Refused(Refusal refusal)
    {
        if (refusal.Errors is null)
        {
            return Fail(InvalidInput, refusal.Message);
        }
        foreach (var (field, messages) in refusal.Errors)
        {
            foreach (var message in messages)
            {
                Console.Error.WriteLine($"error: {field}: {message}");
            }
        }
        return InvalidInput;
    }
}
