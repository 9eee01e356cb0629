using System.Net.Sockets;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Vouch.Data;

/// <summary>What kind of database failure an exception is, where it is one the caller should hear about.</summary>
public enum DatabaseFault
{
    /// <summary>The database cannot be reached, broke the connection, is starting or stopping, or is busy.</summary>
    Unavailable,

    /// <summary>The database (or the disk under it) has no room for the write.</summary>
    Full,
}

/// <summary>
/// Recognises the failures of the database itself, as opposed to a bug, through the wrappers EF Core and the drivers
/// put around them: a restarted PostgreSQL, a broken socket, an exhausted pool, a locked or full SQLite file.
/// </summary>
public static class DatabaseFaults
{
    /// <summary>How long a caller should wait before trying again: about what a PostgreSQL restart takes.</summary>
    public const int RetryAfterSeconds = 5;

    // PostgreSQL's SQL states for a server that is going away, and for a full disk.
    private const string AdminShutdown = "57P01";
    private const string CrashShutdown = "57P02";
    private const string DiskFull = "53100";

    // SQLite's primary result codes (the extended code's low byte).
    private const int SqliteBusy = 5;
    private const int SqliteLocked = 6;
    private const int SqliteIoError = 10;
    private const int SqliteFull = 13;
    private const int SqliteCannotOpen = 14;

    public static DatabaseFault? Classify(Exception exception)
    {
        for (Exception? e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case PostgresException { SqlState: DiskFull }:
                    return DatabaseFault.Full;
                case PostgresException { SqlState: AdminShutdown or CrashShutdown }:
                // Npgsql's own judgement: refused or broken connections, timeouts, the pool exhausted, and the server's
                // "cannot connect now", "too many connections", "not accepting connections", deadlocks and
                // serialization failures: all worth sending again.
                case NpgsqlException { IsTransient: true }:
                    return DatabaseFault.Unavailable;
                case PostgresException:
                    // Any other error the server reported is about the statement, not the server: not ours to name.
                    return null;
                case SqliteException sqlite:
                    return (sqlite.SqliteErrorCode & 0xFF) switch
                    {
                        SqliteFull => DatabaseFault.Full,
                        SqliteBusy or SqliteLocked or SqliteIoError or SqliteCannotOpen => DatabaseFault.Unavailable,
                        _ => null,
                    };
                case SocketException:
                    return DatabaseFault.Unavailable;
                case AggregateException { InnerExceptions.Count: 1 } aggregate:
                    return Classify(aggregate.InnerExceptions[0]);
            }
        }
        return null;
    }
}
