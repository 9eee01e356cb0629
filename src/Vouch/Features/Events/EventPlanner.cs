using Microsoft.EntityFrameworkCore;
using Vouch.Data;
using Vouch.Features.Contacts;
using Vouch.Features.Engagements;
using Vouch.Features.Requests;

namespace Vouch.Features.Events;

/// <summary>
/// Planning events, their speakers and their attendees: one set of rules for the API and the pages. A speaker is an ask
/// of their time, made under the program's limits, and a give of the stage, both written to the ledger in the save
/// that adds them; registering checks and takes a seat inside a transaction that holds the event, so two registering
/// for the last seat cannot both get it.
/// </summary>
public sealed class EventPlanner(VouchDbContext db, EventQueries queries, AdvocateAsks asks, TimeProvider clock)
{
    public static readonly Refusal EventNotFound = Refusal.NotFound("The event");
    public static readonly Refusal SpeakerNotFound = Refusal.NotFound("The speaker");

    public async Task<CommandResult<EventResponse>> CreateAsync(EventInput input, CancellationToken ct)
    {
        var created = new Event { Title = "", CreatedAt = clock.GetUtcNow() };
        if (await ApplyAsync(input, created, speakers: 0, registered: 0, ct) is { } invalid)
        {
            return invalid;
        }
        db.Add(created);
        await db.SaveChangesAsync(ct);
        return (await queries.FindAsync(created.Id, ct))!;
    }

    /// <summary>Replaces the event's fields, saving only over the version the caller read.</summary>
    public async Task<CommandResult<EventResponse>> UpdateAsync(Guid id, EventInput input, CancellationToken ct)
    {
        var existing = await db.Set<Event>().SingleOrDefaultAsync(e => e.Id == id, ct);
        if (existing is null)
        {
            return EventNotFound;
        }
        var speakers = await db.Set<EventSpeaker>().CountAsync(s => s.EventId == id, ct);
        var registered = await db.Set<EventAttendee>().CountAsync(a => a.EventId == id, ct);
        if ((Versioning.Check(existing, input.Version) ?? await ApplyAsync(input, existing, speakers, registered, ct)) is { } refusal)
        {
            return refusal;
        }
        var saved = await db.SaveOverAsync(existing, input.Version!.Value, ct);
        return saved.Succeeded ? (await queries.FindAsync(id, ct))! : saved.Refusal;
    }

    /// <summary>
    /// Puts an advocate on the stage: the ask of their time (speaking, or a webinar) under every rule of the program, and
    /// the give of the stage worth <see cref="SpeakerInput.CreditHours"/> (the activity's effort when left out), both
    /// scheduled for the event's start, or completed when it took place already.
    /// </summary>
    public async Task<CommandResult<SpeakerResponse>> AddSpeakerAsync(Guid eventId, SpeakerInput input, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        if (input.ContactId is null)
        {
            errors.Add("contactId", "contactId is required: the advocate to put on the stage.");
        }
        if (input.CreditHours is { } hours && (hours <= 0 || hours > LedgerEntries.MaxCreditHours || decimal.Round(hours, 2) != hours))
        {
            errors.Add("creditHours", $"creditHours must be more than 0 and at most {LedgerEntries.MaxCreditHours:0}, with at most two decimals.");
        }
        if (!errors.IsEmpty)
        {
            return Refusal.Invalid(errors);
        }
        var planned = await db.Set<Event>().AsNoTracking().SingleOrDefaultAsync(e => e.Id == eventId, ct);
        if (planned is null)
        {
            return EventNotFound;
        }
        var contactId = input.ContactId!.Value;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (await db.Set<EventSpeaker>().AnyAsync(s => s.EventId == eventId && s.ContactId == contactId, ct))
        {
            return Refusal.Conflict("Already a speaker.", $"The contact speaks at {planned.Title} already.");
        }
        var activityKey = ActivityOf(planned.Kind);
        var status = planned.StartsAt <= clock.GetUtcNow() ? EngagementStatus.Completed : EngagementStatus.Scheduled;
        var title = Shorten($"Speaking at {planned.Title}");
        var asked = await asks.AskAsync(new AdvocateAsk(contactId, activityKey, planned.StartsAt, status, title), "contactId", ct);
        if (!asked.Succeeded)
        {
            return asked.Refusal;
        }
        var ask = asked.Value;
        var effort = await db.ActivityTypes.Where(a => a.Id == ask.ActivityTypeId).Select(a => a.EffortHours).SingleAsync(ct);
        var give = LedgerEntries.NewGive(contactId, ask.AccountId, title, input.CreditHours ?? effort, planned.StartsOn);
        // The stage is given when the event takes place: until then it is promised, and a promised give weighs nothing (decision 19).
        (give.Status, give.At, give.ActivityTypeId) = (status, planned.StartsAt, ask.ActivityTypeId);
        db.Engagements.Add(give);
        var speaker = new EventSpeaker
        {
            EventId = eventId, ContactId = contactId, AskEngagementId = ask.Id, GiveEngagementId = give.Id, AddedAt = clock.GetUtcNow(),
        };
        db.Add(speaker);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return (await queries.SpeakersAsync(eventId, ct))!.Single(s => s.Id == speaker.Id);
    }

