using Vouch.Hosting;

namespace Vouch.Features.Calendar;

/// <summary>Calendar invitations for scheduled requests, sent through the email outbox and downloadable as .ics.</summary>
public sealed class CalendarModule : ICapabilityModule
{
    public void AddServices(IServiceCollection services, IConfiguration configuration) => services.AddScoped<CallInvitations>();

    public void MapEndpoints(RouteGroupBuilder api) => api.MapCalendar();
}
