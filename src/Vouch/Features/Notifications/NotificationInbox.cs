using Microsoft.EntityFrameworkCore;
using Vouch.Data;
using Vouch.Web;

namespace Vouch.Features.Notifications;

/// <summary>
/// One user's notifications: the list, the unread count the navigation shows on every page, and marking them read.
/// Every query names the user, so nobody reads or marks someone else's notification: it is simply not found.
/// </summary>
/// <remarks>
/// Marking read is a single update statement that bypasses the audit log: what someone has read is their own
/// bookkeeping, not a change to the program. The notification itself was audited when it was written.
/// </remarks>
public sealed class NotificationInbox(VouchDbContext db, TimeProvider clock)
{
    /// <summary>How many of the user's notifications are unread: one range of the (user, read) index.</summary>
    public Task<int> UnreadCountAsync(Guid userId, CancellationToken ct) =>
        db.Notifications.CountAsync(n => n.UserId == userId && n.ReadAt == null, ct);

    /// <summary>A page of the user's notifications, newest first.</summary>
    public async Task<Paged<NotificationResponse>> PageAsync(Guid userId, PageQuery page, CancellationToken ct)
    {
        var mine = db.Notifications.AsNoTracking().Where(n => n.UserId == userId);
        var total = await mine.CountAsync(ct);
        var items = await mine.OrderByDescending(n => n.At).ThenByDescending(n => n.Id)
            .Skip(page.Skip).Take(page.Size)
            .Select(n => new NotificationResponse(n.Id, n.At, n.Text, n.Link, n.ReadAt))
            .ToListAsync(ct);
        return new Paged<NotificationResponse>(items, total, page.PageNumber, page.Size);
    }

    /// <summary>Marks one of the user's notifications read; returns how many are left unread. Someone else's is not found.</summary>
    public async Task<CommandResult<int>> MarkReadAsync(Guid userId, Guid id, CancellationToken ct)
    {
        var mine = db.Notifications.Where(n => n.Id == id && n.UserId == userId);
        var now = clock.GetUtcNow();
        // Reading it again keeps the time it was first read.
        await mine.Where(n => n.ReadAt == null).ExecuteUpdateAsync(n => n.SetProperty(x => x.ReadAt, now), ct);
        return await mine.AnyAsync(ct) ? await UnreadCountAsync(userId, ct) : Refusal.NotFound("The notification");
    }

    /// <summary>Marks every unread notification of the user read; returns how many were.</summary>
    public Task<int> MarkAllReadAsync(Guid userId, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        return db.Notifications.Where(n => n.UserId == userId && n.ReadAt == null)
            .ExecuteUpdateAsync(n => n.SetProperty(x => x.ReadAt, now), ct);
    }
}
