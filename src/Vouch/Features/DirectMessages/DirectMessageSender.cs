using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Polly.CircuitBreaker;
using Polly.Timeout;
using Vouch.Data;
using Vouch.Features.Email;
using Vouch.Features.Webhooks;

namespace Vouch.Features.DirectMessages;

/// <summary>
/// Posts the direct messages that are due: a Slack message by the app's bot, or an Adaptive Card to the user's Teams
/// workflow. Several instances may run it against one database: each round claims a batch with one conditional update,
/// which the database checks row by row, so a message is posted by one instance at a time. A failed post waits as
/// <see cref="RetrySchedule"/> says, or as long as Slack asked, and is given up after
/// <see cref="WebhookSettings.MaxAttempts"/>.
/// </summary>
public sealed class DirectMessageSender(
    VouchDbContext db, SlackApi slack, IHttpClientFactory http, IDataProtectionProvider protection, WebhookSettings settings, EmailSettings email,
    TimeProvider clock, ILogger<DirectMessageSender> logger)
{
    public const string TeamsClientName = "teams-direct-messages";
    public const int BatchSize = 50;
    private const int PostsAtOnce = 10;

    /// <summary>Far longer than a batch's posts take, each bounded by its timeout.</summary>
    public static readonly TimeSpan ClaimDuration = TimeSpan.FromMinutes(5);

    private readonly IDataProtector _addresses = DirectMessageSecrets.Protector(protection);

    private sealed record Claimed(Guid Id, int Attempts, DirectMessageKind Kind, string Text, string? Link, string? SlackMemberId, string? ProtectedTeamsAddress);

    /// <summary>How a post went; <c>GiveUp</c> when trying again cannot help (the link is gone).</summary>
    private sealed record Outcome(bool Sent, string? Error = null, TimeSpan? RetryAfter = null, bool GiveUp = false);

    /// <summary>Posts what is due, a batch at a time, until nothing is; how many were sent.</summary>
    public async Task<int> SendDueAsync(string instance, CancellationToken ct)
    {
        var sent = 0;
        while (await ClaimAsync(instance, ct) is { Count: > 0 } batch)
        {
            var outcomes = new Outcome[batch.Count];
            await Parallel.ForEachAsync(Enumerable.Range(0, batch.Count), new ParallelOptions { MaxDegreeOfParallelism = PostsAtOnce, CancellationToken = ct },
                async (i, token) => outcomes[i] = await PostAsync(batch[i], token));
            for (var i = 0; i < batch.Count; i++)
            {
                await RecordAsync(batch[i], outcomes[i]);
            }
            sent += outcomes.Count(o => o.Sent);
        }
        return sent;
    }

    private async Task<List<Claimed>> ClaimAsync(string instance, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var claim = $"{instance}:{Guid.NewGuid():N}";
        var due = await Due(now).OrderBy(m => m.NextAttemptAt).Select(m => m.Id).Take(BatchSize).ToListAsync(ct);
        // A round with nothing due writes nothing: on SQLite every write waits for the one writer.
        if (due.Count == 0 || await Due(now).Where(m => due.Contains(m.Id))
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.ClaimedBy, claim).SetProperty(m => m.ClaimedUntil, now + ClaimDuration), ct) == 0)
        {
            return [];
        }
        return await (
            from m in db.Set<DirectMessage>().AsNoTracking()
            where m.ClaimedBy == claim
            from l in db.Set<DirectMessageLink>().Where(l => l.UserId == m.UserId).DefaultIfEmpty()
            orderby m.NextAttemptAt
            select new Claimed(m.Id, m.Attempts, m.Kind, m.Text, m.Link, l == null ? null : l.SlackMemberId, l == null ? null : l.ProtectedTeamsAddress))
            .ToListAsync(ct);
    }

    private IQueryable<DirectMessage> Due(DateTimeOffset now) => db.Set<DirectMessage>().Where(m =>
        m.Status == DirectMessageStatus.Pending && m.NextAttemptAt <= now && (m.ClaimedUntil == null || m.ClaimedUntil < now));

    private async Task<Outcome> PostAsync(Claimed message, CancellationToken ct)
    {
        var link = email.PublicUrl is { } root && message.Link is not null ? new Uri(root, message.Link).ToString() : null;
        if (message.Kind == DirectMessageKind.Slack)
        {
            if (message.SlackMemberId is null)
            {
                return new Outcome(false, "Not sent: Slack was unlinked before the message went out.", GiveUp: true);
            }
            var answer = await slack.PostMessageAsync(message.SlackMemberId, ChannelMessage.SlackText(message.Text, link), ct);
            return answer.Ok ? new Outcome(true) : new Outcome(false, slack.Describe(answer.Error!), answer.RetryAfter);
        }
        if (message.ProtectedTeamsAddress is null)
        {
            return new Outcome(false, "Not sent: Teams was unlinked before the message went out.", GiveUp: true);
        }
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, _addresses.Unprotect(message.ProtectedTeamsAddress))
            {
                Content = new StringContent(ChannelMessage.For(WebhookKind.Teams, message.Text, link), Encoding.UTF8, "application/json"),
            };
            using var response = await http.CreateClient(TeamsClientName).SendAsync(request, ct);
            return response.IsSuccessStatusCode
                ? new Outcome(true)
                : new Outcome(false, $"The Teams workflow answered {(int)response.StatusCode} {response.ReasonPhrase}.", response.Headers.RetryAfter?.Delta);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or TimeoutRejectedException or BrokenCircuitException
            or CryptographicException && !ct.IsCancellationRequested)
        {
            return new Outcome(false, e switch
            {
                CryptographicException => "The Teams address can no longer be read: the data-protection keys it was kept with are gone. Link Teams again.",
                TimeoutRejectedException or TaskCanceledException => $"The Teams workflow did not answer within {settings.Timeout.TotalSeconds:0} s.",
                BrokenCircuitException => "Posts to this Teams host are paused after repeated failures; they resume shortly.",
                _ => $"The Teams workflow could not be reached: {e.Message}",
            }, GiveUp: e is CryptographicException);
        }
    }

    /// <summary>
    /// Writes how a message went: sent, to be tried again after a wait, or given up. Written whatever the caller's
    /// token says: the post happened, and leaving the claim would only delay a retry.
    /// </summary>
    private async Task RecordAsync(Claimed message, Outcome outcome)
    {
        var now = clock.GetUtcNow();
        var attempts = message.Attempts + 1;
        var row = db.Set<DirectMessage>().Where(m => m.Id == message.Id);
        if (outcome.Sent)
        {
            await row.ExecuteUpdateAsync(s => s
                .SetProperty(m => m.Status, DirectMessageStatus.Sent).SetProperty(m => m.Attempts, attempts)
                .SetProperty(m => m.LastAttemptAt, now).SetProperty(m => m.SentAt, now).SetProperty(m => m.LastError, (string?)null)
                .SetProperty(m => m.ClaimedBy, (string?)null).SetProperty(m => m.ClaimedUntil, (DateTimeOffset?)null), CancellationToken.None);
            return;
        }
        var backoff = outcome.GiveUp ? null : RetrySchedule.NextDelay(attempts, settings.MaxAttempts, settings.RetryDelay, settings.MaxRetryDelay);
        // Slack's Retry-After is how long it will refuse: waiting less only spends an attempt.
        var delay = backoff is { } wait && outcome.RetryAfter is { } asked && asked > wait ? asked : backoff;
        var error = outcome.Error is { Length: > DirectMessage.ErrorMaxLength } text ? text[..DirectMessage.ErrorMaxLength] : outcome.Error;
        logger.LogWarning("Direct message {MessageId} by {Kind} failed (attempt {Attempts}){Next}: {Error}",
            message.Id, message.Kind, attempts, delay is null ? ", given up" : $", next in {delay}", error);
        await row.ExecuteUpdateAsync(s => s
            .SetProperty(m => m.Status, delay is null ? DirectMessageStatus.Failed : DirectMessageStatus.Pending)
            .SetProperty(m => m.Attempts, attempts).SetProperty(m => m.LastAttemptAt, now)
            .SetProperty(m => m.NextAttemptAt, now + (delay ?? TimeSpan.Zero)).SetProperty(m => m.LastError, error)
            .SetProperty(m => m.ClaimedBy, (string?)null).SetProperty(m => m.ClaimedUntil, (DateTimeOffset?)null), CancellationToken.None);
    }
}
