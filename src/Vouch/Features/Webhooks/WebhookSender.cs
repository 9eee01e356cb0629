using System.Diagnostics;
using System.Linq.Expressions;
using System.Numerics;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Threading.Channels;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Vouch.Auth;
using Vouch.Data;
using Vouch.Features.Email;
using Vouch.Features.Notifications;

namespace Vouch.Features.Webhooks;

/// <summary>
/// Posts the deliveries that are due. Several instances may run it against one database: each round claims deliveries
/// with one conditional update, which the database checks row by row (PostgreSQL re-checks a row another instance locked,
/// SQLite has one writer), so a delivery is posted by one instance at a time. Up to <see cref="UnderWayAtMost"/> posts
/// are under way at once; as they finish, a round writes their outcomes and claims as many more in one transaction, so a
/// slow endpoint holds back only its own deliveries, and the database sees one write a round.
/// </summary>
public sealed class WebhookSender(
    VouchDbContext db, IHttpClientFactory http, IDataProtectionProvider protection, WebhookSettings settings, EmailSettings email, TimeProvider clock,
    ILogger<WebhookSender> logger)
{
    public const string HttpClientName = "webhooks";

    /// <summary>How many deliveries one instance has claimed and not yet written the outcome of, at most.</summary>
    public const int UnderWayAtMost = 100;

    private const int PostsAtOnce = 50;
    private const int ResponseShown = 300;

    /// <summary>
    /// The least time from one round to the next while posts are under way: the outcomes that finish meanwhile share the
    /// round's write, which on SQLite waits in line with every save the app makes.
    /// </summary>
    private static readonly TimeSpan RoundEvery = TimeSpan.FromMilliseconds(50);

    /// <summary>Far longer than a post takes, each bounded by <see cref="WebhookSettings.Timeout"/>.</summary>
    public static readonly TimeSpan ClaimDuration = TimeSpan.FromMinutes(5);

    private readonly IDataProtector _secrets = WebhookSecrets.Protector(protection);

    /// <summary>Posts what is due until nothing is and every post has been answered; how many were delivered.</summary>
    public async Task<int> SendDueAsync(string instance, CancellationToken ct)
    {
        var finished = Channel.CreateUnbounded<Posted>(new UnboundedChannelOptions { SingleReader = true });
        // Not disposed: posts may still be under way if a round fails, and only a wait handle, never asked for, would need it.
        var posts = new SemaphoreSlim(PostsAtOnce);
        var underWay = 0;
        var delivered = 0;
        while (true)
        {
            var round = Stopwatch.StartNew();
            var done = new List<Posted>();
            while (finished.Reader.TryRead(out var posted))
            {
                done.Add(posted);
            }
            underWay -= done.Count;
            delivered += done.Count(d => d.Outcome.Succeeded);
            var claimed = await RecordAndClaimAsync(instance, done, UnderWayAtMost - underWay, ct);
            foreach (var delivery in claimed)
            {
                underWay++;
                _ = PostInTurnAsync(delivery, posts, finished.Writer, ct);
            }
            if (underWay == 0)
            {
                return delivered;
            }
            await finished.Reader.WaitToReadAsync(ct);
            if (RoundEvery - round.Elapsed is { Ticks: > 0 } rest)
            {
                await Task.Delay(rest, clock, ct);
            }
        }
    }

    /// <summary>Deletes deliveries done long ago, and events no delivery needs any more.</summary>
    public async Task RemoveOldAsync(CancellationToken ct)
    {
        var before = clock.GetUtcNow() - settings.KeepDelivered;
        await db.Set<WebhookDelivery>().Where(d => d.Status == WebhookDeliveryStatus.Delivered && d.DeliveredAt < before).ExecuteDeleteAsync(ct);
        await db.Set<WebhookEvent>().Where(e => e.OccurredAt < before && !db.Set<WebhookDelivery>().Any(d => d.EventId == e.Id)).ExecuteDeleteAsync(ct);
    }

    private sealed record Claimed(Guid Id, int Attempts, Guid SubscriptionId, WebhookKind Kind, string Url, string ProtectedSecret,
        Guid EventId, string Payload, string Summary, string? Link);

    private sealed record Posted(Claimed Delivery, Outcome Outcome);

    private sealed record Outcome(bool Succeeded, int? Status, int Milliseconds, string? Error)
    {
        public string? Error { get; } = Error is { Length: > WebhookDelivery.ErrorMaxLength } ? Error[..WebhookDelivery.ErrorMaxLength] : Error;
    }

    /// <summary>
    /// Writes how the finished posts went and claims up to <paramref name="room"/> more. With outcomes to write, both are
    /// one transaction, which on SQLite takes the writer at its start (Microsoft.Data.Sqlite begins immediate), so the
    /// claim reads what every other writer has committed.
    /// </summary>
    private async Task<List<Claimed>> RecordAndClaimAsync(string instance, List<Posted> done, int room, CancellationToken ct)
    {
        if (done.Count == 0)
        {
            return await ClaimAsync(instance, room, ct);
        }
        // Written whatever the caller's token says: the posts happened, and leaving the claims would only delay a retry.
        await using var transaction = await db.Database.BeginTransactionAsync(CancellationToken.None);
        await WriteOutcomesAsync(done, clock.GetUtcNow());
        await CountFailuresAsync(done);
        // In the same transaction: whoever sees a delivery failed sees its subscription turned off and the admins told.
        foreach (var failing in done.GroupBy(d => d.Delivery.SubscriptionId).Where(s => !s.Last().Outcome.Succeeded))
        {
            await DisableIfFailingAsync(failing.Key, failing.Last().Outcome.Error);
        }
        var claimed = ct.IsCancellationRequested ? [] : await ClaimAsync(instance, room, CancellationToken.None);
        await transaction.CommitAsync(CancellationToken.None);
        return claimed;
    }

    private async Task<List<Claimed>> ClaimAsync(string instance, int room, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var claim = $"{instance}:{Guid.NewGuid():N}";
        var due = await Due(now).OrderBy(d => d.NextAttemptAt).Select(d => d.Id).Take(room).ToListAsync(ct);
        if (due.Count == 0)
        {
            // A round with nothing due writes nothing: on SQLite every write waits for the one writer.
            return [];
        }
        var won = await Due(now).Where(d => due.Contains(d.Id))
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.ClaimedBy, claim).SetProperty(d => d.ClaimedUntil, now + ClaimDuration), ct);
        if (won == 0)
        {
            return [];
        }
        return await (
            from d in db.Set<WebhookDelivery>().AsNoTracking()
            join s in db.Set<WebhookSubscription>() on d.SubscriptionId equals s.Id
            where d.ClaimedBy == claim
            orderby d.NextAttemptAt
            select new Claimed(d.Id, d.Attempts, s.Id, s.Kind, s.Url, s.ProtectedSecret, d.EventId, d.Event!.Payload, d.Event.Summary, d.Event.Link))
            .ToListAsync(ct);
    }

    private IQueryable<WebhookDelivery> Due(DateTimeOffset now) => db.Set<WebhookDelivery>().Where(d =>
        d.Status == WebhookDeliveryStatus.Pending && d.NextAttemptAt <= now && (d.ClaimedUntil == null || d.ClaimedUntil < now)
        && db.Set<WebhookSubscription>().Any(s => s.Id == d.SubscriptionId && s.IsEnabled));

    /// <summary>
    /// Posts one delivery when one of the <see cref="PostsAtOnce"/> places is free and hands its outcome to the round. A
    /// post stopped by the app's shutdown hands nothing: its claim runs out and another round posts it again.
    /// </summary>
    private async Task PostInTurnAsync(Claimed delivery, SemaphoreSlim posts, ChannelWriter<Posted> finished, CancellationToken ct)
    {
        try
        {
            await posts.WaitAsync(ct);
            try
            {
                finished.TryWrite(new Posted(delivery, await PostAsync(delivery, ct)));
            }
            finally
            {
                posts.Release();
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
    }

    private async Task<Outcome> PostAsync(Claimed delivery, CancellationToken ct)
    {
        var watch = Stopwatch.StartNew();
        try
        {
            using var request = Request(delivery);
            using var response = await http.CreateClient(HttpClientName).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
            var status = (int)response.StatusCode;
            if (response.IsSuccessStatusCode)
            {
                return new Outcome(true, status, (int)watch.ElapsedMilliseconds, null);
            }
            var error = status is >= 300 and < 400
                ? $"The endpoint redirected to {response.Headers.Location}; deliveries do not follow redirects: subscribe the final address."
                : $"The endpoint answered {status} {response.ReasonPhrase}: {await ShortBodyAsync(response, ct)}";
            return new Outcome(false, status, (int)watch.ElapsedMilliseconds, error);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or TimeoutException or CryptographicException
            or Polly.CircuitBreaker.BrokenCircuitException or Polly.Timeout.TimeoutRejectedException && !ct.IsCancellationRequested)
        {
            var error = e switch
            {
                CryptographicException => "The subscription's secret can no longer be read: the data-protection keys it was kept with are gone. Delete it and subscribe again.",
                Polly.Timeout.TimeoutRejectedException or TaskCanceledException or TimeoutException => $"The endpoint did not answer within {settings.Timeout.TotalSeconds:0} s.",
                Polly.CircuitBreaker.BrokenCircuitException => "Posts to this host are paused after repeated failures; they resume shortly.",
                _ => $"The endpoint could not be reached: {e.Message}",
            };
            return new Outcome(false, null, (int)watch.ElapsedMilliseconds, error);
        }
    }

    private HttpRequestMessage Request(Claimed delivery)
    {
        var secret = _secrets.Unprotect(delivery.ProtectedSecret);
        if (delivery.Kind != WebhookKind.Signed)
        {
            // A channel's secret is its incoming webhook's address; the message is the event in a sentence.
            return new HttpRequestMessage(HttpMethod.Post, secret)
            {
                Content = new StringContent(ChannelMessage.For(delivery.Kind, delivery.Summary, Absolute(delivery.Link)), Encoding.UTF8, "application/json"),
            };
        }
        var timestamp = clock.GetUtcNow().ToUnixTimeSeconds();
        var id = delivery.EventId.ToString();
        var request = new HttpRequestMessage(HttpMethod.Post, delivery.Url)
        {
            Content = new StringContent(delivery.Payload, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add(WebhookSignature.IdHeader, id);
        request.Headers.Add(WebhookSignature.TimestampHeader, timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture));
        request.Headers.Add(WebhookSignature.SignatureHeader, WebhookSignature.Sign(secret, id, timestamp, delivery.Payload));
        request.Headers.UserAgent.Add(new ProductInfoHeaderValue("Vouch-Webhooks", "1"));
        return request;
    }

    private string? Absolute(string? link) => link is null || email.PublicUrl is null ? null : new Uri(email.PublicUrl, link).ToString();

    private static async Task<string> ShortBodyAsync(HttpResponseMessage response, CancellationToken ct)
    {
        var body = await response.Content.ReadAsStringAsync(ct);
        return body.Length > ResponseShown ? body[..ResponseShown] + "…" : body;
    }

    /// <summary>
    /// The outcomes of a round in as few updates as they allow: one for all delivered with the same answer, one for all
    /// that failed alike at the same attempt (so they wait alike). How long each post took is set row by row in them.
    /// </summary>
    private async Task WriteOutcomesAsync(IReadOnlyList<Posted> done, DateTimeOffset now)
    {
        var written = done.Select(d => (d.Delivery.Id, Attempts: d.Delivery.Attempts + 1, d.Outcome)).ToList();
        foreach (var alike in written.Where(d => d.Outcome.Succeeded).GroupBy(d => d.Outcome.Status))
        {
            var (ids, took) = Rows(alike);
            await db.Set<WebhookDelivery>().Where(d => ids.Contains(d.Id)).ExecuteUpdateAsync(s => s
                .SetProperty(d => d.Status, WebhookDeliveryStatus.Delivered).SetProperty(d => d.Attempts, d => d.Attempts + 1)
                .SetProperty(d => d.LastAttemptAt, now).SetProperty(d => d.DeliveredAt, now)
                .SetProperty(d => d.ResponseStatus, alike.Key).SetProperty(d => d.DurationMs, took)
                .SetProperty(d => d.LastError, (string?)null)
                .SetProperty(d => d.ClaimedBy, (string?)null).SetProperty(d => d.ClaimedUntil, (DateTimeOffset?)null), CancellationToken.None);
        }
        foreach (var alike in written.Where(d => !d.Outcome.Succeeded).GroupBy(d => (d.Attempts, d.Outcome.Status, d.Outcome.Error)))
        {
            var (ids, took) = Rows(alike);
            var (attempts, status, error) = alike.Key;
            var delay = RetrySchedule.NextDelay(attempts, settings.MaxAttempts, settings.RetryDelay, settings.MaxRetryDelay);
            foreach (var failed in alike)
            {
                logger.LogWarning("Webhook delivery {DeliveryId} failed (attempt {Attempts}){Next}: {Error}",
                    failed.Id, attempts, delay is null ? ", given up" : $", next in {delay}", error);
            }
            await db.Set<WebhookDelivery>().Where(d => ids.Contains(d.Id)).ExecuteUpdateAsync(s => s
                .SetProperty(d => d.Status, delay is null ? WebhookDeliveryStatus.Failed : WebhookDeliveryStatus.Pending)
                .SetProperty(d => d.Attempts, attempts).SetProperty(d => d.LastAttemptAt, now)
                .SetProperty(d => d.NextAttemptAt, now + (delay ?? TimeSpan.Zero))
                .SetProperty(d => d.ResponseStatus, status).SetProperty(d => d.DurationMs, took)
                .SetProperty(d => d.LastError, error)
                .SetProperty(d => d.ClaimedBy, (string?)null).SetProperty(d => d.ClaimedUntil, (DateTimeOffset?)null), CancellationToken.None);
        }
    }

    /// <summary>
    /// The ids of some deliveries, and how long each one's post took as one expression for the update of them all:
    /// <c>CASE WHEN Id = @id0 THEN @ms0 WHEN …</c>, every value a parameter. A round's groups come in every size, so the
    /// expression is padded to the next power of two with rows no delivery has: EF Core compiles a few shapes, not one a size.
    /// </summary>
    private static (List<Guid> Ids, Expression<Func<WebhookDelivery, int?>> Took) Rows(IEnumerable<(Guid Id, int Attempts, Outcome Outcome)> rows)
    {
        var list = rows.ToList();
        var ids = list.ConvertAll(r => r.Id);
        while (!BitOperations.IsPow2(list.Count))
        {
            list.Add((Guid.Empty, 0, new Outcome(true, null, 0, null)));
        }
        var delivery = Expression.Parameter(typeof(WebhookDelivery), "d");
        var id = Expression.Property(delivery, nameof(WebhookDelivery.Id));
        Expression took = Expression.Constant(null, typeof(int?));
        for (var i = list.Count - 1; i >= 0; i--)
        {
            var row = new Took(list[i].Id, list[i].Outcome.Milliseconds);
            // A member of a captured object, not a constant: EF Core sends it as a parameter.
            Expression<Func<Guid>> rowId = () => row.Id;
            Expression<Func<int?>> rowMs = () => row.Milliseconds;
            took = Expression.Condition(Expression.Equal(id, rowId.Body), rowMs.Body, took);
        }
        return (ids, Expression.Lambda<Func<WebhookDelivery, int?>>(took, delivery));
    }

    private sealed record Took(Guid Id, int? Milliseconds);

    /// <summary>
    /// Brings each subscription's count of failures in a row up to date with a round's outcomes, in the order the posts
    /// finished: a success resets it, each failure after the last success adds one. Subscriptions that end the round
    /// alike share one update.
    /// </summary>
    private async Task CountFailuresAsync(IReadOnlyList<Posted> done)
    {
        var counts = done.GroupBy(d => d.Delivery.SubscriptionId).Select(subscription =>
        {
            var inOrder = subscription.Select(d => d.Outcome).ToList();
            var afterLastSuccess = inOrder.Count - 1 - inOrder.FindLastIndex(o => o.Succeeded);
            return (Id: subscription.Key, Reset: afterLastSuccess < inOrder.Count, AfterLastSuccess: afterLastSuccess);
        });
        foreach (var alike in counts.GroupBy(c => (c.Reset, c.AfterLastSuccess)))
        {
            var ids = alike.Select(c => c.Id).ToList();
            var (reset, afterLastSuccess) = alike.Key;
            var subscriptions = db.Set<WebhookSubscription>().Where(s => ids.Contains(s.Id));
            if (reset)
            {
                await subscriptions.Where(s => s.ConsecutiveFailures != afterLastSuccess)
                    .ExecuteUpdateAsync(s => s.SetProperty(x => x.ConsecutiveFailures, afterLastSuccess), CancellationToken.None);
            }
            else
            {
                await subscriptions.ExecuteUpdateAsync(s => s.SetProperty(x => x.ConsecutiveFailures, x => x.ConsecutiveFailures + afterLastSuccess), CancellationToken.None);
            }
        }
    }

    /// <summary>What a subscription turned off after <paramref name="failures"/> failed attempts in a row says about it.</summary>
    public static string TurnedOffReason(int failures, string? lastError)
    {
        var reason = $"Turned off after {failures} failed attempts in a row. The last: {lastError}";
        return reason.Length > WebhookSubscription.ReasonMaxLength ? reason[..WebhookSubscription.ReasonMaxLength] : reason;
    }

    /// <summary>
    /// Turns off a subscription that failed <see cref="WebhookSettings.DisableAfterFailures"/> times in a row, and tells
    /// every admin: an endpoint that is gone should not be knocked on for ever, nor silently dropped.
    /// </summary>
    private async Task DisableIfFailingAsync(Guid subscriptionId, string? lastError)
    {
        var reason = TurnedOffReason(settings.DisableAfterFailures, lastError);
        var turnedOff = await db.Set<WebhookSubscription>()
            .Where(s => s.Id == subscriptionId && s.IsEnabled && s.ConsecutiveFailures >= settings.DisableAfterFailures)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.IsEnabled, false).SetProperty(x => x.DisabledReason, reason), CancellationToken.None);
        if (turnedOff == 0)
        {
            return;
        }
        var name = await db.Set<WebhookSubscription>().Where(s => s.Id == subscriptionId).Select(s => s.Name).SingleAsync(CancellationToken.None);
        logger.LogError("Webhook subscription {Name} ({SubscriptionId}) was turned off: {Reason}", name, subscriptionId, reason);
        var admins = await db.Users.Where(u => !u.IsDisabled && db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == Roles.Admin)))
            .Select(u => u.Id).ToListAsync(CancellationToken.None);
        var now = clock.GetUtcNow();
        db.AddRange(admins.Select(admin => new Notification
        {
            UserId = admin,
            At = now,
            Text = $"The webhook \"{name}\" was turned off after failing {settings.DisableAfterFailures} times in a row. Fix the endpoint, then turn it on again.",
            Link = $"/webhooks/{subscriptionId}",
        }));
        await db.SaveChangesAsync(CancellationToken.None);
    }
}
