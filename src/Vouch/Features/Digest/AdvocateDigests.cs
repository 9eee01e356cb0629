using System.Globalization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Vouch.Auth;
using Vouch.Data;
using Vouch.Features.Email;
using Vouch.Features.Engagements;
using Vouch.Features.Ideas;
using Vouch.Features.Offers;
using Vouch.Hosting;
using Vouch.Resources;
using Vouch.Web;

namespace Vouch.Features.Digest;

/// <summary>The digest's settings.</summary>
public sealed class DigestOptions
{
    /// <summary>Whether digests go out at all; on in the shipped settings.</summary>
    public bool Enabled { get; set; }

    /// <summary>How often an instance looks for advocates whose digest of this month is not yet sent.</summary>
    public TimeSpan CheckEvery { get; set; } = TimeSpan.FromHours(1);
}

/// <summary>
/// The monthly email to each advocate who has not opted out: offers that fit them, thanks for what they did and what
/// it helped achieve, and the program's news. Queued in the email outbox, in the advocate's language; one click unsubscribes.
/// </summary>
public sealed class AdvocateDigests(
    VouchDbContext db, OfferQueries offers, EmailSettings email, IDataProtectionProvider protection, JobLeases leases, TimeProvider clock,
    IStringLocalizer<Strings> text, ILogger<AdvocateDigests> logger)
{
    public const string Job = "advocate-digest";
    public const string UnsubscribePath = "/digest/unsubscribe";
    public const int OffersShown = 3;
    private const int LookBackDays = 31;

    private readonly IDataProtector _unsubscribe = protection.CreateProtector("Vouch.Digest.Unsubscribe");

    /// <summary>The digest the contact would get this month, in their language; null when there is no such contact.</summary>
    public async Task<DigestLetter?> PreviewAsync(Guid contactId, CancellationToken ct)
    {
        var user = await db.Users.Where(u => u.ContactId == contactId).Select(u => new { u.Id, u.Language }).FirstOrDefaultAsync(ct);
        return await WriteAsync(contactId, user?.Id ?? Guid.Empty, user?.Language, ct);
    }

    /// <summary>
    /// Queues this month's digest for every advocate not yet sent one, on one instance at a time. Each is marked sent
    /// in the same save as its email, so a round cut short resumes where it stopped.
    /// </summary>
    public async Task<int> SendDueAsync(string instance, CancellationToken ct)
    {
        if (!email.IsConfigured || !await leases.TryAcquireAsync(Job, instance, TimeSpan.FromMinutes(30), ct))
        {
            return 0;
        }
        var month = Month(clock.GetUtcNow());
        var sent = 0;
        try
        {
            var advocateRole = await db.Roles.Where(r => r.Name == Roles.Advocate).Select(r => r.Id).SingleAsync(ct);
            var due = await db.Users.AsNoTracking()
                .Where(u => u.ContactId != null && u.ReceivesDigest && !u.IsDisabled && u.Email != null && u.DigestSentFor != month
                    && db.UserRoles.Any(r => r.UserId == u.Id && r.RoleId == advocateRole))
                .Select(u => new { u.Id, u.Email, ContactId = u.ContactId!.Value, u.Language })
                .ToListAsync(ct);
            foreach (var advocate in due)
            {
                if (await WriteAsync(advocate.ContactId, advocate.Id, advocate.Language, ct) is not { } letter)
                {
                    continue;
                }
                var now = clock.GetUtcNow();
                db.OutboundEmails.Add(new OutboundEmail
                {
                    UserId = advocate.Id, To = advocate.Email!, Subject = letter.Subject, TextBody = letter.TextBody, HtmlBody = letter.HtmlBody,
                    CreatedAt = now, Status = OutboundEmailStatus.Pending, NextAttemptAt = now,
                });
                await db.Users.Where(u => u.Id == advocate.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.DigestSentFor, month), ct);
                await db.SaveChangesAsync(ct);
                sent++;
            }
        }
        finally
        {
            await leases.ReleaseAsync(Job, instance, ct);
        }
        if (sent > 0)
        {
            logger.LogInformation("Queued {Count} advocate digests for {Month}", sent, month);
        }
        return sent;
    }

    /// <summary>Stops the digests of the user the link was made for; a link that is not one of ours does nothing.</summary>
    public async Task<bool> UnsubscribeAsync(string? token, CancellationToken ct)
    {
        Guid userId;
        try
        {
            userId = Guid.Parse(_unsubscribe.Unprotect(token ?? ""));
        }
        catch (Exception e) when (e is System.Security.Cryptography.CryptographicException or FormatException)
        {
            return false;
        }
        return await db.Users.Where(u => u.Id == userId).ExecuteUpdateAsync(s => s.SetProperty(u => u.ReceivesDigest, false), ct) == 1;
    }

    private async Task<DigestLetter?> WriteAsync(Guid contactId, Guid userId, string? language, CancellationToken ct)
    {
        var contact = await db.Contacts.AsNoTracking().Where(c => c.Id == contactId).Select(c => new { c.FirstName }).SingleOrDefaultAsync(ct);
        if (contact is null)
        {
            return null;
        }
        var now = clock.GetUtcNow();
        var since = now.AddDays(-LookBackDays);
        var fitting = (await offers.OffersForAsync(contactId, ct) ?? []).Take(OffersShown).ToList();
        var done = await db.Engagements.AsNoTracking()
            .Where(e => e.ContactId == contactId && e.Kind == EngagementKind.Ask && e.Status == EngagementStatus.Completed && e.At >= since)
            .OrderBy(e => e.At)
            .Select(e => new
            {
                Activity = e.ActivityType!.Name,
                e.At,
                Request = db.ReferenceRequests.Where(r => r.Id == e.RequestId)
                    .Select(r => new { r.Helped, Won = r.Opportunity != null && r.Opportunity.IsWon, Prospect = r.Opportunity!.Account!.Name })
                    .FirstOrDefault(),
            })
            .ToListAsync(ct);
        var delivered = await db.Ideas.AsNoTracking()
            .Where(i => i.Status == IdeaStatus.Delivered && i.Board == IdeaBoard.Customer && i.StatusChangedAt >= since)
            .OrderByDescending(i => i.StatusChangedAt).Take(5)
            .Select(i => i.Title)
            .ToListAsync(ct);
        var publicUrl = email.PublicUrl ?? new Uri("http://localhost/");
        var offersLink = NotificationEmail.Absolute(publicUrl, "/portal/offers");
        var unsubscribeLink = NotificationEmail.Absolute(publicUrl, $"{UnsubscribePath}?token={Uri.EscapeDataString(_unsubscribe.Protect(userId.ToString()))}");
        return Languages.WriteIn(language, () => DigestLetter.Write(new DigestContent(
            contact.FirstName, now.UtcDateTime.ToString("MMMM", CultureInfo.CurrentCulture),
            [.. fitting.Select(o => new DigestOffer(o.Title, o.ClosesOn, o.Reasons.FirstOrDefault() ?? text["it fits what you told us you want"]))],
            [.. done.Select(d => new DigestThanks(d.Activity, DateOnly.FromDateTime(d.At.UtcDateTime),
                d.Request is { Won: true } won ? text["it helped us win {0} as a customer", won.Prospect].Value
                : d.Request?.Helped == true ? text["the seller says it helped their deal"].Value : null))],
            [.. delivered.Select(title => text["Delivered, as customers asked: {0}", title].Value)],
            offersLink, unsubscribeLink), text));
    }

    private static string Month(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM", CultureInfo.InvariantCulture);
}

/// <summary>Looks for due digests on every instance; the lease lets one send at a time.</summary>
public sealed class DigestSchedule(IServiceScopeFactory scopes, IOptions<DigestOptions> options, TimeProvider clock, ILogger<DigestSchedule> logger)
    : BackgroundService
{
    private readonly string _instance = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid().ToString("N")[..8]}";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<AdvocateDigests>().SendDueAsync(_instance, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                logger.LogError(e, "Advocate digest round failed");
            }
            try
            {
                await Task.Delay(options.Value.CheckEvery, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