    /// <summary>Takes a speaker off an event yet to happen, releasing the ask of their time and the give of the stage.</summary>
    public async Task<CommandResult> RemoveSpeakerAsync(Guid eventId, Guid speakerId, CancellationToken ct)
    {
        var speaker = await db.Set<EventSpeaker>().Include(s => s.Event).SingleOrDefaultAsync(s => s.Id == speakerId && s.EventId == eventId, ct);
        if (speaker is null)
        {
            return SpeakerNotFound;
        }
        if (speaker.Event!.StartsAt <= clock.GetUtcNow())
        {
            return Refusal.Conflict("The event took place.", $"{speaker.Event.Title} started on {speaker.Event.StartsOn:yyyy-MM-dd}; its speakers stay on record.");
        }
        var entries = await db.Engagements.Where(e => e.Id == speaker.AskEngagementId || e.Id == speaker.GiveEngagementId).ToListAsync(ct);
        entries.ForEach(e => e.Status = EngagementStatus.Released);
        db.Remove(speaker);
        await db.SaveChangesAsync(ct);
        return CommandResult.Success;
    }

    /// <summary>Registers a contact, or a prospect by name, while a seat is left.</summary>
    public async Task<CommandResult<AttendeeResponse>> RegisterAsync(Guid eventId, AttendeeInput input, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var role = EnumText.Optional<AttendeeRole>(input.Role, "role", errors);
        var byName = !string.IsNullOrWhiteSpace(input.Name) || !string.IsNullOrWhiteSpace(input.Email) || !string.IsNullOrWhiteSpace(input.Company);
        string? email = null;
        if (input.ContactId is not null && byName)
        {
            errors.Add("contactId", "Give either contactId, or a prospect's name, email and company, not both.");
        }
        else if (input.ContactId is null)
        {
            errors.Required("name", input.Name, EventAttendee.NameMaxLength);
            errors.Required("company", input.Company, Accounts.Account.NameMaxLength);
            errors.Required("email", input.Email, Contact.EmailMaxLength);
            email = input.Email?.Trim().ToLowerInvariant();
            if (email is { Length: > 0 and <= Contact.EmailMaxLength } && !IsEmail(email))
            {
                errors.Add("email", $"email '{input.Email}' is not an email address.");
            }
        }
        if (!errors.IsEmpty)
        {
            return Refusal.Invalid(errors);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (db.Database.IsNpgsql())
        {
            // Holds the event's seats until the registration is saved; SQLite's transaction holds the write lock already.
            await db.Database.ExecuteSqlAsync($"""SELECT 1 FROM "Events" WHERE "Id" = {eventId} FOR UPDATE""", ct);
        }
        var planned = await db.Set<Event>().AsNoTracking().SingleOrDefaultAsync(e => e.Id == eventId, ct);
        if (planned is null)
        {
            return EventNotFound;
        }
        var attendee = new EventAttendee { EventId = eventId, RegisteredAt = clock.GetUtcNow() };
        if (input.ContactId is { } contactId)
        {
            var contact = await db.Contacts.AsNoTracking().Where(c => c.Id == contactId)
                .Select(c => new { c.Id, c.AccountId, c.FirstName, c.LastName }).SingleOrDefaultAsync(ct);
            if (contact is null)
            {
                return Refusal.Invalid("contactId", $"No contact has the id {contactId}.");
            }
            if (await db.Set<EventAttendee>().AnyAsync(a => a.EventId == eventId && a.ContactId == contactId, ct))
            {
                return Refusal.Conflict("Already registered.", $"{contact.FirstName} {contact.LastName} is registered for {planned.Title} already.");
            }
            (attendee.ContactId, attendee.AccountId) = (contact.Id, contact.AccountId);
        }
        else
        {
            if (await db.Set<EventAttendee>().AnyAsync(a => a.EventId == eventId && a.Email == email, ct))
            {
                return Refusal.Conflict("Already registered.", $"Someone with the email {email} is registered for {planned.Title} already.");
            }
            if (input.AccountId is { } accountId && !await db.Accounts.AnyAsync(a => a.Id == accountId, ct))
            {
                return Refusal.Invalid("accountId", $"No account has the id {accountId}.");
            }
            (attendee.Name, attendee.Email, attendee.Company, attendee.AccountId) = (input.Name!.Trim(), email, input.Company!.Trim(), input.AccountId);
        }
        var registered = await db.Set<EventAttendee>().CountAsync(a => a.EventId == eventId, ct);
        if (EventCapacity.Register(planned.Title, planned.Capacity, registered) is { } full)
        {
            return full;
        }
        var customerSince = attendee.AccountId is { } account
            ? await db.Accounts.Where(a => a.Id == account).Select(a => a.CustomerSince).SingleOrDefaultAsync(ct)
            : null;
        attendee.Role = role ?? (customerSince <= planned.StartsOn ? AttendeeRole.Customer : AttendeeRole.Prospect);
        db.Add(attendee);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return (await queries.AttendeeAsync(eventId, attendee.Id, ct))!;
    }

    /// <summary>Checks a registered attendee in, once, from the event's day on.</summary>
    public async Task<CommandResult<AttendeeResponse>> CheckInAsync(Guid eventId, CheckInInput input, CancellationToken ct)
    {
        if (input.AttendeeId is not { } attendeeId)
        {
            return Refusal.Invalid("attendeeId", "attendeeId is required: the registered attendee who came.");
        }
        var planned = await db.Set<Event>().AsNoTracking().SingleOrDefaultAsync(e => e.Id == eventId, ct);
        if (planned is null)
        {
            return EventNotFound;
        }
        var attendee = await queries.AttendeeAsync(eventId, attendeeId, ct);
        if (attendee is null)
        {
            return Refusal.Invalid("attendeeId", $"No one registered for {planned.Title} has the id {attendeeId}: register them first, then check them in.");
        }
        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        if (today < planned.StartsOn)
        {
            return Refusal.Conflict("The event has not started.", $"{planned.Title} starts on {planned.StartsOn:yyyy-MM-dd}; check people in from that day.");
        }
        // Only the first check-in writes: of two at once, the second finds it done.
        var checkedIn = await db.Set<EventAttendee>().Where(a => a.Id == attendeeId && a.CheckedInAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.CheckedInAt, now), ct);
        if (checkedIn == 0)
        {
            var at = (await queries.AttendeeAsync(eventId, attendeeId, ct))!.CheckedInAt!.Value;
            return Refusal.Conflict("Already checked in.", $"{attendee.Name} checked in at {at.UtcDateTime:yyyy-MM-dd HH:mm} UTC.");
        }
        return (await queries.AttendeeAsync(eventId, attendeeId, ct))!;
    }

