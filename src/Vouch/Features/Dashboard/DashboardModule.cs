using Vouch.Auth;
using Vouch.Hosting;

namespace Vouch.Features.Dashboard;

/// <summary>The program at a glance, where employees land.</summary>
public sealed class DashboardModule : ICapabilityModule
{
    public IEnumerable<NavigationEntry> Navigation => [new("Dashboard", "/", Policies.ReadInventory, NavigationGroup.Program, 10)];
}
