using Vouch.Auth;
using Vouch.Features.Requests;
using Vouch.Hosting;

namespace Vouch.Features.Events;

/// <summary>Events and face-to-face: speakers from the advocates, customers and prospects who came, and the prospects they converted.</summary>
public sealed class EventsModule : ICapabilityModule
{
    /// <summary>Planning events, their speakers and attendees: the program team.</summary>
    public const string ManageEvents = nameof(ManageEvents);

    public IEnumerable<PolicyRoles> Policies => [new(ManageEvents, [Roles.Admin, Roles.ReferenceManager])];

    public IEnumerable<NavigationEntry> Navigation =>
    [
        new("Events", "/events", Auth.Policies.ReadInventory, NavigationGroup.Community, 20),
        new("Event conversion", "/reports/events", Auth.Policies.ReadReports, NavigationGroup.Reports, 40),
    ];

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<EventOptions>().BindConfiguration("Events")
            .Validate(o => o.ConversionWindowDays is > 0 and <= 3650, "Events:ConversionWindowDays must be between 1 and 3650.")
            .Validate(o => o.AlternativeWithinDays > 0, "Events:AlternativeWithinDays must be 1 or more.")
            .ValidateOnStart();
        services.AddScoped<EventQueries>();
        services.AddScoped<EventPlanner>();
        services.AddScoped<EventReport>();
        services.AddScoped<EventCompletion>();
        services.AddScoped<IAlternativesSource, UpcomingEventAlternatives>();
        services.AddHostedService<EventCompletionService>();
    }

    public void MapEndpoints(RouteGroupBuilder api) => api.MapEvents();
}
