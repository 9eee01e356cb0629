using Microsoft.EntityFrameworkCore;
using Vouch.Data;
using Vouch.Features.Engagements;
using Vouch.Web;

namespace Vouch.Features.Events;

/// <summary>Events, their speakers and attendees as the API and the pages read them.</summary>
public sealed class EventQueries(VouchDbContext db, TimeProvider clock)
{
    public async Task<Paged<EventSummary>> ListAsync(PageQuery page, EventFilter filter, CancellationToken ct)
    {
        var events = db.Set<Event>().AsNoTracking();
        if (!string.IsNullOrWhiteSpace(page.Q))
        {
            var text = page.Q.Trim().ToLowerInvariant();
            events = events.Where(e => e.Title.ToLower().Contains(text) || (e.Topic != null && e.Topic.ToLower().Contains(text)));
        }
        if (EnumText.ParseOrNull<EventKind>(filter.Kind) is { } kind)
        {
            events = events.Where(e => e.Kind == kind);
        }
        var now = clock.GetUtcNow();
        events = filter.Upcoming switch
        {
            true => events.Where(e => e.StartsAt >= now),
            false => events.Where(e => e.StartsAt < now),
            _ => events,
        };
        var total = await events.CountAsync(ct);
        var ordered = filter.Upcoming == true
            ? events.OrderBy(e => e.StartsAt).ThenBy(e => e.Id)
            : events.OrderByDescending(e => e.StartsAt).ThenByDescending(e => e.Id);
        var items = await ordered.Skip(page.Skip).Take(page.Size)
            .Select(e => new EventSummary(
                e.Id, e.Kind.ToString(), e.Title, e.StartsAt, e.Place, e.Capacity,
                db.Set<EventAttendee>().Count(a => a.EventId == e.Id),
                db.Set<EventAttendee>().Count(a => a.EventId == e.Id && a.CheckedInAt != null),
                db.Set<EventSpeaker>().Count(s => s.EventId == e.Id)))
            .ToListAsync(ct);
        return new Paged<EventSummary>(items, total, page.PageNumber, page.Size);
    }

    /// <summary>Names what is wrong with a filter, so a typo is not silently an empty list.</summary>
    public static void Validate(EventFilter filter, ValidationErrors errors) => EnumText.Optional<EventKind>(filter.Kind, "kind", errors);

    public async Task<EventResponse?> FindAsync(Guid id, CancellationToken ct)
    {
        var found = await db.Set<Event>().AsNoTracking().Where(e => e.Id == id)
            .Select(e => new
            {
                Event = e,
                Host = e.HostAccount == null ? null : e.HostAccount.Name,
                Registered = db.Set<EventAttendee>().Count(a => a.EventId == e.Id),
                CheckedIn = db.Set<EventAttendee>().Count(a => a.EventId == e.Id && a.CheckedInAt != null),
            })
            .SingleOrDefaultAsync(ct);
        if (found is null)
        {
            return null;
        }
        var e = found.Event;
        return new EventResponse(
            e.Id, e.Kind.ToString(), e.Title, e.Topic, e.StartsAt, e.EndsAt, e.Place, e.Capacity, found.Registered, found.CheckedIn,
            e.HostAccountId, found.Host, (await SpeakersAsync(id, ct))!, e.Version);
    }

    /// <summary>The event's speakers in the order they were added, or null when there is no such event.</summary>
    public async Task<IReadOnlyList<SpeakerResponse>?> SpeakersAsync(Guid eventId, CancellationToken ct)
    {
        if (!await db.Set<Event>().AnyAsync(e => e.Id == eventId, ct))
        {
            return null;
        }
        return await (
                from s in db.Set<EventSpeaker>().AsNoTracking()
                where s.EventId == eventId
                join ask in db.Engagements on s.AskEngagementId equals ask.Id
                join give in db.Engagements on s.GiveEngagementId equals give.Id
                orderby s.AddedAt, s.Id
                select new SpeakerResponse(
                    s.Id, s.ContactId, s.Contact!.FirstName + " " + s.Contact.LastName, s.Contact.Account!.Name,
                    s.AskEngagementId, s.GiveEngagementId,
                    ask.Status == EngagementStatus.Completed ? nameof(EngagementStatus.Completed)
                        : ask.Status == EngagementStatus.Released ? nameof(EngagementStatus.Released) : nameof(EngagementStatus.Scheduled),
                    give.CreditHours ?? 0))
            .ToListAsync(ct);
    }

    /// <summary>The event's attendees, a page at a time in the order they registered, or null when there is no such event.</summary>
    public async Task<Paged<AttendeeResponse>?> AttendeesAsync(Guid eventId, PageQuery page, CancellationToken ct)
    {
        if (!await db.Set<Event>().AnyAsync(e => e.Id == eventId, ct))
        {
            return null;
        }
        var attendees = Attendees().Where(a => a.EventId == eventId);
        if (!string.IsNullOrWhiteSpace(page.Q))
        {
            var text = page.Q.Trim().ToLowerInvariant();
            attendees = attendees.Where(a => (a.Name ?? (a.Contact!.FirstName + " " + a.Contact.LastName)).ToLower().Contains(text)
                || (a.Company ?? a.Account!.Name).ToLower().Contains(text));
        }
        var total = await attendees.CountAsync(ct);
        var items = await Responses(attendees.OrderBy(a => a.RegisteredAt).ThenBy(a => a.Id).Skip(page.Skip).Take(page.Size)).ToListAsync(ct);
        return new Paged<AttendeeResponse>(items, total, page.PageNumber, page.Size);
    }

    public Task<AttendeeResponse?> AttendeeAsync(Guid eventId, Guid attendeeId, CancellationToken ct) =>
        Responses(Attendees().Where(a => a.EventId == eventId && a.Id == attendeeId)).SingleOrDefaultAsync(ct);

    private IQueryable<EventAttendee> Attendees() => db.Set<EventAttendee>().AsNoTracking();

    private static IQueryable<AttendeeResponse> Responses(IQueryable<EventAttendee> attendees) => attendees.Select(a => new AttendeeResponse(
        a.Id, a.ContactId,
        a.ContactId == null ? a.Name! : a.Contact!.FirstName + " " + a.Contact.LastName,
        a.ContactId == null ? a.Email : a.Contact!.Email,
        a.Company ?? a.Account!.Name,
        a.AccountId, a.Account!.Name,
        a.Role == AttendeeRole.Customer ? nameof(AttendeeRole.Customer) : nameof(AttendeeRole.Prospect),
        a.RegisteredAt, a.CheckedInAt));
}
