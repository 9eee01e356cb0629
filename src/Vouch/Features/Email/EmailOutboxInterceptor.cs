using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Localization;
using Vouch.Features.Notifications;
using Vouch.Features.Users;
using Vouch.Resources;
using Vouch.Web;

namespace Vouch.Features.Email;

/// <summary>
/// Queues an <see cref="OutboundEmail"/> for every <see cref="Notification"/> added, in the same SaveChanges: the email
/// is committed with the notification or not at all, and whatever creates notifications gets email without knowing of
/// it. Users who turned email off, disabled users and users without an address get none; without configured email
/// nothing is queued. Each email is written in its recipient's language.
/// </summary>
public sealed class EmailOutboxInterceptor(EmailSettings settings, IStringLocalizer<Strings> text, TimeProvider clock) : SaveChangesInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (NewNotifications(eventData.Context) is { Count: > 0 } notifications)
        {
            var ids = notifications.Select(n => n.UserId).Distinct().ToList();
            Queue(eventData.Context!, notifications, Recipients(eventData.Context!, ids).ToList());
        }
        return result;
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (NewNotifications(eventData.Context) is { Count: > 0 } notifications)
        {
            var ids = notifications.Select(n => n.UserId).Distinct().ToList();
            Queue(eventData.Context!, notifications, await Recipients(eventData.Context!, ids).ToListAsync(cancellationToken));
        }
        return result;
    }

    /// <summary>Notifications being added that have no email queued yet (a retried SaveChanges must not queue twice).</summary>
    private List<Notification> NewNotifications(DbContext? context)
    {
        if (context is null || !settings.IsConfigured)
        {
            return [];
        }
        var queued = context.ChangeTracker.Entries<OutboundEmail>().Select(e => e.Entity.NotificationId).ToHashSet();
        return [.. context.ChangeTracker.Entries<Notification>()
            .Where(e => e.State == EntityState.Added && !queued.Contains(e.Entity.Id))
            .Select(e => e.Entity)];
    }

    private static IQueryable<Recipient> Recipients(DbContext context, List<Guid> userIds) =>
        context.Set<User>().AsNoTracking()
            .Where(u => userIds.Contains(u.Id) && u.EmailNotifications && !u.IsDisabled && u.Email != null && u.Email != "")
            .Select(u => new Recipient(u.Id, u.Email!, u.Language));

    private void Queue(DbContext context, List<Notification> notifications, List<Recipient> recipients)
    {
        var byId = recipients.ToDictionary(r => r.Id);
        var now = clock.GetUtcNow();
        foreach (var notification in notifications)
        {
            if (!byId.TryGetValue(notification.UserId, out var recipient))
            {
                continue;
            }
            var email = Languages.WriteIn(recipient.Language, () => NotificationEmail.For(notification.Text, notification.Link, settings.PublicUrl!, text));
            context.Add(new OutboundEmail
            {
                NotificationId = notification.Id,
                UserId = recipient.Id,
                To = recipient.Email,
                Subject = email.Subject,
                TextBody = email.TextBody,
                HtmlBody = email.HtmlBody,
                CreatedAt = now,
                Status = OutboundEmailStatus.Pending,
                NextAttemptAt = now,
            });
        }
    }

    private sealed record Recipient(Guid Id, string Email, string? Language);
}
