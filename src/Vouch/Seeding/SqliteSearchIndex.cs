using Microsoft.Data.Sqlite;

namespace Vouch.Seeding;

/// <summary>
/// The reference search indexes on SQLite during a bulk load. Their triggers rewrite a contact's index row
/// on every insert into the contacts, their activities and the accounts' products, which would write
/// each row several times over; the load drops them, and at its end the indexes are rebuilt once (the
/// main one from the view that defines it, the names from the contacts) and the triggers are created
/// again as the migrations wrote them, all in the load's transaction.
/// </summary>
internal sealed class SqliteSearchIndex
{
    private readonly List<string> _triggers;

    private SqliteSearchIndex(List<string> triggers) => _triggers = triggers;

    public static async Task<SqliteSearchIndex> SuspendAsync(SqliteConnection connection, SqliteTransaction transaction, CancellationToken ct)
    {
        var triggers = new List<(string Name, string Sql)>();
        await using (var read = Command(connection, transaction,
            "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name LIKE '%\\_ContactSearch\\_%' ESCAPE '\\'"))
        await using (var reader = await read.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                triggers.Add((reader.GetString(0), reader.GetString(1)));
            }
        }
        foreach (var (name, _) in triggers)
        {
            await using var drop = Command(connection, transaction, $"DROP TRIGGER \"{name}\"");
            await drop.ExecuteNonQueryAsync(ct);
        }
        return new SqliteSearchIndex([.. triggers.Select(t => t.Sql)]);
    }

    public async Task RebuildAsync(SqliteConnection connection, SqliteTransaction transaction, CancellationToken ct)
    {
        await using (var rebuild = Command(connection, transaction, """
            INSERT INTO "ContactSearch" ("ContactSearch") VALUES ('delete-all');
            INSERT INTO "ContactSearch" (rowid, "Name", "Title", "Story", "Facets")
            SELECT "ContactRowId", "Name", "Title", "Story", "Facets" FROM "ContactSearchSource";
            INSERT INTO "ContactNameSearch" ("ContactNameSearch") VALUES ('delete-all');
            INSERT INTO "ContactNameSearch" (rowid, "Name", "Title")
            SELECT rowid, "FirstName" || ' ' || "LastName", "Title" FROM "Contacts";
            """))
        {
            await rebuild.ExecuteNonQueryAsync(ct);
        }
        foreach (var sql in _triggers)
        {
            await using var create = Command(connection, transaction, sql);
            await create.ExecuteNonQueryAsync(ct);
        }
    }

    private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }
}
