namespace Vouch.Features.Events;

/// <summary>An event as scripts write it; the kind by name (UserGroup, AdvisoryBoard, Webinar, ProspectMixer, Conference, CustomerHosted).</summary>
/// <remarks>Place: an address, or a link to join (then an absolute http or https address). HostAccountId: the customer hosting it.</remarks>
public sealed record EventInput(
    string? Kind,
    string? Title,
    string? Topic,
    DateTimeOffset? StartsAt,
    DateTimeOffset? EndsAt,
    string? Place,
    int? Capacity,
    Guid? HostAccountId,
    Guid? Version);

/// <summary>An event in a list, with its numbers.</summary>
public sealed record EventSummary(
    Guid Id, string Kind, string Title, DateTimeOffset StartsAt, string? Place, int Capacity, int Registered, int CheckedIn, int Speakers);

public sealed record EventResponse(
    Guid Id,
    string Kind,
    string Title,
    string? Topic,
    DateTimeOffset StartsAt,
    DateTimeOffset? EndsAt,
    string? Place,
    int Capacity,
    int Registered,
    int CheckedIn,
    Guid? HostAccountId,
    string? HostAccount,
    IReadOnlyList<SpeakerResponse> Speakers,
    Guid Version)
{
    public int SeatsLeft => Math.Max(0, Capacity - Registered);
}

/// <summary>The filters of <c>GET /api/v1/events</c>.</summary>
public sealed record EventFilter
{
    /// <summary>UserGroup, AdvisoryBoard, Webinar, ProspectMixer, Conference or CustomerHosted.</summary>
    public string? Kind { get; init; }

    /// <summary>true: only events yet to start, soonest first; false: only those that started, latest first.</summary>
    public bool? Upcoming { get; init; }
}

/// <summary>An advocate to put on the stage; credit hours left out take the activity's effort.</summary>
public sealed record SpeakerInput(Guid? ContactId, decimal? CreditHours);

/// <summary>A speaker, with the state of their ask and give in the ledger.</summary>
public sealed record SpeakerResponse(
    Guid Id, Guid ContactId, string Name, string Account, Guid AskEngagementId, Guid GiveEngagementId, string Status, decimal CreditHours);

/// <summary>
/// A registration: a contact by id, or a prospect by name, email and company, with their account if there is one.
/// Role (Customer or Prospect) left out follows the account: a customer when it has a customer-since day on or before the event.
/// </summary>
public sealed record AttendeeInput(Guid? ContactId, string? Name, string? Email, string? Company, Guid? AccountId, string? Role);

public sealed record AttendeeResponse(
    Guid Id, Guid? ContactId, string Name, string? Email, string? Company, Guid? AccountId, string? Account, string Role,
    DateTimeOffset RegisteredAt, DateTimeOffset? CheckedInAt);

/// <summary>Who came: a registered attendee by id.</summary>
public sealed record CheckInInput(Guid? AttendeeId);

/// <summary>One event that took place: who came, which prospects converted within the window and the revenue that followed.</summary>
/// <remarks>
/// Prospects: checked-in prospects with an account, the ones the report can follow. UnlinkedProspects: checked-in
/// prospects given by name only, whom it cannot follow. WindowEndsOn: the last day a conversion counts.
/// </remarks>
public sealed record EventConversionRow(
    Guid EventId, string Title, string Kind, DateOnly On, DateOnly WindowEndsOn, bool WindowOpen,
    int Prospects, int UnlinkedProspects, int Converted, double? Rate, decimal Revenue);

/// <summary>One kind of event, all of its events that took place added up.</summary>
public sealed record KindConversion(string Kind, string Name, int Events, int Prospects, int Converted, double? Rate, decimal Revenue);

/// <summary>The conversion report: by kind of event, then the events most recent first (at most <see cref="EventReport.MaxEvents"/>).</summary>
public sealed record EventConversionReport(
    int WindowDays, int Prospects, int Converted, double? Rate, decimal Revenue,
    IReadOnlyList<KindConversion> ByKind, IReadOnlyList<EventConversionRow> Events);
