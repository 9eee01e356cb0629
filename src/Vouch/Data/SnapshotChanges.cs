using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Vouch.Data;

/// <summary>
/// Tells a <see cref="RefreshingSnapshot{TView, TChange}"/> what a save changed of its view: noted before the save, as the
/// entries are unchanged once saved, and told once it is saved.
/// </summary>
public abstract class SnapshotChanges : SaveChangesInterceptor
{
    private readonly ConditionalWeakTable<DbContext, Action> _pending = [];

    /// <summary>What to tell once the save about to be made is done; null when it changes nothing the view holds.</summary>
    protected abstract Action? Noticed(DbContext context);

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Remember(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Remember(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Tell(eventData.Context);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Tell(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private void Remember(DbContext? context)
    {
        if (context is null)
        {
            return;
        }
        if (Noticed(context) is { } tell)
        {
            _pending.AddOrUpdate(context, tell);
        }
        else
        {
            _pending.Remove(context);
        }
    }

    private void Tell(DbContext? context)
    {
        if (context is not null && _pending.TryGetValue(context, out var tell) && _pending.Remove(context))
        {
            tell();
        }
    }
}
