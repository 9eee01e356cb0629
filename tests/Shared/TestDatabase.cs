using Microsoft.Data.Sqlite;
using Npgsql;

namespace Vouch.Testing;

/// <summary>
/// A database of the test's own. SQLite (a new file) unless <c>VOUCH_TEST_DATABASE=Postgres</c>, in which
/// case a new database on the server named by <c>VOUCH_TEST_POSTGRES</c>; a missing or unreachable server
/// fails the test rather than falling back to SQLite.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly string? _directory;
    private readonly string? _serverConnectionString;
    private readonly string? _databaseName;

    private TestDatabase(string provider, string connectionString, string? directory, string? serverConnectionString, string? databaseName)
    {
        Provider = provider;
        ConnectionString = connectionString;
        _directory = directory;
        _serverConnectionString = serverConnectionString;
        _databaseName = databaseName;
    }

    public string Provider { get; }
    public string ConnectionString { get; }
    public bool IsPostgres => Provider == "Postgres";

    public static string ProviderUnderTest =>
        Environment.GetEnvironmentVariable("VOUCH_TEST_DATABASE") is { Length: > 0 } provider ? provider : "Sqlite";

    public static async Task<TestDatabase> CreateAsync()
    {
        var provider = ProviderUnderTest;
        if (string.Equals(provider, "Sqlite", StringComparison.OrdinalIgnoreCase))
        {
            var directory = Directory.CreateTempSubdirectory("vouch-test-").FullName;
            return new TestDatabase("Sqlite", $"Data Source={Path.Combine(directory, "vouch.db")}", directory, null, null);
        }
        if (!string.Equals(provider, "Postgres", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException($"VOUCH_TEST_DATABASE is '{provider}'; it must be Sqlite or Postgres.");
        }
        var server = Environment.GetEnvironmentVariable("VOUCH_TEST_POSTGRES");
        if (string.IsNullOrWhiteSpace(server))
        {
            throw new InvalidOperationException("VOUCH_TEST_DATABASE is Postgres but VOUCH_TEST_POSTGRES (the server's connection string) is not set.");
        }
        var name = "vouch_test_" + Guid.NewGuid().ToString("N");
        await using (var connection = new NpgsqlConnection(server))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await create.ExecuteNonQueryAsync();
        }
        var database = new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
        return new TestDatabase("Postgres", database, null, server, name);
    }

    public async ValueTask DisposeAsync()
    {
        if (IsPostgres)
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(_serverConnectionString);
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_databaseName}\" WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        }
        else if (_directory is not null)
        {
            SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(_directory, recursive: true);
            }
            catch (IOException)
            {
                // A file still open by a finishing request; the temp folder is cleaned by the OS.
            }
        }
    }
}
