using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Vouch.Data;

/// <summary>
/// An interceptor whose work before and after a save reads and adds tracked entries only, so that SaveChanges and
/// SaveChangesAsync run the same code.
/// </summary>
public abstract class SynchronousSaveInterceptor : SaveChangesInterceptor
{
    /// <summary>Before the save: the entries are as they will be written.</summary>
    protected virtual void Saving(DbContext context)
    {
    }

    /// <summary>Once the save is done.</summary>
    protected virtual void Saved(DbContext context)
    {
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is { } context)
        {
            Saving(context);
        }
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(SavingChanges(eventData, result));

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        if (eventData.Context is { } context)
        {
            Saved(context);
        }
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(SavedChanges(eventData, result));
}
