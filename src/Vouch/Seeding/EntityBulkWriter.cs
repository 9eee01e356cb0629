using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;
using Vouch.Data;

namespace Vouch.Seeding;

/// <summary>
/// Writes entities straight into their tables in one transaction, column by column as EF Core maps them (the same
/// names and value conversions), so the rows read back exactly like rows EF wrote.
/// </summary>
internal abstract class EntityBulkWriter(IModel model) : IAsyncDisposable
{
    public static async Task<EntityBulkWriter> OpenAsync(VouchDbContext db, DatabaseSettings settings, CancellationToken ct)
    {
        var model = db.Model;
        if (settings.Provider == DatabaseProvider.Postgres)
        {
            // A COPY of twenty million votes ends with the database checking each one's foreign keys, minutes after the
            // last row was sent: the load waits for it, not the 30 s a command may take in the app.
            var unbounded = new NpgsqlConnectionStringBuilder(settings.ConnectionString) { CommandTimeout = 0 };
            var connection = new NpgsqlConnection(unbounded.ConnectionString);
            await connection.OpenAsync(ct);
            return new PostgresEntityBulkWriter(model, connection, await connection.BeginTransactionAsync(ct));
        }
        // The app's pooled connections would keep the database from leaving WAL mode.
        SqliteConnection.ClearPool(new SqliteConnection(settings.ConnectionString));
        // A connection of its own (not pooled), since its settings are for this load only.
        var sqlite = new SqliteConnection(new SqliteConnectionStringBuilder(settings.ConnectionString) { Pooling = false }.ToString());
        await sqlite.OpenAsync(ct);
        // A rollback journal rather than the WAL for the load: the pages a load appends to the file are not
        // journaled at all, where the WAL would take every page once and the checkpoint write it again; a load that
        // fails still rolls back. The WAL comes back at the end. The page cache and the sorter's memory are large
        // (the index builds sort millions of keys, on every core), the one commit need not wait for the disk, and
        // foreign keys are not checked row by row: every key comes from the rows written before.
        // When another process has the database open, it stays in WAL mode.
        var journal = await SqliteEntityBulkWriter.TryLeaveWalAsync(sqlite, ct);
        await SqliteEntityBulkWriter.PragmaAsync(sqlite, "synchronous = OFF", ct);
        await SqliteEntityBulkWriter.PragmaAsync(sqlite, "cache_size = -1048576", ct);
        await SqliteEntityBulkWriter.PragmaAsync(sqlite, "temp_store = MEMORY", ct);
        await SqliteEntityBulkWriter.PragmaAsync(sqlite, $"threads = {Math.Clamp(Environment.ProcessorCount, 1, 8)}", ct);
        await SqliteEntityBulkWriter.PragmaAsync(sqlite, "foreign_keys = OFF", ct);
        return new SqliteEntityBulkWriter(model, sqlite, (SqliteTransaction)await sqlite.BeginTransactionAsync(ct), journal);
    }

    protected IModel Model => model;

    public string TableOf<T>() => Model.FindEntityType(typeof(T))!.GetTableName()!;

    public abstract Task WriteAsync<T>(IEnumerable<T> rows, CancellationToken ct) where T : class;

    /// <summary>Drops the tables' secondary indexes and returns the statements that create them again.</summary>
    public abstract Task<IReadOnlyList<string>> DropIndexesAsync(IEnumerable<Type> entities, CancellationToken ct);

    /// <summary>Builds the dropped indexes again, commits, and brings the planner's statistics up to date, timing each step.</summary>
    public abstract Task FinishAsync(IEnumerable<Type> entities, IReadOnlyList<string> indexes, List<SeedStep> steps, CancellationToken ct);

    protected async Task CreateIndexesAsync(IReadOnlyList<string> statements, List<SeedStep> steps, CancellationToken ct)
    {
        foreach (var statement in statements)
        {
            var stopwatch = Stopwatch.StartNew();
            await ExecuteAsync(statement, ct);
            steps.Add(new SeedStep(IndexName(statement), stopwatch.Elapsed));
        }
    }

    protected static async Task TimeAsync(List<SeedStep> steps, string name, Func<Task> step)
    {
        var stopwatch = Stopwatch.StartNew();
        await step();
        steps.Add(new SeedStep(name, stopwatch.Elapsed));
    }

