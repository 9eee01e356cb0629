using Microsoft.EntityFrameworkCore;
using Vouch.Data;

namespace Vouch.Features.Accounts;

/// <summary>
/// Deleting an account hides it and its contacts in one save, all with the same time; undoing it brings back exactly
/// the contacts deleted with it, not those deleted on their own before.
/// </summary>
public static class AccountDeletion
{
    public static async Task<bool> DeleteAccountAsync(this VouchDbContext db, Guid id, DateTimeOffset now, CancellationToken ct)
    {
        var account = await db.Accounts.SingleOrDefaultAsync(a => a.Id == id, ct);
        if (account is null)
        {
            return false;
        }
        account.DeletedAt = now;
        await db.Contacts.Where(c => c.AccountId == id).ForEachAsync(c => c.DeletedAt = now, ct);
        await db.SaveChangesAsync(ct);
        return true;
    }

    public static async Task<bool> RestoreAccountAsync(this VouchDbContext db, Guid id, CancellationToken ct)
    {
        var account = await db.Accounts.IgnoreQueryFilters().SingleOrDefaultAsync(a => a.Id == id, ct);
        if (account is null)
        {
            return false;
        }
        if (account.DeletedAt is { } deletedAt)
        {
            await db.Contacts.IgnoreQueryFilters().Where(c => c.AccountId == id && c.DeletedAt == deletedAt)
                .ForEachAsync(c => c.DeletedAt = null, ct);
            account.DeletedAt = null;
            await db.SaveChangesAsync(ct);
        }
        return true;
    }
}
