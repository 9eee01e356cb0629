using Microsoft.EntityFrameworkCore;
using Vouch.Data;

namespace Vouch.Features.Requests;

/// <summary>
/// Takes a job's lease with one conditional update: it succeeds only while the lease has expired, and the database
/// applies one such update at a time to the row, so of several instances calling at once exactly one gets it.
/// </summary>
public sealed class JobLeases(VouchDbContext db, TimeProvider clock)
{
    /// <summary>Whether this caller now holds the lease of <paramref name="job"/> for <paramref name="lease"/>.</summary>
    public async Task<bool> TryTakeAsync(string job, string holder, TimeSpan lease, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var until = now + lease;
        var taken = await db.JobLeases
            .Where(l => l.Name == job && l.LeasedUntil <= now)
            .ExecuteUpdateAsync(set => set.SetProperty(l => l.LeasedUntil, until).SetProperty(l => l.Holder, holder), ct);
        return taken == 1;
    }
}
