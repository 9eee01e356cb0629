using System.Globalization;
using System.Text.Encodings.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MimeKit;
using Vouch.Data;
using Vouch.Features.Email;
using Vouch.Features.Requests;
using Vouch.Resources;
using Vouch.Web;

namespace Vouch.Features.Calendar;

/// <summary>Who an invitation goes to, which decides what it tells them.</summary>
public enum InviteAudience
{
    /// <summary>The seller who asked, and the program team: the use case and a link to the request.</summary>
    Internal,

    /// <summary>The advocate and the prospect: who meets whom about what, and nothing Vouch keeps to itself.</summary>
    External,
}

/// <summary>
/// The calendar invitations of a scheduled request: queued in the outbox when the request is scheduled, moved or
/// cancelled, in the same SaveChanges as the step (the caller saves), and read back for download. The seller who asked,
/// the advocate and the prospect's contacts on the deal are invited, each who has an address, each in their language
/// (a guest who is no user of Vouch reads English); see docs/decisions/0032-calendar-invites.md.
/// </summary>
public sealed class CallInvitations(VouchDbContext db, EmailSettings settings, IStringLocalizer<Strings> text, TimeProvider clock)
{
    /// <summary>The first invitation, at sequence 0.</summary>
    public Task ScheduledAsync(ReferenceRequest request, CancellationToken ct) => QueueAsync(request, InviteMethod.Request, ct);

    /// <summary>An update to the new time, replacing the invitation before it.</summary>
    public Task MovedAsync(ReferenceRequest request, CancellationToken ct)
    {
        request.InviteSequence++;
        return QueueAsync(request, InviteMethod.Request, ct);
    }

    /// <summary>The cancellation, which removes the event from the calendars that took the invitation.</summary>
    public Task CancelledAsync(ReferenceRequest request, CancellationToken ct)
    {
        request.InviteSequence++;
        return QueueAsync(request, InviteMethod.Cancel, ct);
    }

    /// <summary>
    /// The invitation as it now stands (a cancellation once the request is cancelled), as the actor received it: the
    /// advocate as the advocate did, everyone inside with the link to the request. Someone else's request is not there;
    /// a request with no time has no invitation yet. Its words are in the language of the request that downloads it.
    /// </summary>
    public async Task<CommandResult<InviteFile>> CurrentAsync(RequestActor actor, Guid id, CancellationToken ct)
    {
        var request = await db.ReferenceRequests.AsNoTracking().AsSplitQuery()
            .Include(r => r.ActivityType).Include(r => r.Products).Include(r => r.Requester)
            .Include(r => r.Contact!).ThenInclude(c => c.Account)
            .SingleOrDefaultAsync(r => r.Id == id, ct);
        if (request is null || !actor.Sees(request))
        {
            return Refusal.NotFound("The request");
        }
        if (request.ScheduledFor is null || request.Contact is null)
        {
            return Refusal.Conflict("There is no invitation yet.", $"It is {WaitingOn.StatusWords(request.Status)}: an invitation is sent once it is scheduled.");
        }
        var audience = actor.IsAsked(request) && !actor.ReadsAll ? InviteAudience.External : InviteAudience.Internal;
        var method = request.Status == RequestStatus.Cancelled ? InviteMethod.Cancel : InviteMethod.Request;
        return new InviteFile(CalendarInvite.Write((await CallAsync(request, ct)).Invite(method, audience, clock.GetUtcNow(), text)), method);
    }

