using Microsoft.Extensions.Localization;
using Vouch.Auth;
using Vouch.Hosting;
using Vouch.Resources;

namespace Vouch.Features.Notifications;

/// <summary>What each user is told, with the unread count beside the navigation's link.</summary>
public sealed class NotificationsModule : ICapabilityModule
{
    public IEnumerable<NavigationEntry> Navigation =>
        [new("Notifications", "/notifications", Policies.SignedIn, NavigationGroup.Personal, 10, UnreadAsync)];

    public void AddServices(IServiceCollection services, IConfiguration configuration) => services.AddScoped<NotificationInbox>();

    public void MapEndpoints(RouteGroupBuilder api) => api.MapNotifications();

    private static async Task<string?> UnreadAsync(IServiceProvider services, CancellationToken ct)
    {
        var user = services.GetRequiredService<CurrentUser>();
        var unread = await services.GetRequiredService<NotificationInbox>().UnreadCountAsync(user.Id, ct);
        return unread > 0 ? services.GetRequiredService<IStringLocalizer<Strings>>()["{0} unread", unread].Value : null;
    }
}
