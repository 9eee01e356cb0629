using Microsoft.EntityFrameworkCore;
using Vouch.Data;
using Vouch.Features.Accounts;
using Vouch.Web;

namespace Vouch.Features.Value;

/// <summary>
/// Customers sorted by value: their stored values (<see cref="AccountValue"/>) read in the order of the index kept for
/// each sort, a page at a time, and only then the accounts of that page. Led by the accounts instead, a database joins
/// every customer's value before it can sort them.
/// </summary>
public static class AccountValueOrder
{
    /// <summary>
    /// Customers, compared with a parameter: SQLite seeks the <c>IsCustomer</c> column of an index for
    /// <c>"IsCustomer" = @p</c>, but a bare boolean column makes it scan the index and sort every customer for one page.
    /// </summary>
    public static IQueryable<AccountValue> Customers(this IQueryable<AccountValue> values)
    {
        var customer = true;
        return values.Where(v => v.IsCustomer == customer);
    }

    /// <summary>
    /// The values that have <paramref name="sort"/>'s figure (without gross profit there is none to rank by), highest
    /// first, in the order of that figure's index.
    /// </summary>
    public static IOrderedQueryable<AccountValue> Ranked(this IQueryable<AccountValue> values, ValueSort sort) => sort == ValueSort.Multiple
        ? values.Where(v => v.Multiple != null).OrderByDescending(v => v.Multiple).ThenByDescending(v => v.AccountId)
        : values.Where(v => v.Engagement != null).OrderByDescending(v => v.Engagement).ThenByDescending(v => v.AccountId);

    /// <summary>
    /// A page of customers by <paramref name="sort"/>, among <paramref name="accounts"/> when given, else among every
    /// account; only <paramref name="owner"/>'s when given. Without account filters the total counts the stored values
    /// alone, which say whether an account is a customer and not deleted.
    /// </summary>
    public static async Task<Paged<AccountSummary>> SearchAsync(
        VouchDbContext db, PageQuery page, IQueryable<Account>? accounts, ValueSort sort, Guid? owner, CancellationToken ct)
    {
        var values = db.Set<AccountValue>().AsNoTracking().Customers();
        if (owner is { } me)
        {
            values = values.Where(v => v.OwnerId == me);
        }
        if (accounts is not null)
        {
            values = values.Where(v => accounts.Any(a => a.Id == v.AccountId));
        }
        var ranked = values.Ranked(sort);
        var total = await ranked.CountAsync(ct);
        var rows = await ranked.Skip(page.Skip).Take(page.Size).Select(v => new { v.AccountId, v.Engagement, v.Multiple }).ToListAsync(ct);
        var ids = rows.Select(r => r.AccountId).ToList();
        var summaries = await db.Accounts.AsNoTracking().Where(a => ids.Contains(a.Id)).Select(AccountQueries.Summary).ToDictionaryAsync(a => a.Id, ct);
        List<AccountSummary> items = [.. rows.Where(r => summaries.ContainsKey(r.AccountId))
            .Select(r => summaries[r.AccountId] with { EngagementValue = r.Engagement, Multiple = r.Multiple })];
        return new Paged<AccountSummary>(items, total, page.PageNumber, page.Size);
    }
}
