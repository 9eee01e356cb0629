using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Vouch.Auth;
using Vouch.Data;
using Vouch.Features.Users;
using Vouch.Web;

namespace Vouch.Features.Notifications;

/// <summary>Everything Vouch told the user, newest first, each linking to what it is about.</summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class IndexModel(VouchDbContext db) : PageModel
{
    public Paged<NotificationResponse> Notifications { get; private set; } = null!;

    public async Task OnGetAsync(int? page, CancellationToken ct) =>
        Notifications = await NotificationEndpoints.PageAsync(db, User.UserId(), new PageQuery { Page = Math.Max(page ?? 1, 1) }, ct);
}