    private async Task QueueAsync(ReferenceRequest request, InviteMethod method, CancellationToken ct)
    {
        if (!settings.IsConfigured)
        {
            // As with notifications: without configured email nothing is queued. The invitation can still be downloaded.
            return;
        }
        var call = await CallAsync(request, ct);
        var now = clock.GetUtcNow();
        foreach (var guest in call.Guests)
        {
            var (invite, email) = Languages.WriteIn(guest.Language, () =>
            {
                var written = call.Invite(method, guest.Audience, now, text);
                return (written, InviteEmail.For(written, method, text));
            });
            db.OutboundEmails.Add(new OutboundEmail
            {
                UserId = guest.UserId,
                To = guest.Who.Email,
                Subject = email.Subject,
                TextBody = email.TextBody,
                HtmlBody = email.HtmlBody,
                Calendar = CalendarInvite.Write(invite),
                CalendarMethod = CalendarInvite.MethodName(method),
                CreatedAt = now,
                Status = OutboundEmailStatus.Pending,
                NextAttemptAt = now,
            });
        }
    }

    /// <summary>What every invitation of the request shares, and who gets one.</summary>
    private async Task<Call> CallAsync(ReferenceRequest request, CancellationToken ct)
    {
        var from = MailboxAddress.Parse(settings.From);
        var prospectAccount = request.OpportunityId is { } dealId
            ? await db.Opportunities.AsNoTracking().Where(o => o.Id == dealId).Select(o => o.Account!.Name).SingleOrDefaultAsync(ct)
            : null;
        // The prospect's people on the deal, as the CRM records them with a role: the buyers the reference speaks to.
        var prospects = request.OpportunityId is { } opportunityId
            ? await db.OpportunityContactRoles.AsNoTracking().Where(r => r.OpportunityId == opportunityId && r.Contact!.Email != null)
                .OrderBy(r => r.Contact!.LastName).ThenBy(r => r.Contact!.FirstName)
                .Select(r => new { r.ContactId, r.Contact!.FirstName, r.Contact.LastName, r.Contact.Email }).ToListAsync(ct)
            : [];
        // A guest outside who is also a user (an advocate with a portal login) reads the language they chose there.
        var contactIds = prospects.Select(p => p.ContactId).Append(request.ContactId ?? Guid.Empty).ToList();
        var languages = await db.Users.AsNoTracking().Where(u => u.ContactId != null && contactIds.Contains(u.ContactId.Value) && u.Language != null)
            .Select(u => new { ContactId = u.ContactId!.Value, u.Language }).ToListAsync(ct);
        string? LanguageOf(Guid contactId) => languages.FirstOrDefault(l => l.ContactId == contactId)?.Language;

        var requester = request.Requester!;
        var guests = new List<Guest>();
        if (!requester.IsDisabled && Addressable(requester.Email))
        {
            guests.Add(new Guest(new Invitee(requester.DisplayName, requester.Email!), InviteAudience.Internal, requester.Id, requester.Language));
        }
        if (request.Contact is { } advocate && Addressable(advocate.Email))
        {
            guests.Add(new Guest(new Invitee(advocate.FullName, advocate.Email!), InviteAudience.External, null, LanguageOf(advocate.Id)));
        }
        guests.AddRange(prospects.Where(p => Addressable(p.Email))
            .Select(p => new Guest(new Invitee($"{p.FirstName} {p.LastName}", p.Email!), InviteAudience.External, null, LanguageOf(p.ContactId))));
        guests = [.. guests.DistinctBy(g => g.Who.Email, StringComparer.OrdinalIgnoreCase)];

        var organizer = new Invitee(string.IsNullOrWhiteSpace(requester.DisplayName) ? from.Name ?? from.Address : requester.DisplayName, from.Address);
        var host = settings.PublicUrl?.Host ?? from.Domain;
        var link = settings.PublicUrl is { } publicUrl ? NotificationEmail.Absolute(publicUrl, $"/requests/{request.Id}") : null;
        return new Call(request, prospectAccount, guests, organizer, CalendarInvite.UidOf(request.Id, host), link);
    }

    /// <summary>An address the outbox can send to: a malformed one would fail every attempt.</summary>
    private static bool Addressable(string? email) =>
        !string.IsNullOrWhiteSpace(email) && MailboxAddress.TryParse(email, out var address) && address.Address.Contains('@', StringComparison.Ordinal);