    private static string IndexName(string createIndex)
    {
        var on = createIndex.IndexOf(" ON ", StringComparison.OrdinalIgnoreCase);
        var name = on < 0 ? createIndex : createIndex[..on];
        return "index " + name[(name.LastIndexOf(' ') + 1)..].Trim('"');
    }

    public abstract Task ExecuteAsync(string sql, CancellationToken ct);

    public abstract ValueTask DisposeAsync();

    /// <summary>The mapped columns of an entity, each with how its value is read and converted for the database.</summary>
    protected (string Name, Func<object, object?> Value)[] ColumnsOf(Type type)
    {
        var entity = Model.FindEntityType(type)!;
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        return [.. entity.GetProperties().Where(p => !p.IsShadowProperty()).Select(p =>
        {
            var getter = p.GetGetter();
            var converter = p.GetTypeMapping().Converter;
            return (p.GetColumnName(table)!, (Func<object, object?>)(row =>
            {
                var value = getter.GetClrValue(row);
                return value is null ? null : converter is null ? value : converter.ConvertToProvider(value);
            }));
        })];
    }
}

internal sealed class SqliteEntityBulkWriter(IModel model, SqliteConnection connection, SqliteTransaction transaction, string? journalMode) : EntityBulkWriter(model)
{
    public override Task WriteAsync<T>(IEnumerable<T> rows, CancellationToken ct)
    {
        var columns = ColumnsOf(typeof(T));
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"INSERT INTO \"{TableOf<T>()}\" ({string.Join(", ", columns.Select(c => $"\"{c.Name}\""))}) " +
            $"VALUES ({string.Join(", ", columns.Select((_, i) => "$p" + i))})";
        var parameters = columns.Select((_, i) => command.Parameters.Add(new SqliteParameter("$p" + i, null))).ToArray();
        command.Prepare();
        foreach (var row in rows)
        {
            for (var i = 0; i < columns.Length; i++)
            {
                parameters[i].Value = columns[i].Value(row) switch
                {
                    null => DBNull.Value,
                    // EF Core stores a Guid on SQLite as upper-case text.
                    Guid id => id.ToString("D").ToUpperInvariant(),
                    var value => value,
                };
            }
            command.ExecuteNonQuery();
            ct.ThrowIfCancellationRequested();
        }
        return Task.CompletedTask;
    }

    public override async Task<IReadOnlyList<string>> DropIndexesAsync(IEnumerable<Type> entities, CancellationToken ct)
    {
        var tables = entities.Select(t => Model.FindEntityType(t)!.GetTableName()!).ToList();
        var statements = new List<(string Name, string Sql)>();
        await using (var command = connection.CreateCommand())
        {
            command.Transaction = transaction;
            command.CommandText = $"SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN ({string.Join(", ", tables.Select(t => $"'{t}'"))})";
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                statements.Add((reader.GetString(0), reader.GetString(1)));
            }
        }
        foreach (var (name, _) in statements)
        {
            await ExecuteAsync($"DROP INDEX \"{name}\"", ct);
        }
        return [.. statements.Select(s => s.Sql)];
    }

    public override async Task FinishAsync(IEnumerable<Type> entities, IReadOnlyList<string> indexes, List<SeedStep> steps, CancellationToken ct)
    {
        await CreateIndexesAsync(indexes, steps, ct);
        await TimeAsync(steps, "commit", () => transaction.CommitAsync(ct));
        // Only the loaded tables: the statistics of the rest still hold, and analysing a large database takes minutes.
        await TimeAsync(steps, "planner statistics (ANALYZE)", async () =>
        {
            foreach (var entity in entities)
            {
                await ExecuteAsync($"ANALYZE \"{Model.FindEntityType(entity)!.GetTableName()}\"", ct);
            }
        });
        if (journalMode is { } mode)
        {
            await TimeAsync(steps, $"journal back to {mode.ToUpperInvariant()}", () => PragmaAsync(connection, $"journal_mode = {mode}", ct));
        }
        else
        {
            await TimeAsync(steps, "WAL checkpoint", () => PragmaAsync(connection, "wal_checkpoint(TRUNCATE)", ct));
        }
    }

    /// <summary>Switches to a rollback journal for the load, and returns the mode to go back to after it (null for none).</summary>
    public static async Task<string?> TryLeaveWalAsync(SqliteConnection connection, CancellationToken ct)
    {
        var mode = await PragmaAsync(connection, "journal_mode", ct);
        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA journal_mode = TRUNCATE";
            command.CommandTimeout = 1;
            await command.ExecuteNonQueryAsync(ct);
            return mode;
        }
        catch (SqliteException e) when (e.SqliteErrorCode == SQLitePCL.raw.SQLITE_BUSY)
        {
            return null;
        }
    }

    /// <summary>Sets or reads a pragma; returns what it answers (a pragma that sets answers nothing or the new value).</summary>
    public static async Task<string?> PragmaAsync(SqliteConnection connection, string pragma, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"PRAGMA {pragma}";
        return (await command.ExecuteScalarAsync(ct))?.ToString();
    }

    public override async Task ExecuteAsync(string sql, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction.Connection is null ? null : transaction;
        command.CommandText = sql;
        command.CommandTimeout = 0;
        await command.ExecuteNonQueryAsync(ct);
    }

    public override async ValueTask DisposeAsync()
    {
        await transaction.DisposeAsync();
        await connection.DisposeAsync();
    }
}

