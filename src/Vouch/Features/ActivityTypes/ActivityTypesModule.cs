using Vouch.Auth;
using Vouch.Hosting;

namespace Vouch.Features.ActivityTypes;

/// <summary>The kinds of ask an advocate can be given, with their effort and rest periods.</summary>
public sealed class ActivityTypesModule : ICapabilityModule
{
    public IEnumerable<NavigationEntry> Navigation => [new("Activity types", "/activity-types", Policies.Administer, NavigationGroup.Admin, 20)];

    public void MapEndpoints(RouteGroupBuilder api) => api.MapActivityTypes();
}
