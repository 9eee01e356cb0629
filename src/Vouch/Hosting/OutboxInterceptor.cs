using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Vouch.Hosting;

/// <summary>
/// Adds a background job's work (rows of an outbox) to the saves that call for it, so the work is committed with the
/// change or not at all; once such a save is committed, this instance's job is woken rather than left to its next round.
/// </summary>
public abstract class OutboxInterceptor(JobSignal signal) : SaveChangesInterceptor
{
    // The contexts whose save under way adds work; weak, so a context that is never saved is not kept alive.
    private readonly ConditionalWeakTable<DbContext, object> _adding = [];

    /// <summary>Adds the work the save under way calls for; whether it added any.</summary>
    protected abstract Task<bool> AddWorkAsync(DbContext context, CancellationToken ct);

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context && await AddWorkAsync(context, cancellationToken))
        {
            _adding.AddOrUpdate(context, context);
        }
        return result;
    }

    // Vouch saves asynchronously; a synchronous save (a tool, a test) gets the same work.
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result) =>
        SavingChangesAsync(eventData, result).AsTask().GetAwaiter().GetResult();

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(SavedChanges(eventData, result));

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        if (eventData.Context is { } context && _adding.Remove(context))
        {
            signal.Wake();
        }
        return result;
    }
}
