using System.CommandLine;
using System.ComponentModel;
using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Npgsql;
using Vouch.Data;

namespace Vouch.Cli;

/// <summary>
/// <c>vouch backup FILE</c>: a consistent copy of the database while the app keeps running. The copy is
/// written next to the target under a temporary name and moved into place when complete, so a failed
/// backup never leaves a half-written file or destroys an older one.
/// </summary>
public static class BackupCommand
{
    public static Command Create(string[] hostArgs)
    {
        var file = new Argument<FileInfo>("file") { Description = "Where to write the backup." };
        var force = new Option<bool>("--force") { Description = "Replace the file if it exists." };
        var pgDump = new Option<string>("--pg-dump")
        {
            Description = "The pg_dump program to run for PostgreSQL, of the server's major version or newer.",
            DefaultValueFactory = _ => "pg_dump",
            HelpName = "program",
        };
        var backup = new Command("backup",
            "Write a consistent copy of the database while Vouch runs. SQLite: a compacted copy of the database file " +
            "(VACUUM INTO); restore by stopping Vouch and putting the copy in place of the file. PostgreSQL: pg_dump in " +
            "its custom format (-Fc), with the password passed in the environment; restore with pg_restore. " +
            "An existing file is kept unless --force is given.")
        {
            file, force, pgDump,
        };
        backup.SetAction((parse, ct) => CliHost.RunAsync(hostArgs, async (services, token) =>
        {
            var target = Path.GetFullPath(parse.GetValue(file)!.FullName);
            if (File.Exists(target) && !parse.GetValue(force))
            {
                return CliHost.Fail(CliHost.InvalidInput, $"{target} exists; pass --force to replace it.");
            }
            if (Directory.Exists(target))
            {
                return CliHost.Fail(CliHost.InvalidInput, $"{target} is a directory; name a file.");
            }
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            var settings = services.GetRequiredService<DatabaseSettings>();
            var temporary = Path.Combine(Path.GetDirectoryName(target)!, $".{Path.GetFileName(target)}.{Guid.NewGuid():N}.partial");
            var stopwatch = Stopwatch.StartNew();
            try
            {
                var exitCode = settings.Provider == DatabaseProvider.Postgres
                    ? await DumpPostgresAsync(settings.ConnectionString, parse.GetValue(pgDump)!, temporary, token)
                    : await CopySqliteAsync(settings.ConnectionString, target, temporary, token);
                if (exitCode != CliHost.Ok)
                {
                    return exitCode;
                }
                File.Move(temporary, target, overwrite: true);
            }
            finally
            {
                File.Delete(temporary);
            }
            var size = new FileInfo(target).Length;
            Console.WriteLine($"Backed up the {settings.Provider} database to {target} ({size / 1024.0 / 1024.0:N1} MiB) in {stopwatch.Elapsed.TotalSeconds:N1} s.");
            return CliHost.Ok;
        }, ct));
        return backup;
    }

    /// <summary>
    /// VACUUM INTO reads the database in one transaction, so the copy is consistent while the app
    /// goes on writing (WAL mode), and it leaves out free pages.
    /// </summary>
    private static async Task<int> CopySqliteAsync(string connectionString, string target, string temporary, CancellationToken ct)
    {
        var source = new SqliteConnectionStringBuilder(connectionString);
        if (source.Mode == SqliteOpenMode.Memory || source.DataSource is "" or ":memory:")
        {
            return CliHost.Fail(CliHost.InvalidInput, "The database is in memory; there is nothing to back up.");
        }
        var database = Path.GetFullPath(source.DataSource);
        if (!File.Exists(database))
        {
            return CliHost.Fail(CliHost.DatabaseError, $"There is no SQLite database at {database}.");
        }
        if (new[] { "", "-wal", "-shm", "-journal" }.Any(suffix => string.Equals(target, database + suffix, StringComparison.Ordinal)))
        {
            return CliHost.Fail(CliHost.InvalidInput, "The backup cannot replace the database it copies.");
        }
        await using var connection = new SqliteConnection(source.ConnectionString);
        await connection.OpenAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = "VACUUM INTO $file";
        command.Parameters.AddWithValue("$file", temporary);
        await command.ExecuteNonQueryAsync(ct);
        return CliHost.Ok;
    }

    /// <summary>
    /// pg_dump takes its snapshot in one repeatable-read transaction, so the dump is consistent while
    /// the app runs. The password goes in PGPASSWORD, never on a command line others can read.
    /// </summary>
    private static async Task<int> DumpPostgresAsync(string connectionString, string pgDump, string temporary, CancellationToken ct)
    {
        var connection = new NpgsqlConnectionStringBuilder(connectionString);
        var start = new ProcessStartInfo(pgDump)
        {
            UseShellExecute = false,
            RedirectStandardError = true,
            RedirectStandardInput = true,
        };
        // --no-password: with no usable password pg_dump fails instead of waiting for someone to type one.
        foreach (var argument in new[] { "--format=custom", "--no-password", "--file", temporary })
        {
            start.ArgumentList.Add(argument);
        }
        AddOption(start, "--host", connection.Host);
        AddOption(start, "--port", connection.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        AddOption(start, "--username", connection.Username);
        AddOption(start, "--dbname", connection.Database);
        if (!string.IsNullOrEmpty(connection.Password))
        {
            start.Environment["PGPASSWORD"] = connection.Password;
        }
        start.Environment["PGSSLMODE"] = connection.SslMode switch
        {
            SslMode.Disable => "disable",
            SslMode.Allow => "allow",
            SslMode.Require => "require",
            SslMode.VerifyCA => "verify-ca",
            SslMode.VerifyFull => "verify-full",
            _ => "prefer",
        };

        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (Win32Exception)
        {
            return CliHost.Fail(CliHost.DatabaseError,
                $"'{pgDump}' could not be run. Install the PostgreSQL client tools (pg_dump, of the server's major version " +
                "or newer; on Debian and Ubuntu: apt-get install postgresql-client) or name the program with --pg-dump.");
        }
        using (process)
        {
            process.StandardInput.Close();
            var errors = process.StandardError.ReadToEndAsync(ct);
            try
            {
                await process.WaitForExitAsync(ct);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw;
            }
            var message = (await errors).Trim();
            if (process.ExitCode != 0)
            {
                return CliHost.Fail(CliHost.DatabaseError, $"pg_dump failed (exit code {process.ExitCode}): {message}");
            }
            if (message.Length > 0)
            {
                Console.Error.WriteLine(message);
            }
            return CliHost.Ok;
        }
    }

    private static void AddOption(ProcessStartInfo start, string option, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            start.ArgumentList.Add(option);
            start.ArgumentList.Add(value);
        }
    }
}
