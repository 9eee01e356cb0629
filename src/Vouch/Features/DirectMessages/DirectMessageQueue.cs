using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Vouch.Features.Notifications;
using Vouch.Features.Users;
using Vouch.Hosting;

namespace Vouch.Features.DirectMessages;

/// <summary>The one purpose Teams workflow addresses are encrypted under, with the keys every instance shares.</summary>
public static class DirectMessageSecrets
{
    public static IDataProtector Protector(IDataProtectionProvider protection) => protection.CreateProtector("Vouch.DirectMessages.TeamsAddress");
}

/// <summary>Wakes this instance's sender when a save here queues direct messages.</summary>
public sealed class DirectMessageSignal : JobSignal;

/// <summary>
/// Queues a <see cref="DirectMessage"/> for every <see cref="Notification"/> added for a user with a linked Slack or
/// Teams identity, in the same save: the message is committed with the notification or not at all, and whatever tells
/// a user of a waiting item needs no code of its own to reach their chat. A save without notifications costs a look at
/// its tracked entries and no query. Slack messages are queued only while a bot token is configured.
/// </summary>
public sealed class DirectMessageQueue(SlackSettings slack, DirectMessageSignal signal, TimeProvider clock) : OutboxInterceptor(signal)
{
    protected override async Task<bool> AddWorkAsync(DbContext context, CancellationToken ct)
    {
        if (NewNotifications(context) is not { Count: > 0 } notifications)
        {
            return false;
        }
        var ids = notifications.Select(n => n.UserId).Distinct().ToList();
        var links = await context.Set<DirectMessageLink>().AsNoTracking()
            .Where(l => ids.Contains(l.UserId) && context.Set<User>().Any(u => u.Id == l.UserId && !u.IsDisabled))
            .ToDictionaryAsync(l => l.UserId, ct);
        return Queue(context, notifications, links) > 0;
    }

    /// <summary>Notifications being added that have no message queued yet (a retried save must not queue twice).</summary>
    private static List<Notification> NewNotifications(DbContext context)
    {
        var queued = context.ChangeTracker.Entries<DirectMessage>().Select(e => e.Entity.NotificationId).ToHashSet();
        return [.. context.ChangeTracker.Entries<Notification>()
            .Where(e => e.State == EntityState.Added && !queued.Contains(e.Entity.Id))
            .Select(e => e.Entity)];
    }

    /// <summary>Adds a message for each notification wherever its user is linked; how many.</summary>
    private int Queue(DbContext context, List<Notification> notifications, Dictionary<Guid, DirectMessageLink> links)
    {
        var now = clock.GetUtcNow();
        var queued = 0;
        foreach (var notification in notifications)
        {
            if (!links.TryGetValue(notification.UserId, out var link))
            {
                continue;
            }
            foreach (var kind in Kinds(link, slack))
            {
                var message = DirectMessage.Queued(notification.UserId, kind, notification.Text, notification.Link, now);
                message.NotificationId = notification.Id;
                context.Add(message);
                queued++;
            }
        }
        return queued;
    }

    /// <summary>Where a user with <paramref name="link"/> gets messages now: Slack only while a bot token is configured.</summary>
    public static IEnumerable<DirectMessageKind> Kinds(DirectMessageLink link, SlackSettings slack)
    {
        if (link.SlackMemberId is not null && slack.IsConfigured)
        {
            yield return DirectMessageKind.Slack;
        }
        if (link.ProtectedTeamsAddress is not null)
        {
            yield return DirectMessageKind.Teams;
        }
    }
}
