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
        // A migration that rewrites a column of a million rows takes minutes, not the default 30 s a request may.
        db.Database.SetCommandTimeout(TimeSpan.Zero);
        await db.Database.MigrateAsync(cancellationToken);
        if (pending.Count > 0 && settings.Provider == DatabaseProvider.Sqlite)
        {
            await RefreshStatisticsAsync(cancellationToken);
        }
        foreach (var migration in pending)
        {
            logger.LogInformation("Applied migration {Migration}", migration);
        }
        return pending;
    }

    /// <summary>
    /// SQLite's planner weighs indexes by the statistics ANALYZE gathered. Where a table has them (a bulk-seeded or
    /// analysed file), an index a migration adds has none and may be passed over, so those tables are analysed again,
    /// sampling at most a thousand rows per index (a second or so on a large file). A database never analysed is left
    /// to the planner's own estimates, which suit a small file that will grow.
    /// </summary>
    private async Task RefreshStatisticsAsync(CancellationToken cancellationToken)
    {
        var analysed = await db.Database.SqlQueryRaw<int>("SELECT count(*) AS \"Value\" FROM sqlite_master WHERE name = 'sqlite_stat1'")
            .SingleAsync(cancellationToken) > 0
            ? await db.Database.SqlQueryRaw<string>("SELECT DISTINCT tbl AS \"Value\" FROM sqlite_stat1").ToListAsync(cancellationToken)
            : [];
        if (analysed.Count == 0)
        {
            return;
        }
        var analyse = "PRAGMA analysis_limit=1000; " + string.Concat(analysed.Select(t => "ANALYZE \"" + t.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"; "));
        await db.Database.ExecuteSqlRawAsync(analyse, cancellationToken);
    }
}
