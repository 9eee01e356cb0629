using System.Data.Common;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;

namespace Vouch.Data;

/// <summary>A view every instance keeps in memory and takes in the changes saved on the others.</summary>
public interface ISharedSnapshot
{
    /// <summary>The view as notifications name it.</summary>
    string Name { get; }

    /// <summary>
    /// Another instance saved a change, which began at <paramref name="savedFrom"/> on its clock: what the view takes in
    /// of it, as <see cref="SnapshotNotifications.Send"/> was given it; null when only a whole read takes it in.
    /// </summary>
    void ChangedElsewhere(JsonElement? change, DateTimeOffset savedFrom);
}

/// <summary>
/// Tells the other instances on one PostgreSQL database what a save here changed of the views they keep in memory
/// (<see cref="ISharedSnapshot"/>), and takes in what they tell, through LISTEN/NOTIFY. On SQLite, whose database one
/// instance serves, it does nothing.
/// </summary>
/// <remarks>
/// A save is sent right after its commit (a save in a transaction of the caller's once that commits, and never if it
/// is rolled back), on a connection of the pool; a notification carries the change itself (the
/// ids to read again, the new requests), or says that only a whole read takes it in when it is larger than a
/// notification holds. Each instance listens on a connection of its own, ignores what it sent itself, and after a lost
/// connection listens again and reads every view whole, as it may have missed notifications meanwhile. A notification
/// lost with its sender (stopped between its commit and the send) is taken in once the views are older than their
/// bound, as before. See docs/decisions/0036-cross-instance-refresh.md.
/// </remarks>
public sealed partial class SnapshotNotifications(
    DatabaseSettings settings, IEnumerable<ISharedSnapshot> snapshots, TimeProvider clock, ILogger<SnapshotNotifications> logger)
    : BackgroundService, IDbTransactionInterceptor
{
    public const string Channel = "vouch_snapshots";

    /// <summary>PostgreSQL's limit is 8000 bytes; a change larger than this is sent as one only a whole read takes in.</summary>
    private const int MaxPayload = 7900;

    private static readonly TimeSpan s_retry = TimeSpan.FromSeconds(1);

    private readonly Guid _instance = Guid.NewGuid();
    private readonly Dictionary<string, ISharedSnapshot> _snapshots = snapshots.ToDictionary(s => s.Name, StringComparer.Ordinal);
    private readonly Channel<string> _outgoing = System.Threading.Channels.Channel.CreateUnbounded<string>(new() { SingleReader = true });
    private readonly TaskCompletionSource _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);
    // What saves in a transaction still open changed: sent when it commits.
    private readonly ConditionalWeakTable<DbContext, List<string>> _uncommitted = [];

    private bool Shared => settings.Provider == DatabaseProvider.Postgres;

    /// <summary>Done once this instance listens to the others (at once on SQLite).</summary>
    public Task Listening => Shared ? _listening.Task : Task.CompletedTask;

    /// <summary>
    /// Tells the other instances that a save through <paramref name="saved"/>, which began at <paramref name="savedFrom"/>,
    /// changed <paramref name="view"/>: <paramref name="change"/> is what the view takes in of it (sent as JSON), or null
    /// when only a whole read takes it in. Sent once the save is committed.
    /// </summary>
    public void Send(DbContext saved, string view, object? change, DateTimeOffset savedFrom)
    {
        if (!Shared)
        {
            return;
        }
        var payload = JsonSerializer.Serialize(new Notice(_instance, view, savedFrom, change));
        if (change is not null && System.Text.Encoding.UTF8.GetByteCount(payload) > MaxPayload)
        {
            payload = JsonSerializer.Serialize(new Notice(_instance, view, savedFrom, null));
        }
        if (saved.Database.CurrentTransaction is null)
        {
            _outgoing.Writer.TryWrite(payload);
        }
        else
        {
            _uncommitted.GetOrCreateValue(saved).Add(payload);
        }
    }

    void IDbTransactionInterceptor.TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Committed(eventData.Context);

    Task IDbTransactionInterceptor.TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken)
    {
        Committed(eventData.Context);
        return Task.CompletedTask;
    }

    void IDbTransactionInterceptor.TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => RolledBack(eventData.Context);

    Task IDbTransactionInterceptor.TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken)
    {
        RolledBack(eventData.Context);
        return Task.CompletedTask;
    }

    private void Committed(DbContext? context)
    {
        if (context is not null && _uncommitted.TryGetValue(context, out var payloads) && _uncommitted.Remove(context))
        {
            foreach (var payload in payloads)
            {
                _outgoing.Writer.TryWrite(payload);
            }
        }
    }

    private void RolledBack(DbContext? context)
    {
        if (context is not null)
        {
            _uncommitted.Remove(context);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!Shared)
        {
            return;
        }
        await Task.WhenAll(ListenAsync(stoppingToken), SendAsync(stoppingToken));
    }

    private async Task SendAsync(CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            try
            {
                await _outgoing.Reader.WaitToReadAsync(ct);
                await using var connection = new NpgsqlConnection(settings.ConnectionString);
                await connection.OpenAsync(ct);
                while (_outgoing.Reader.TryPeek(out var payload))
                {
                    await using var notify = new NpgsqlCommand("SELECT pg_notify(@channel, @payload)", connection);
                    notify.Parameters.AddWithValue("channel", Channel);
                    notify.Parameters.AddWithValue("payload", payload);
                    await notify.ExecuteNonQueryAsync(ct);
                    _outgoing.Reader.TryRead(out _);
                }
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // Kept to send again: the other instances would otherwise see the change only once their views are old.
                LogSendFailed(e, s_retry.TotalSeconds);
                try
                {
                    await Task.Delay(s_retry, clock, ct);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    private async Task ListenAsync(CancellationToken ct)
    {
        // A connection of its own, out of the pool, with keepalives so that a connection lost while waiting is noticed.
        var listener = new NpgsqlConnectionStringBuilder(settings.ConnectionString) { Pooling = false, KeepAlive = 5 }.ConnectionString;
        var lost = false;
        while (!ct.IsCancellationRequested)
        {
            try
            {
                if (lost)
                {
                    await Task.Delay(s_retry, clock, ct);
                }
                await using var connection = new NpgsqlConnection(listener);
                await connection.OpenAsync(ct);
                connection.Notification += (_, e) => Receive(e.Payload);
                await using (var listen = new NpgsqlCommand($"LISTEN {Channel}", connection))
                {
                    await listen.ExecuteNonQueryAsync(ct);
                }
                // Whatever was saved elsewhere before now was not heard: each view is read whole (at once if it was
                // read already, or when first read).
                foreach (var snapshot in _snapshots.Values)
                {
                    snapshot.ChangedElsewhere(null, clock.GetUtcNow());
                }
                if (lost)
                {
                    LogListeningAgain(_instance);
                }
                else
                {
                    LogListening(_instance);
                }
                _listening.TrySetResult();
                while (true)
                {
                    await connection.WaitAsync(ct);
                }
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                lost = true;
                LogListenFailed(e, s_retry.TotalSeconds);
            }
        }
    }

    private void Receive(string payload)
    {
        Notice? notice;
        try
        {
            notice = JsonSerializer.Deserialize<Notice>(payload);
        }
        catch (JsonException e)
        {
            LogUnreadable(e, payload.Length);
            return;
        }
        if (notice is null || notice.From == _instance)
        {
            return;
        }
        if (!_snapshots.TryGetValue(notice.View, out var snapshot))
        {
            LogUnknownView(notice.View);
            return;
        }
        var change = notice.Change is JsonElement { ValueKind: not JsonValueKind.Null } element ? element : (JsonElement?)null;
        LogReceived(notice.View, notice.From, change is null ? "a whole read" : "the change");
        snapshot.ChangedElsewhere(change, notice.SavedFrom);
    }

    /// <summary>One notification: who sent it, which view it changed, when the save began, and the change.</summary>
    private sealed record Notice(Guid From, string View, DateTimeOffset SavedFrom, object? Change);

    [LoggerMessage(Level = LogLevel.Information, Message = "Instance {Instance} listens for changes saved on other instances; the in-memory views are read whole.")]
    private partial void LogListening(Guid instance);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Instance {Instance} listens again for changes saved on other instances; notifications may have been missed meanwhile, so the in-memory views are read whole.")]
    private partial void LogListeningAgain(Guid instance);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Lost the connection that listens for changes saved on other instances; trying again in {Seconds} s.")]
    private partial void LogListenFailed(Exception e, double seconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not tell the other instances of a change saved here; trying again in {Seconds} s.")]
    private partial void LogSendFailed(Exception e, double seconds);

    [LoggerMessage(Level = LogLevel.Debug, Message = "{View} changed on instance {From}: taking in {What}.")]
    private partial void LogReceived(string view, Guid from, string what);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A notification of {Length} characters could not be read; it is ignored.")]
    private partial void LogUnreadable(Exception e, int length);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A notification names a view this instance does not keep ({View}); it is ignored.")]
    private partial void LogUnknownView(string view);
}
