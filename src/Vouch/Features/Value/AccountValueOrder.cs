using Microsoft.EntityFrameworkCore;
using Vouch.Data;
using Vouch.Features.Accounts;

namespace Vouch.Features.Value;

/// <summary>The accounts list sorted by value: customers with a stored value, highest first, read from the stored values' index.</summary>
public static class AccountValueOrder
{
    /// <summary>
    /// The customers among <paramref name="accounts"/> that have the value sorted by, highest first; only
    /// <paramref name="owner"/>'s when given. Ordered by the stored value's index, then joined to the accounts.
    /// </summary>
    public static IQueryable<Account> CustomersByValue(VouchDbContext db, IQueryable<Account> accounts, ValueSort sort, Guid? owner)
    {
        var values = db.Set<AccountValue>().Where(v => v.IsCustomer);
        if (owner is { } me)
        {
            values = values.Where(v => v.OwnerId == me);
        }
        var joined = accounts.Join(values, a => a.Id, v => v.AccountId, (a, v) => new { Account = a, Value = v });
        return sort == ValueSort.Multiple
            ? joined.Where(x => x.Value.Multiple != null).OrderByDescending(x => x.Value.Multiple).ThenByDescending(x => x.Value.AccountId).Select(x => x.Account)
            : joined.Where(x => x.Value.Engagement != null).OrderByDescending(x => x.Value.Engagement).ThenByDescending(x => x.Value.AccountId).Select(x => x.Account);
    }

    /// <summary>The page's accounts with their stored engagement value and multiple.</summary>
    public static async Task<List<AccountSummary>> WithValuesAsync(VouchDbContext db, List<AccountSummary> page, CancellationToken ct)
    {
        var ids = page.Select(a => a.Id).ToList();
        var values = await db.Set<AccountValue>().AsNoTracking().Where(v => ids.Contains(v.AccountId))
            .ToDictionaryAsync(v => v.AccountId, v => (v.Engagement, v.Multiple), ct);
        return [.. page.Select(a => values.TryGetValue(a.Id, out var v) ? a with { EngagementValue = v.Engagement, Multiple = v.Multiple } : a)];
    }
}
