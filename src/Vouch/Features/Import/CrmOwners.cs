using Microsoft.EntityFrameworkCore;
using Vouch.Data;

namespace Vouch.Features.Import;

/// <summary>
/// Records imported with an owner who was not yet a Vouch user keep the owner's CRM id; once a user has that CRM id,
/// the records become theirs. Runs on every import and when a user with a CRM id is added.
/// </summary>
public static class CrmOwners
{
    private const int BatchSize = 500;

    /// <summary>Gives each record whose CRM owner is now a user to that user; returns how many records changed.</summary>
    public static async Task<int> LinkAsync(VouchDbContext db, CancellationToken ct = default)
    {
        var users = await db.Users.Where(u => u.ExternalId != null)
            .Select(u => new { u.Id, ExternalId = u.ExternalId! })
            .ToDictionaryAsync(u => u.ExternalId, u => u.Id, ct);
        if (users.Count == 0)
        {
            return 0;
        }
        var ids = users.Keys.ToList();
        var linked = 0;
        while (await db.Accounts.IgnoreQueryFilters().Where(a => a.ExternalOwnerId != null && ids.Contains(a.ExternalOwnerId))
            .OrderBy(a => a.Id).Take(BatchSize).ToListAsync(ct) is { Count: > 0 } accounts)
        {
            foreach (var account in accounts)
            {
                (account.OwnerId, account.ExternalOwnerId) = (users[account.ExternalOwnerId!], null);
            }
            linked += accounts.Count;
            await db.SaveChangesAsync(ct);
        }
        while (await db.Opportunities.Where(o => o.ExternalOwnerId != null && ids.Contains(o.ExternalOwnerId))
            .OrderBy(o => o.Id).Take(BatchSize).ToListAsync(ct) is { Count: > 0 } opportunities)
        {
            foreach (var opportunity in opportunities)
            {
                (opportunity.OwnerId, opportunity.ExternalOwnerId) = (users[opportunity.ExternalOwnerId!], null);
            }
            linked += opportunities.Count;
            await db.SaveChangesAsync(ct);
        }
        return linked;
    }
}
