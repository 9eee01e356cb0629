using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Vouch.Auth;
using Vouch.Features.Users;
using Vouch.Web;

namespace Vouch.Features.Notifications;

/// <summary>A notification; <see cref="ReadAt"/> is null while it is unread.</summary>
public sealed record NotificationResponse(Guid Id, DateTimeOffset At, string Text, string? Link, DateTimeOffset? ReadAt);

public sealed record UnreadResponse(int Unread);

public static class NotificationEndpoints
{
    public static RouteGroupBuilder MapNotifications(this RouteGroupBuilder api)
    {
        var notifications = api.MapGroup("/notifications").WithTags("Notifications").RequireAuthorization(Policies.SignedIn);
        notifications.MapGet("/", List)
            .WithName("ListNotifications").WithSummary("The caller's notifications, newest first.");
        notifications.MapGet("/unread", Unread)
            .WithName("CountUnreadNotifications").WithSummary("How many of the caller's notifications are unread.");
        notifications.MapPost("/{id:guid}/read", MarkRead)
            .WithName("MarkNotificationRead").WithSummary("Mark one of the caller's notifications read; marking it again changes nothing.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        notifications.MapPost("/read-all", MarkAllRead)
            .WithName("MarkAllNotificationsRead").WithSummary("Mark every unread notification of the caller read.");
        return api;
    }

    private static async Task<Results<Ok<Paged<NotificationResponse>>, ValidationProblem>> List(
        [AsParameters] PageQuery page, ClaimsPrincipal principal, NotificationInbox inbox, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        page.Validate(errors);
        if (!errors.IsEmpty)
        {
            return errors.ToProblem();
        }
        return TypedResults.Ok(await inbox.PageAsync(principal.UserId(), page, ct));
    }

    private static async Task<Ok<UnreadResponse>> Unread(ClaimsPrincipal principal, NotificationInbox inbox, CancellationToken ct) =>
        TypedResults.Ok(new UnreadResponse(await inbox.UnreadCountAsync(principal.UserId(), ct)));

    private static async Task<Results<Ok<UnreadResponse>, ProblemHttpResult>> MarkRead(
        Guid id, ClaimsPrincipal principal, NotificationInbox inbox, CancellationToken ct)
    {
        var userId = principal.UserId();
        return await inbox.MarkReadAsync(userId, id, ct)
            ? TypedResults.Ok(new UnreadResponse(await inbox.UnreadCountAsync(userId, ct)))
            : Problems.NotFound("The notification");
    }

    private static async Task<Ok<UnreadResponse>> MarkAllRead(ClaimsPrincipal principal, NotificationInbox inbox, CancellationToken ct)
    {
        var userId = principal.UserId();
        await inbox.MarkAllReadAsync(userId, ct);
        return TypedResults.Ok(new UnreadResponse(await inbox.UnreadCountAsync(userId, ct)));
    }
}
