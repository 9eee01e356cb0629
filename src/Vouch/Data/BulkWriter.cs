using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Vouch.Data;

/// <summary>
/// Writes many records of one kind at once without the change tracker, each column as EF maps it (its column name
/// and value conversion are read from the model), on the connection and in the transaction the caller opened: on
/// SQLite through one prepared INSERT or UPDATE reused for every row, on PostgreSQL through binary COPY (straight into
/// the table for new records, into a temporary table and one UPDATE … FROM for changed ones). Nothing EF does beside a
/// save happens here: no audit entry, no new version, no interceptor; the caller does what they would have done.
/// </summary>
public abstract class BulkWriter(VouchDbContext db)
{
    private static readonly ConcurrentDictionary<(IModel, string), Table> s_tables = new();

    protected DbConnection Connection => db.Database.GetDbConnection();

    protected DbTransaction? Transaction => db.Database.CurrentTransaction?.GetDbTransaction();

    public static BulkWriter For(VouchDbContext db) => db.Database.IsNpgsql() ? new PostgresBulkWriter(db) : new SqliteBulkWriter(db);

    /// <summary>
    /// Readies the context's connection for many writes, until <see cref="EndAsync"/>: it is opened and kept open, and
    /// on SQLite given a larger page cache.
    /// </summary>
    public virtual Task BeginAsync(CancellationToken ct) => db.Database.OpenConnectionAsync(ct);

    /// <summary>Puts the connection back as <see cref="BeginAsync"/> found it.</summary>
    public virtual Task EndAsync() => db.Database.CloseConnectionAsync();

    /// <summary>Adds the records, every mapped column of each.</summary>
    public Task InsertAsync<T>(IReadOnlyCollection<T> records, CancellationToken ct) where T : class
    {
        var table = TableOf(typeof(T).FullName!);
        return records.Count == 0 ? Task.CompletedTask : InsertAsync(table, records.Select(table.ValuesOf), ct);
    }

    /// <summary>Writes every mapped column of each record over the row with its key.</summary>
    public Task UpdateAsync<T>(IReadOnlyCollection<T> records, CancellationToken ct) where T : class
    {
        var table = TableOf(typeof(T).FullName!);
        return records.Count == 0 ? Task.CompletedTask : UpdateAsync(table, records.Select(table.ValuesOf), ct);
    }

    /// <summary>Adds rows to a table EF maps without a class of its own (a join table), in the order of <paramref name="properties"/>.</summary>
    public Task InsertAsync(string entityName, IReadOnlyList<string> properties, IReadOnlyCollection<object?[]> rows, CancellationToken ct)
    {
        var table = TableOf(entityName, properties);
        return rows.Count == 0 ? Task.CompletedTask : InsertAsync(table, rows.Select(row => table.Convert(row)), ct);
    }

    /// <summary>Deletes the rows of a table whose <paramref name="property"/> is one of <paramref name="keys"/>.</summary>
    public async Task DeleteAsync(string entityName, string property, IReadOnlyCollection<Guid> keys, CancellationToken ct)
    {
        if (keys.Count == 0)
        {
            return;
        }
        var table = TableOf(entityName, [property]);
        await using var command = Command($"DELETE FROM {Quote(table.Name)} WHERE {Quote(table.Columns[0].Name)} = @k");
        var key = Parameter(command, "k", table.Columns[0]);
        await command.PrepareAsync(ct);
        foreach (var value in keys)
        {
            key.Value = table.Columns[0].Convert(value) ?? DBNull.Value;
            await command.ExecuteNonQueryAsync(ct);
        }
    }

    protected abstract Task InsertAsync(Table table, IEnumerable<object?[]> rows, CancellationToken ct);

    /// <summary>Rows whose first value is the key.</summary>
    protected abstract Task UpdateAsync(Table table, IEnumerable<object?[]> rows, CancellationToken ct);

    protected static string Quote(string name) => $"\"{name}\"";

    protected DbCommand Command(string sql)
    {
        var command = Connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = Transaction;
        return command;
    }

    protected static DbParameter Parameter(DbCommand command, string name, Column column)
    {
        var parameter = column.Mapping.CreateParameter(command, name, null, column.Property.IsNullable);
        command.Parameters.Add(parameter);
        return parameter;
    }

    /// <summary>The table of an entity, its key first, then every other column EF writes (store-generated ones left out).</summary>
    private Table TableOf(string entityName, IReadOnlyList<string>? properties = null) =>
        s_tables.GetOrAdd((db.Model, entityName + (properties is null ? "" : ":" + string.Join(",", properties))), _ =>
        {
            var entity = db.Model.FindEntityType(entityName) ?? throw new InvalidOperationException($"{entityName} is not mapped.");
            var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
            var chosen = properties is null
                ? entity.FindPrimaryKey()!.Properties.Where(p => !IsNumberedByTheDatabase(p)).Concat(entity.GetProperties()
                    .Where(p => !p.IsPrimaryKey() && p.ValueGenerated == ValueGenerated.Never && p.GetColumnName(table) is not null))
                : properties.Select(p => entity.FindProperty(p) ?? throw new InvalidOperationException($"{entityName} has no {p}."));
            return new Table(table.Name, [.. chosen.Select(p => new Column(p.GetColumnName(table)!, p, p.GetRelationalTypeMapping()))]);
        });

    /// <summary>A key the database numbers (an audit entry's): left to the database, and never updated by it.</summary>
    private static bool IsNumberedByTheDatabase(IProperty property) =>
        property.ValueGenerated == ValueGenerated.OnAdd && (property.ClrType == typeof(long) || property.ClrType == typeof(int));

