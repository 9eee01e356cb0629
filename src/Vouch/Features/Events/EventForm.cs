namespace Vouch.Features.Events;

/// <summary>The event form as the browser posts it; it becomes an <see cref="EventInput"/>, so the rules are the API's.</summary>
public sealed class EventForm
{
    public string? Kind { get; set; }
    public string? Title { get; set; }
    public string? Topic { get; set; }

    /// <summary>Local date and time as the browser's datetime-local sends it, read as UTC.</summary>
    public DateTime? StartsAt { get; set; }
    public DateTime? EndsAt { get; set; }
    public string? Place { get; set; }
    public int? Capacity { get; set; }
    public Guid? HostAccountId { get; set; }
    public Guid? Version { get; set; }

    public static EventForm From(EventResponse e) => new()
    {
        Kind = e.Kind, Title = e.Title, Topic = e.Topic, StartsAt = e.StartsAt.UtcDateTime, EndsAt = e.EndsAt?.UtcDateTime, Place = e.Place,
        Capacity = e.Capacity, HostAccountId = e.HostAccountId, Version = e.Version,
    };

    public EventInput ToInput() => new(Kind, Title, Topic, Utc(StartsAt), Utc(EndsAt), Place, Capacity, HostAccountId, Version);

    private static DateTimeOffset? Utc(DateTime? at) => at is { } t ? new DateTimeOffset(DateTime.SpecifyKind(t, DateTimeKind.Unspecified), TimeSpan.Zero) : null;
}

/// <summary>The speaker form: the advocate by the email they are known by.</summary>
public sealed class SpeakerForm
{
    public string? Email { get; set; }
    public decimal? CreditHours { get; set; }
}

/// <summary>
/// The registration form: an email that belongs to a contact registers the contact; any other registers a prospect by
/// name, email and company.
/// </summary>
public sealed class AttendeeForm
{
    public string? Name { get; set; }
    public string? Email { get; set; }
    public string? Company { get; set; }
    public string? Role { get; set; }
}
