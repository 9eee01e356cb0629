using Microsoft.EntityFrameworkCore;
using MimeKit;
using Vouch.Data;
using Vouch.Hosting;

namespace Vouch.Features.Email;

/// <summary>
/// Sends what is due in the outbox. Several instances may run it against one database at the same time: each email is
/// claimed by one of them with a conditional update before it is sent, so it is sent once.
/// </summary>
public sealed class EmailOutbox(VouchDbContext db, JobLeases leases, EmailSettings settings, TimeProvider clock, ILogger<EmailOutbox> logger)
{
    /// <summary>How long a claim holds: far longer than one send may take (see <see cref="SmtpTransport.Timeout"/>).</summary>
    public static readonly TimeSpan ClaimDuration = TimeSpan.FromMinutes(5);

    public const int BatchSize = 50;
    public const string CleanupJob = "email-outbox-cleanup";

    /// <summary>Sends the emails that are due, one batch at a time, until none is left.</summary>
    /// <param name="instance">Names the sender in its claims; unique per running instance.</param>
    /// <param name="ct">Stops between emails.</param>
    /// <returns>How many emails were sent.</returns>
    public async Task<int> SendDueAsync(string instance, CancellationToken ct)
    {
        var sent = 0;
        while (true)
        {
            var claimed = await ClaimAsync(instance, ct);
            if (claimed.Count == 0)
            {
                return sent;
            }
            await using var transport = OpenTransport();
            foreach (var email in claimed)
            {
                sent += await SendAsync(transport, email, instance, ct) ? 1 : 0;
            }
        }
    }

    /// <summary>Deletes long-sent emails, on one instance per day.</summary>
    public async Task RemoveOldSentAsync(string instance, CancellationToken ct)
    {
        if (!await leases.TryAcquireAsync(CleanupJob, instance, TimeSpan.FromDays(1), ct))
        {
            return;
        }
        var before = clock.GetUtcNow() - settings.KeepSent;
        var removed = await db.OutboundEmails.Where(e => e.Status == OutboundEmailStatus.Sent && e.SentAt < before).ExecuteDeleteAsync(ct);
        logger.LogInformation("Removed {Count} emails sent before {Before}", removed, before);
    }

    /// <summary>
    /// Claims up to a batch of due emails. Each claim is one UPDATE whose condition (pending, unclaimed or claim lapsed)
    /// the database checks on the row it writes: PostgreSQL re-checks it after waiting for another instance's lock on
    /// the row, SQLite has one writer at a time. So of two instances only one changes the row.
    /// </summary>
    private async Task<List<OutboundEmail>> ClaimAsync(string instance, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var until = now + ClaimDuration;
        var candidates = await Due(now).OrderBy(e => e.NextAttemptAt).Select(e => e.Id).Take(BatchSize).ToListAsync(ct);
        var claimed = new List<Guid>();
        foreach (var id in candidates)
        {
            var won = await Due(now).Where(e => e.Id == id)
                .ExecuteUpdateAsync(s => s.SetProperty(e => e.ClaimedBy, instance).SetProperty(e => e.ClaimedUntil, until), ct);
            if (won == 1)
            {
                claimed.Add(id);
            }
        }
        return await db.OutboundEmails.AsNoTracking().Where(e => claimed.Contains(e.Id)).OrderBy(e => e.NextAttemptAt).ToListAsync(ct);
    }

    private IQueryable<OutboundEmail> Due(DateTimeOffset now) => db.OutboundEmails.Where(e =>
        e.Status == OutboundEmailStatus.Pending && e.NextAttemptAt <= now && (e.ClaimedUntil == null || e.ClaimedUntil < now));

    private IEmailTransport OpenTransport() =>
        settings.UsesSmtp ? new SmtpTransport(settings) : new PickupFolderTransport(settings);

