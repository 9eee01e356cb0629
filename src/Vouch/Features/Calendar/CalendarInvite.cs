using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;

namespace Vouch.Features.Calendar;

/// <summary>What an invitation asks of the calendars that receive it (RFC 5546): to add or update the event, or to remove it.</summary>
public enum InviteMethod { Request, Cancel }

/// <summary>Someone on the invitation: their name as calendars show it, and their address.</summary>
public sealed record Invitee(string Name, string Email);

/// <summary>
/// One version of the event a request's invitations describe. <see cref="Uid"/> stays the same for the life of the
/// request and <see cref="Sequence"/> grows with every change, so calendars replace the event rather than add one.
/// </summary>
public sealed record CallInvite(
    string Uid,
    int Sequence,
    InviteMethod Method,
    DateTimeOffset Start,
    TimeSpan Duration,
    DateTimeOffset Stamp,
    Invitee Organizer,
    IReadOnlyList<Invitee> Attendees,
    string Summary,
    string Description);

/// <summary>Writes an invitation as iCalendar text (RFC 5545) for iTIP over email (RFC 5546).</summary>
public static class CalendarInvite
{
    public const string ProductId = "-//Vouch//Reference requests//EN";

    /// <summary>A meeting longer than a working day is not what an activity's effort describes: that is work around it.</summary>
    public static readonly TimeSpan LongestMeeting = TimeSpan.FromHours(8);

    /// <summary>The length of a meeting whose activity type gives no sensible effort.</summary>
    public static readonly TimeSpan DefaultDuration = TimeSpan.FromMinutes(60);

    /// <summary>The calendar's <c>METHOD</c> and the <c>method</c> parameter of the email's <c>text/calendar</c> part.</summary>
    public static string MethodName(InviteMethod method) => method == InviteMethod.Cancel ? "CANCEL" : "REQUEST";

    /// <summary>
    /// How long the event lasts: the activity type's effort in hours (a reference call is one hour) when it is a meeting's
    /// length, more than nothing and at most a working day; otherwise an hour.
    /// </summary>
    public static TimeSpan DurationOf(decimal effortHours) =>
        effortHours > 0 && effortHours <= (decimal)LongestMeeting.TotalHours
            ? TimeSpan.FromMinutes(Math.Round((double)effortHours * 60))
            : DefaultDuration;

    /// <summary>One identifier per request, in the domain Vouch is reached at, as RFC 5545 recommends for a UID.</summary>
    public static string UidOf(Guid requestId, string host) => $"request-{requestId}@{host}";

    /// <summary>
    /// The calendar text: times in UTC, every attendee asked to answer, and the event confirmed or (when cancelled) cancelled.
    /// Ical.Net escapes commas, semicolons, backslashes and newlines in text and folds lines longer than 75 octets.
    /// </summary>
    public static string Write(CallInvite invite)
    {
        var cancelled = invite.Method == InviteMethod.Cancel;
        var calendarEvent = new CalendarEvent
        {
            Uid = invite.Uid,
            Sequence = invite.Sequence,
            DtStamp = Utc(invite.Stamp),
            DtStart = Utc(invite.Start),
            DtEnd = Utc(invite.Start + invite.Duration),
            Summary = invite.Summary,
            Description = invite.Description,
            Status = cancelled ? Ical.Net.EventStatus.Cancelled : Ical.Net.EventStatus.Confirmed,
            Organizer = new Organizer(MailTo(invite.Organizer.Email)) { CommonName = invite.Organizer.Name },
        };
        foreach (var attendee in invite.Attendees)
        {
            calendarEvent.Attendees.Add(new Attendee(MailTo(attendee.Email))
            {
                CommonName = attendee.Name,
                Role = Ical.Net.ParticipationRole.RequiredParticipant,
                ParticipationStatus = Ical.Net.EventParticipationStatus.NeedsAction,
                Rsvp = true,
            });
        }
        var calendar = new Ical.Net.Calendar { ProductId = ProductId, Method = MethodName(invite.Method) };
        calendar.Events.Add(calendarEvent);
        return new CalendarSerializer().SerializeToString(calendar)!;
    }

    private static CalDateTime Utc(DateTimeOffset at) => new(at.UtcDateTime);

    private static string MailTo(string email) => "mailto:" + email;
}
