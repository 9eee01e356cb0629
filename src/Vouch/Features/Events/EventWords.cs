using Microsoft.Extensions.Localization;
using Vouch.Features.Engagements;
using Vouch.Resources;
using Vouch.Web;

namespace Vouch.Features.Events;

/// <summary>
/// The words the event pages show for kinds, attendee roles and speakers' asks, in the reader's language. Each arm is a
/// literal key, so the keys can be read; <see cref="Event.Words(EventKind)"/> stays English for the API, the records a
/// figure is read from and seeded titles, and an unknown value shows as it is.
/// </summary>
public static class EventWords
{
    public static string Kind(IStringLocalizer<Strings> text, string kind) => Kind(text, Enum.Parse<EventKind>(kind));

    public static string Kind(IStringLocalizer<Strings> text, EventKind kind) => kind switch
    {
        EventKind.UserGroup => text["User group"],
        EventKind.AdvisoryBoard => text["Advisory board"],
        EventKind.Webinar => text["Webinar"],
        EventKind.ProspectMixer => text["Prospect mixer"],
        EventKind.Conference => text["Conference"],
        EventKind.CustomerHosted => text["Customer-hosted event"],
        _ => kind.ToString(),
    };

    public static string Role(IStringLocalizer<Strings> text, string role) => role switch
    {
        nameof(AttendeeRole.Customer) => text["Customer"],
        nameof(AttendeeRole.Prospect) => text["Prospect"],
        _ => role,
    };

    /// <summary>Where a speaker's ask of their time stands.</summary>
    public static string Ask(IStringLocalizer<Strings> text, string status) => status switch
    {
        nameof(EngagementStatus.Scheduled) => text["scheduled"].Capitalised(),
        nameof(EngagementStatus.Completed) => text["Completed"],
        nameof(EngagementStatus.Released) => text["Released"],
        _ => status,
    };
}
