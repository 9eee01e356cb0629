using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Vouch.Auth;
using Vouch.Data;
using Vouch.Features.Users;
using Vouch.Web;

namespace Vouch.Features.Notifications;

public sealed record NotificationResponse(Guid Id, DateTimeOffset At, string Text, string? Link);

public static class NotificationEndpoints
{
    public static RouteGroupBuilder MapNotifications(this RouteGroupBuilder api)
    {
        api.MapGet("/notifications", List)
            .WithTags("Notifications").WithName("ListNotifications").WithSummary("The caller's notifications, newest first.")
            .RequireAuthorization(Policies.SignedIn);
        return api;
    }

    private static async Task<Results<Ok<Paged<NotificationResponse>>, ValidationProblem>> List(
        [AsParameters] PageQuery page, ClaimsPrincipal principal, VouchDbContext db, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        page.Validate(errors);
        if (!errors.IsEmpty)
        {
            return errors.ToProblem();
        }
        return TypedResults.Ok(await PageAsync(db, principal.UserId(), page, ct));
    }

    /// <summary>A user's notifications, newest first: the API's list, the notifications page and the start pages read this.</summary>
    public static async Task<Paged<NotificationResponse>> PageAsync(VouchDbContext db, Guid userId, PageQuery page, CancellationToken ct)
    {
        var mine = db.Notifications.AsNoTracking().Where(n => n.UserId == userId);
        var total = await mine.CountAsync(ct);
        var items = await mine.OrderByDescending(n => n.At).ThenByDescending(n => n.Id)
            .Skip(page.Skip).Take(page.Size)
            .Select(n => new NotificationResponse(n.Id, n.At, n.Text, n.Link))
            .ToListAsync(ct);
        return new Paged<NotificationResponse>(items, total, page.PageNumber, page.Size);
    }
}