internal sealed class PostgresEntityBulkWriter(IModel model, NpgsqlConnection connection, NpgsqlTransaction transaction) : EntityBulkWriter(model)
{
    private bool _committed;

    public override async Task WriteAsync<T>(IEnumerable<T> rows, CancellationToken ct)
    {
        var columns = ColumnsOf(typeof(T));
        var copy = $"COPY \"{TableOf<T>()}\" ({string.Join(", ", columns.Select(c => $"\"{c.Name}\""))}) FROM STDIN (FORMAT BINARY)";
        await using var importer = await connection.BeginBinaryImportAsync(copy, ct);
        foreach (var row in rows)
        {
            importer.StartRow();
            foreach (var column in columns)
            {
                switch (column.Value(row))
                {
                    case null:
                        importer.WriteNull();
                        break;
                    case DateTimeOffset at:
                        importer.Write(at.ToUniversalTime(), NpgsqlTypes.NpgsqlDbType.TimestampTz);
                        break;
                    case string text:
                        importer.Write(text, NpgsqlTypes.NpgsqlDbType.Text);
                        break;
                    case var value:
                        importer.Write(value);
                        break;
                }
            }
            ct.ThrowIfCancellationRequested();
        }
        await importer.CompleteAsync(ct);
    }

    public override async Task<IReadOnlyList<string>> DropIndexesAsync(IEnumerable<Type> entities, CancellationToken ct)
    {
        var tables = entities.Select(t => Model.FindEntityType(t)!.GetTableName()!).ToArray();
        var statements = new List<(string Name, string Sql)>();
        await using (var command = new NpgsqlCommand(
            "SELECT i.indexname, i.indexdef FROM pg_indexes i WHERE i.schemaname = current_schema() AND i.tablename = ANY($1) " +
            "AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)", connection, transaction))
        {
            command.Parameters.Add(new NpgsqlParameter { Value = tables });
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                statements.Add((reader.GetString(0), reader.GetString(1)));
            }
        }
        foreach (var (name, _) in statements)
        {
            await ExecuteAsync($"DROP INDEX \"{name}\"", ct);
        }
        return [.. statements.Select(s => s.Sql)];
    }

    public override async Task FinishAsync(IEnumerable<Type> entities, IReadOnlyList<string> indexes, List<SeedStep> steps, CancellationToken ct)
    {
        await CreateIndexesAsync(indexes, steps, ct);
        await TimeAsync(steps, "commit", async () =>
        {
            await transaction.CommitAsync(ct);
            _committed = true;
        });
        var tables = entities.Select(t => $"\"{Model.FindEntityType(t)!.GetTableName()}\"");
        await TimeAsync(steps, "planner statistics (ANALYZE)", () => ExecuteAsync($"ANALYZE {string.Join(", ", tables)}", ct));
    }

    public override async Task ExecuteAsync(string sql, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection, _committed ? null : transaction) { CommandTimeout = 0 };
        await command.ExecuteNonQueryAsync(ct);
    }

    public override async ValueTask DisposeAsync()
    {
        await transaction.DisposeAsync();
        await connection.DisposeAsync();
    }
}
