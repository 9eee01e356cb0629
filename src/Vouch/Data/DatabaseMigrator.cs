using Microsoft.EntityFrameworkCore;

namespace Vouch.Data;

/// <summary>Brings the database schema up to date: at start-up in development, and by <c>vouch migrate</c>.</summary>
public sealed class DatabaseMigrator(VouchDbContext db, DatabaseSettings settings, ILogger<DatabaseMigrator> logger)
{
    public async Task<IReadOnlyList<string>> MigrateAsync(CancellationToken cancellationToken = default)
    {
        if (!DatabaseServiceCollectionExtensions.MigrationsAvailable(settings))
        {
            throw new DatabaseConfigurationException(
                $"The {settings.Provider} migrations were not found next to the app; build the solution (dotnet build) first.");
        }
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        if (settings.Provider == DatabaseProvider.Sqlite)
        {
            // Write-ahead logging lets readers go on while one writer commits; the mode is kept in the file.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }
        await db.Database.MigrateAsync(cancellationToken);
        foreach (var migration in pending)
        {
            logger.LogInformation("Applied migration {Migration}", migration);
        }
        return pending;
    }
}