    private async Task<bool> SendAsync(IEmailTransport transport, OutboundEmail email, string instance, CancellationToken ct)
    {
        var attempts = email.Attempts + 1;
        var mine = db.OutboundEmails.Where(e => e.Id == email.Id && e.ClaimedBy == instance);
        try
        {
            await transport.SendAsync(Message(email), ct);
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            var now = clock.GetUtcNow();
            var error = e.Message.Length > OutboundEmail.ErrorMaxLength ? e.Message[..OutboundEmail.ErrorMaxLength] : e.Message;
            var delay = RetrySchedule.NextDelay(attempts, settings.MaxAttempts, settings.RetryDelay, settings.MaxRetryDelay);
            if (delay is null)
            {
                logger.LogError("Gave up sending email {EmailId} to {To} after {Attempts} attempts: {Error}", email.Id, email.To, attempts, error);
            }
            else
            {
                logger.LogWarning("Sending email {EmailId} failed (attempt {Attempts}), trying again in {Delay}: {Error}", email.Id, attempts, delay, error);
            }
            await mine.ExecuteUpdateAsync(s => s
                .SetProperty(x => x.Attempts, attempts)
                .SetProperty(x => x.LastError, error)
                .SetProperty(x => x.Status, delay is null ? OutboundEmailStatus.Failed : OutboundEmailStatus.Pending)
                .SetProperty(x => x.NextAttemptAt, now + (delay ?? TimeSpan.Zero))
                .SetProperty(x => x.ClaimedBy, (string?)null)
                .SetProperty(x => x.ClaimedUntil, (DateTimeOffset?)null), CancellationToken.None);
            return false;
        }
        await mine.ExecuteUpdateAsync(s => s
            .SetProperty(x => x.Attempts, attempts)
            .SetProperty(x => x.Status, OutboundEmailStatus.Sent)
            .SetProperty(x => x.SentAt, clock.GetUtcNow())
            .SetProperty(x => x.ClaimedBy, (string?)null)
            .SetProperty(x => x.ClaimedUntil, (DateTimeOffset?)null), CancellationToken.None);
        return true;
    }

    private MimeMessage Message(OutboundEmail email)
    {
        var message = new MimeMessage
        {
            // Named after the email, so a receiver (or the pickup folder) that gets it twice can tell.
            MessageId = $"{email.Id:N}@{settings.PublicUrl!.Host}",
            Subject = email.Subject,
            Date = email.CreatedAt,
            Body = email.Calendar is null
                ? new BodyBuilder { TextBody = email.TextBody, HtmlBody = email.HtmlBody }.ToMessageBody()
                : WithCalendar(email, email.Calendar),
        };
        message.From.Add(MailboxAddress.Parse(settings.From));
        message.To.Add(MailboxAddress.Parse(email.To));
        return message;
    }

    /// <summary>
    /// The shape Outlook and Google Calendar read as an invitation: the calendar as a third alternative to the text and
    /// HTML bodies (<c>text/calendar</c> with its iTIP method), and the same calendar attached as <c>invite.ics</c> for
    /// clients that only open attachments.
    /// </summary>
    private static MimeEntity WithCalendar(OutboundEmail email, string calendar)
    {
        var text = new TextPart(MimeKit.Text.TextFormat.Plain);
        text.SetText(System.Text.Encoding.UTF8, email.TextBody);
        var html = new TextPart(MimeKit.Text.TextFormat.Html);
        html.SetText(System.Text.Encoding.UTF8, email.HtmlBody);
        var invitation = new TextPart("calendar");
        invitation.SetText(System.Text.Encoding.UTF8, calendar);
        invitation.ContentType.Parameters.Add("method", email.CalendarMethod ?? "REQUEST");
        var attachment = new MimePart("application", "ics")
        {
            Content = new MimeContent(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(calendar))),
            ContentDisposition = new ContentDisposition(ContentDisposition.Attachment),
            ContentTransferEncoding = ContentEncoding.Base64,
            FileName = Calendar.InviteFile.FileName,
        };
        return new Multipart("mixed") { new MultipartAlternative { text, html, invitation }, attachment };
    }
}
