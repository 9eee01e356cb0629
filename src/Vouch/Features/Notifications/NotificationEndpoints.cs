using Microsoft.AspNetCore.Http.HttpResults;
using Vouch.Auth;
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

    private static async Task<Results<Ok<Paged<NotificationResponse>>, ValidationProblem, ProblemHttpResult>> List(
        [AsParameters] PageQuery page, CurrentUser user, NotificationInbox inbox, CancellationToken ct) =>
        (await page.ListAsync(() => inbox.PageAsync(user.Id, page, ct))).ToApi(TypedResults.Ok);

    private static async Task<Ok<UnreadResponse>> Unread(CurrentUser user, NotificationInbox inbox, CancellationToken ct) =>
        TypedResults.Ok(new UnreadResponse(await inbox.UnreadCountAsync(user.Id, ct)));

    private static async Task<Results<Ok<UnreadResponse>, ValidationProblem, ProblemHttpResult>> MarkRead(
        Guid id, CurrentUser user, NotificationInbox inbox, CancellationToken ct) =>
        (await inbox.MarkReadAsync(user.Id, id, ct)).ToApi(unread => TypedResults.Ok(new UnreadResponse(unread)));

    private static async Task<Ok<UnreadResponse>> MarkAllRead(CurrentUser user, NotificationInbox inbox, CancellationToken ct)
    {
        await inbox.MarkAllReadAsync(user.Id, ct);
        return TypedResults.Ok(new UnreadResponse(await inbox.UnreadCountAsync(user.Id, ct)));
    }
}