    protected sealed record Table(string Name, IReadOnlyList<Column> Columns)
    {
        public object?[] ValuesOf(object record) => [.. Columns.Select(c => c.Convert(c.Property.GetGetter().GetClrValue(record)))];

        public object?[] Convert(object?[] row) => [.. row.Select((value, i) => Columns[i].Convert(value))];
    }

    protected sealed record Column(string Name, IProperty Property, RelationalTypeMapping Mapping)
    {
        /// <summary>The value as the database stores it, after the column's value conversion.</summary>
        public object? Convert(object? value) => value is null ? null : Mapping.Converter is { } converter ? converter.ConvertToProvider(value) : value;
    }
}

/// <summary>SQLite: one prepared statement for the batch, its parameters set again for each row.</summary>
internal sealed class SqliteBulkWriter(VouchDbContext db) : BulkWriter(db)
{
    // SQLite's own default page cache is 2 MB: a batch of a few thousand rows touches more pages of the indexes and the
    // search index than that, so each batch read and wrote them through the file again. 64 MB holds a batch's pages
    // while the tables are small; at a million rows less of them fits and the import slows (bench/README.md, "Bulk
    // import"). The connection is pooled, so its own size is put back after.
    private const int CacheKibibytes = 64 * 1024;
    private string? _cacheSize;

    public override async Task BeginAsync(CancellationToken ct)
    {
        await base.BeginAsync(ct);
        _cacheSize = await PragmaAsync("cache_size", ct);
        await PragmaAsync($"cache_size = -{CacheKibibytes}", ct);
    }

    public override async Task EndAsync()
    {
        if (_cacheSize is { } size)
        {
            await PragmaAsync($"cache_size = {size}", CancellationToken.None);
        }
        await base.EndAsync();
    }

    private async Task<string?> PragmaAsync(string pragma, CancellationToken ct)
    {
        await using var command = Command($"PRAGMA {pragma}");
        return (await command.ExecuteScalarAsync(ct))?.ToString();
    }

    protected override Task InsertAsync(Table table, IEnumerable<object?[]> rows, CancellationToken ct) =>
        ExecuteForEachAsync(table,
            $"INSERT INTO {Quote(table.Name)} ({string.Join(", ", table.Columns.Select(c => Quote(c.Name)))}) " +
            $"VALUES ({string.Join(", ", table.Columns.Select((_, i) => $"@p{i}"))})",
            rows, ct);

    protected override Task UpdateAsync(Table table, IEnumerable<object?[]> rows, CancellationToken ct) =>
        ExecuteForEachAsync(table,
            $"UPDATE {Quote(table.Name)} SET {string.Join(", ", table.Columns.Skip(1).Select((c, i) => $"{Quote(c.Name)} = @p{i + 1}"))} " +
            $"WHERE {Quote(table.Columns[0].Name)} = @p0",
            rows, ct);

    private async Task ExecuteForEachAsync(Table table, string sql, IEnumerable<object?[]> rows, CancellationToken ct)
    {
        await using var command = Command(sql);
        var parameters = table.Columns.Select((c, i) => Parameter(command, $"@p{i}", c)).ToArray();
        await command.PrepareAsync(ct);
        foreach (var row in rows)
        {
            for (var i = 0; i < parameters.Length; i++)
            {
                parameters[i].Value = row[i] ?? DBNull.Value;
            }
            await command.ExecuteNonQueryAsync(ct);
        }
    }
}

/// <summary>PostgreSQL: binary COPY, the database's own bulk path.</summary>
internal sealed class PostgresBulkWriter(VouchDbContext db) : BulkWriter(db)
{
    protected override async Task InsertAsync(Table table, IEnumerable<object?[]> rows, CancellationToken ct) =>
        await CopyAsync(Quote(table.Name), table, rows, ct);

    protected override async Task UpdateAsync(Table table, IEnumerable<object?[]> rows, CancellationToken ct)
    {
        const string staged = "bulk_update";
        var columns = string.Join(", ", table.Columns.Select(c => Quote(c.Name)));
        await ExecuteAsync($"""
            DROP TABLE IF EXISTS {staged};
            CREATE TEMPORARY TABLE {staged} AS SELECT {columns} FROM {Quote(table.Name)} WITH NO DATA;
            """, ct);
        await CopyAsync(staged, table, rows, ct);
        await ExecuteAsync($"""
            UPDATE {Quote(table.Name)} AS t SET {string.Join(", ", table.Columns.Skip(1).Select(c => $"{Quote(c.Name)} = s.{Quote(c.Name)}"))}
            FROM {staged} AS s WHERE t.{Quote(table.Columns[0].Name)} = s.{Quote(table.Columns[0].Name)};
            DROP TABLE {staged};
            """, ct);
    }

    private async Task ExecuteAsync(string sql, CancellationToken ct)
    {
        await using var command = Command(sql);
        await command.ExecuteNonQueryAsync(ct);
    }

    private async Task CopyAsync(string target, Table table, IEnumerable<object?[]> rows, CancellationToken ct)
    {
        var connection = (NpgsqlConnection)Connection;
        await using var copy = await connection.BeginBinaryImportAsync(
            $"COPY {target} ({string.Join(", ", table.Columns.Select(c => Quote(c.Name)))}) FROM STDIN (FORMAT BINARY)", ct);
        foreach (var row in rows)
        {
            await copy.StartRowAsync(ct);
            foreach (var value in row)
            {
                if (value is null)
                {
                    await copy.WriteNullAsync(ct);
                }
                else
                {
                    await copy.WriteAsync(value, ct);
                }
            }
        }
        await copy.CompleteAsync(ct);
    }
}
