using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Vouch.Data;

/// <summary>
/// Sets how every SQLite connection the app opens writes:
/// <list type="bullet">
/// <item><c>synchronous = NORMAL</c>. In WAL mode (set by migrate) that syncs the log to disk at each checkpoint rather
/// than at each commit: a commit no longer waits for the disk, which on a virtual disk takes milliseconds and would cap
/// the database at a few hundred writes a second. The database stays consistent whatever happens; what a power cut or an
/// operating-system crash can lose is the transactions committed since the last checkpoint. A crash of the app itself
/// loses nothing. Deployments that must not lose a committed transaction to a power cut run on PostgreSQL
/// (docs/decisions/0002).</item>
/// <item><c>wal_autocheckpoint = </c><see cref="SqliteCheckpointer.FallbackPages"/>. <see cref="SqliteCheckpointer"/>
/// copies the log into the database every second; a commit does it itself only if the log grows past that many pages
/// regardless.</item>
/// </list>
/// </summary>
internal sealed class SqlitePragmas : DbConnectionInterceptor
{
    public static readonly SqlitePragmas Instance = new();

    private static readonly string s_pragmas =
        $"PRAGMA synchronous = NORMAL; PRAGMA wal_autocheckpoint = {SqliteCheckpointer.FallbackPages}";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = s_pragmas;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = s_pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
