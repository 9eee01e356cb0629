using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;

namespace Vouch.Data;

/// <summary>
/// Tells a <see cref="RefreshingSnapshot{TView, TChange}"/> what a save changed of its view: noted before the save, as the
/// entries are unchanged once saved, and told once it is saved.
/// </summary>
public abstract class SnapshotChanges : SynchronousSaveInterceptor
{
    private readonly ConditionalWeakTable<DbContext, Action> _pending = [];

    /// <summary>What to tell once the save about to be made is done; null when it changes nothing the view holds.</summary>
    protected abstract Action? Noticed(DbContext context);

    /// <summary>
    /// Tells the view, here and on the other instances, that a write through <paramref name="context"/> it could not
    /// notice (a bulk write without the change tracker, committed) may have changed anything it holds, so its next read
    /// is a whole read.
    /// </summary>
    public abstract void ChangedOutsideSaves(DbContext context);

    protected override void Saving(DbContext context)
    {
        if (Noticed(context) is { } tell)
        {
            _pending.AddOrUpdate(context, tell);
        }
        else
        {
            _pending.Remove(context);
        }
    }

    protected override void Saved(DbContext context)
    {
        if (_pending.TryGetValue(context, out var tell) && _pending.Remove(context))
        {
            tell();
        }
    }
}
