using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Vouch.Data;

/// <summary>
/// Sets <c>synchronous = NORMAL</c> on every SQLite connection the app opens. In WAL mode (set by migrate) that
/// syncs the log to disk at each checkpoint rather than at each commit: a commit no longer waits for the disk, which on
/// a virtual disk takes milliseconds and would cap the database at a few hundred writes a second (every vote is one).
/// The database stays consistent whatever happens; what a power cut or an operating-system crash can lose is the
/// transactions committed since the last checkpoint. A crash of the app itself loses nothing. Deployments that must not
/// lose a committed transaction to a power cut run on PostgreSQL (docs/decisions/0002).
/// </summary>
internal sealed class SqliteDurability : DbConnectionInterceptor
{
    public static readonly SqliteDurability Instance = new();

    private const string Pragma = "PRAGMA synchronous = NORMAL";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragma;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragma;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