    /// <summary>Speaking at a webinar is the webinar activity; at any other event, speaking.</summary>
    public static string ActivityOf(EventKind kind) => kind == EventKind.Webinar ? "webinar" : "speaking";

    private static string Shorten(string title) => title.Length <= Engagement.TitleMaxLength ? title : title[..(Engagement.TitleMaxLength - 1)] + "…";

    private static bool IsEmail(string email)
    {
        var at = email.IndexOf('@', StringComparison.Ordinal);
        return at > 0 && at == email.LastIndexOf('@') && email.IndexOf('.', at) > at + 1 && !email.EndsWith('.') && !email.Any(char.IsWhiteSpace);
    }

    /// <summary>Checks <paramref name="input"/> and, when it is valid, copies it onto <paramref name="target"/>; nothing is copied when anything is wrong.</summary>
    private async Task<Refusal?> ApplyAsync(EventInput input, Event target, int speakers, int registered, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        EventKind? kind = null;
        if (string.IsNullOrWhiteSpace(input.Kind))
        {
            errors.Add("kind", $"kind is required: one of {EnumText.Names<EventKind>()}.");
        }
        else
        {
            kind = EnumText.Optional<EventKind>(input.Kind, "kind", errors);
        }
        errors.Required("title", input.Title, Event.TitleMaxLength);
        errors.MaxLength("topic", input.Topic, Event.TopicMaxLength);
        errors.MaxLength("place", input.Place, Event.PlaceMaxLength);
        if (input.StartsAt is null)
        {
            errors.Add("startsAt", "startsAt is required.");
        }
        if (input.EndsAt is { } ends && input.StartsAt is { } starts && ends <= starts)
        {
            errors.Add("endsAt", "endsAt must be after startsAt.");
        }
        var place = string.IsNullOrWhiteSpace(input.Place) ? null : input.Place.Trim();
        if (place is not null && place.Contains("://", StringComparison.Ordinal)
            && !(Uri.TryCreate(place, UriKind.Absolute, out var link) && link.Scheme is "http" or "https"))
        {
            errors.Add("place", $"place '{place}' looks like a link but is not an absolute http or https address.");
        }
        if (input.Capacity is not { } capacity)
        {
            errors.Add("capacity", "capacity is required: how many people the event holds.");
        }
        else if (capacity is < 1 or > Event.MaxCapacity)
        {
            errors.Add("capacity", $"capacity must be between 1 and {Event.MaxCapacity}.");
        }
        else if (EventCapacity.Lower(capacity, registered) is { } lower)
        {
            errors.Add("capacity", lower);
        }
        if (input.HostAccountId is { } host && !await db.Accounts.AnyAsync(a => a.Id == host, ct))
        {
            errors.Add("hostAccountId", $"No account has the id {host}.");
        }
        if (speakers > 0 && input.StartsAt is { } moved && kind is { } newKind
            && (moved != target.StartsAt || ActivityOf(newKind) != ActivityOf(target.Kind)))
        {
            errors.Add(moved != target.StartsAt ? "startsAt" : "kind",
                $"The event has {speakers} speaker{(speakers == 1 ? "" : "s")}, whose asks are booked for its start as {ActivityOf(target.Kind)}: " +
                "take them off, change the event, and add them again so their limits are checked for the new one.");
        }
        if (!errors.IsEmpty)
        {
            return Refusal.Invalid(errors);
        }

        target.Kind = kind!.Value;
        target.Title = input.Title!.Trim();
        target.Topic = string.IsNullOrWhiteSpace(input.Topic) ? null : input.Topic.Trim();
        target.StartsAt = input.StartsAt!.Value.ToUniversalTime();
        target.StartsOn = DateOnly.FromDateTime(target.StartsAt.UtcDateTime);
        target.EndsAt = input.EndsAt?.ToUniversalTime();
        target.Place = place;
        target.Capacity = input.Capacity!.Value;
        target.HostAccountId = input.HostAccountId;
        return null;
    }
}