    private sealed record Guest(Invitee Who, InviteAudience Audience, Guid? UserId, string? Language);

    private sealed record Call(ReferenceRequest Request, string? ProspectAccount, IReadOnlyList<Guest> Guests, Invitee Organizer, string Uid, string? Link)
    {
        /// <summary>The invitation for one audience, its summary and description in the language <paramref name="text"/> speaks.</summary>
        public CallInvite Invite(InviteMethod method, InviteAudience audience, DateTimeOffset now, IStringLocalizer<Strings> text)
        {
            var activity = Request.ActivityType!;
            var advocate = Request.Contact!;
            var with = ProspectAccount ?? Request.Requester!.DisplayName;
            var summary = text["{0}: {1} ({2}) with {3}", activity.Name, advocate.FullName, advocate.Account!.Name, with];
            var about = text["{0} between {1} of {2} and {3}, arranged by {4}.", activity.Name, advocate.FullName, advocate.Account.Name, with, Request.Requester!.DisplayName]
                + (Request.Products.Count > 0
                    ? "\n" + text["To talk about: {0}.", string.Join(", ", Request.Products.Select(p => p.Name).Order(StringComparer.Ordinal))] : "");
            if (audience == InviteAudience.Internal)
            {
                // The use case and the request are the seller's notes: only people inside see them.
                about += (Request.UseCase is null ? "" : "\n" + text["Use case: {0}", Request.UseCase])
                    + (Link is null ? "" : "\n" + text["The request in Vouch: {0}", Link]);
            }
            return new CallInvite(
                Uid, Request.InviteSequence, method, Request.ScheduledFor!.Value, CalendarInvite.DurationOf(activity.EffortHours), now,
                Organizer, [.. Guests.Select(g => g.Who)], summary, about);
        }
    }
}

/// <summary>An invitation to download: its calendar text and the iTIP method it carries.</summary>
public sealed record InviteFile(string Calendar, InviteMethod Method)
{
    public const string FileName = "invite.ics";

    /// <summary><c>text/calendar</c> naming the method, as calendar clients expect of an invitation.</summary>
    public string ContentType => $"text/calendar; method={CalendarInvite.MethodName(Method)}; charset=utf-8";
}

/// <summary>
/// The subject and bodies of an email carrying an invitation: what changed, when, and the event's description, in the
/// language <c>text</c> speaks and its format of the time, which is in UTC.
/// </summary>
public sealed record InviteEmail(string Subject, string TextBody, string HtmlBody)
{
    public static InviteEmail For(CallInvite invite, InviteMethod method, IStringLocalizer<Strings> text)
    {
        var when = invite.Start.UtcDateTime.ToString(text["ddd d MMM yyyy HH:mm"], CultureInfo.CurrentCulture) + " UTC";
        string subject = method == InviteMethod.Cancel ? text["Cancelled: {0} · {1}", invite.Summary, when]
            : invite.Sequence > 0 ? text["Moved: {0} · {1}", invite.Summary, when]
            : text["Invitation: {0} · {1}", invite.Summary, when];
        if (subject.Length > OutboundEmail.SubjectMaxLength)
        {
            subject = subject[..(OutboundEmail.SubjectMaxLength - 1)] + "…";
        }
        string headline = method == InviteMethod.Cancel
            ? text["Cancelled: {0}, which was to be on {1}.", invite.Summary, when]
            : text["{0}, on {1}.", invite.Summary, when];
        var textBody = headline + "\n\n" + invite.Description + "\n";
        var html = HtmlEncoder.Default;
        var htmlBody = "<!DOCTYPE html><html><body>"
            + $"<p><strong>{html.Encode(headline)}</strong></p>"
            + $"<p>{html.Encode(invite.Description).Replace("&#xA;", "<br>", StringComparison.Ordinal)}</p>"
            + "</body></html>";
        return new InviteEmail(subject, textBody, htmlBody);
    }
}
