using Microsoft.Data.Sqlite;
using Npgsql;
using Vouch.Data;

namespace Vouch.BrowserTests;

/// <summary>
/// An empty database of the tests' own: a new SQLite file in a temporary folder, or, when
/// <c>VOUCH_TEST_DATABASE</c> is <c>Postgres</c>, a new database on the server that <c>VOUCH_TEST_POSTGRES</c>
/// names. Disposing deletes it.
/// </summary>
internal sealed class TestDatabase(DatabaseSettings settings, Func<ValueTask> delete) : IAsyncDisposable
{
    private const string ProviderVariable = "VOUCH_TEST_DATABASE";
    private const string PostgresServerVariable = "VOUCH_TEST_POSTGRES";

    public DatabaseSettings Settings => settings;

    public static async Task<TestDatabase> CreateAsync(CancellationToken ct)
    {
        var provider = Environment.GetEnvironmentVariable(ProviderVariable);
        if (string.IsNullOrEmpty(provider) || provider.Equals(nameof(DatabaseProvider.Sqlite), StringComparison.OrdinalIgnoreCase))
        {
            return CreateSqlite();
        }
        if (provider.Equals(nameof(DatabaseProvider.Postgres), StringComparison.OrdinalIgnoreCase))
        {
            return await CreatePostgresAsync(ct);
        }
        throw new InvalidOperationException($"{ProviderVariable} is '{provider}'; it must be Sqlite or Postgres.");
    }

    public ValueTask DisposeAsync() => delete();

    private static TestDatabase CreateSqlite()
    {
        var folder = Directory.CreateTempSubdirectory("vouch-browser-").FullName;
        var connectionString = new SqliteConnectionStringBuilder { DataSource = Path.Combine(folder, "vouch.db") }.ConnectionString;
        return new TestDatabase(new DatabaseSettings(DatabaseProvider.Sqlite, connectionString), () =>
        {
            // Pooled connections would keep the file open.
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
            return ValueTask.CompletedTask;
        });
    }

    // Never falls back to SQLite: a run asked to test PostgreSQL that quietly tested SQLite would prove nothing.
    private static async Task<TestDatabase> CreatePostgresAsync(CancellationToken ct)
    {
        var server = Environment.GetEnvironmentVariable(PostgresServerVariable);
        if (string.IsNullOrWhiteSpace(server))
        {
            throw new InvalidOperationException(
                $"{ProviderVariable} is Postgres but {PostgresServerVariable} is not set; set it to an Npgsql connection string " +
                "to a server, e.g. Host=127.0.0.1;Port=5432;Username=postgres.");
        }
        var name = "vouch_browser_" + Guid.NewGuid().ToString("N");
        await ExecuteOnServerAsync(server, $"""CREATE DATABASE "{name}" """, ct);
        var connectionString = new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
        return new TestDatabase(new DatabaseSettings(DatabaseProvider.Postgres, connectionString), async () =>
            // FORCE ends the connections that the app's pool still holds.
            await ExecuteOnServerAsync(server, $"""DROP DATABASE IF EXISTS "{name}" WITH (FORCE)""", CancellationToken.None));
    }

    private static async Task ExecuteOnServerAsync(string server, string sql, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(server);
        try
        {
            await connection.OpenAsync(ct);
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException)
        {
            var address = new NpgsqlConnectionStringBuilder(server);
            throw new InvalidOperationException(
                $"The PostgreSQL server named by {PostgresServerVariable} ({address.Host}:{address.Port}) cannot be reached: {e.Message}", e);
        }
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(ct);
    }
}
