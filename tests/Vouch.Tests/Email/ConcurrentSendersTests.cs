using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Vouch.Auth;
using Vouch.Data;
using Vouch.Features.Email;
using Vouch.Features.Notifications;
using Vouch.Tests.Infrastructure;

namespace Vouch.Tests.Email;

/// <summary>Several instances share one database: two senders working the same outbox at once send each email once.</summary>
public sealed class ConcurrentSendersTests(EmailApp.ManualSending app) : IClassFixture<EmailApp.ManualSending>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Long_sent_emails_are_removed_by_one_instance_a_day()
    {
        var user = await app.AddUserAsync(Roles.Seller);
        var now = DateTimeOffset.UtcNow;
        Guid[] ids = [await AddSentAsync(user.Id, now.AddDays(-31)), await AddSentAsync(user.Id, now.AddDays(-29))];
        // The app's own sender took the cleanup's lease on its first round at start; here it has lapsed.
        await Eventually.HoldsAsync(() => app.WithScopeAsync(services => services.GetRequiredService<VouchDbContext>().JobLeases
            .AnyAsync(l => l.Name == EmailOutbox.CleanupJob, Ct)), "the app's sender has taken the cleanup's lease");
        await app.WithScopeAsync(services => services.GetRequiredService<VouchDbContext>().JobLeases
            .Where(l => l.Name == EmailOutbox.CleanupJob).ExecuteUpdateAsync(s => s.SetProperty(l => l.Until, now.AddDays(-1)), Ct));

        await app.WithScopeAsync(services => services.GetRequiredService<EmailOutbox>().RemoveOldSentAsync("instance-a", Ct));
        var later = await AddSentAsync(user.Id, now.AddDays(-40));
        await app.WithScopeAsync(services => services.GetRequiredService<EmailOutbox>().RemoveOldSentAsync("instance-b", Ct));

        var left = await app.WithScopeAsync(services => services.GetRequiredService<VouchDbContext>().OutboundEmails
            .Where(e => e.UserId == user.Id).Select(e => e.Id).ToListAsync(Ct));
        Assert.Equal(new[] { ids[1], later }.Order(), left.Order());
    }

    private Task<Guid> AddSentAsync(Guid userId, DateTimeOffset sentAt) => app.WithScopeAsync(async services =>
    {
        var db = services.GetRequiredService<VouchDbContext>();
        var email = new OutboundEmail
        {
            UserId = userId, To = "old@example.com", Subject = "Old", TextBody = "Old", HtmlBody = "<p>Old</p>",
            CreatedAt = sentAt, Status = OutboundEmailStatus.Sent, Attempts = 1, NextAttemptAt = sentAt, SentAt = sentAt,
        };
        db.OutboundEmails.Add(email);
        await db.SaveChangesAsync(Ct);
        return email.Id;
    });

    [Fact]
    public async Task Two_senders_at_once_send_every_email_exactly_once()
    {
        const int Count = 60;
        var users = new List<Features.Users.UserResponse>();
        for (var i = 0; i < 3; i++)
        {
            users.Add(await app.AddUserAsync(Roles.Seller));
        }
        await app.WithScopeAsync(async services =>
        {
            var db = services.GetRequiredService<VouchDbContext>();
            db.Notifications.AddRange(Enumerable.Range(0, Count).Select(i =>
                new Notification { UserId = users[i % users.Count].Id, At = DateTimeOffset.UtcNow, Text = $"Notice {i}", Link = $"/ideas/{i}" }));
            await db.SaveChangesAsync(Ct);
        });

        using var start = new Barrier(2);
        var senders = new[] { "instance-a", "instance-b" }.Select(instance => Task.Run(async () =>
        {
            await using var scope = app.Services.CreateAsyncScope();
            var outbox = scope.ServiceProvider.GetRequiredService<EmailOutbox>();
            start.SignalAndWait(Ct);
            return await outbox.SendDueAsync(instance, Ct);
        }, Ct)).ToList();
        var sentBy = await Task.WhenAll(senders);

        Assert.Equal(Count, sentBy.Sum());
        var received = users.SelectMany(u => app.Smtp.MessagesTo(u.Email)).ToList();
        Assert.Equal(Count, received.Count);
        Assert.Equal(
            Enumerable.Range(0, Count).Select(i => $"Vouch: Notice {i}").Order(StringComparer.Ordinal),
            received.Select(m => m.Subject).Order(StringComparer.Ordinal));
        var emails = await app.WithScopeAsync(services => services.GetRequiredService<VouchDbContext>().OutboundEmails.AsNoTracking()
            .Where(e => users.Select(u => (Guid?)u.Id).Contains(e.UserId)).ToListAsync(Ct));
        Assert.All(emails, e => Assert.Equal((OutboundEmailStatus.Sent, 1, (string?)null), (e.Status, e.Attempts, e.ClaimedBy)));
    }
}
