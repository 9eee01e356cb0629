using Microsoft.AspNetCore.Http.HttpResults;
using Vouch.Auth;
using Vouch.Data;
using Vouch.Features.Requests;
using Vouch.Web;

namespace Vouch.Features.Calendar;

public static class CalendarEndpoints
{
    public static RouteGroupBuilder MapCalendar(this RouteGroupBuilder api)
    {
        // Anyone signed in may ask; the request decides: the seller who asked, the account owner, the advocate asked and
        // those who read every request see it, anyone else is told it is not there.
        api.MapGet("/requests/{id:guid}/invite.ics", Invite).RequireAuthorization(Policies.SignedIn).WithTags("Reference requests")
            .WithName("GetRequestInvite").WithSummary("The request's calendar invitation as it now stands (iCalendar, RFC 5545): an update after every new time, a cancellation once cancelled.")
            .Produces(StatusCodes.Status200OK, contentType: "text/calendar")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        return api;
    }

    private static async Task<Results<FileContentHttpResult, ValidationProblem, ProblemHttpResult>> Invite(
        Guid id, CurrentUser user, CallInvitations invitations, VouchDbContext db, CancellationToken ct) =>
        (await invitations.CurrentAsync(await RequestActor.WithContactAsync(user, db, ct), id, ct))
            .ToApi(invite => TypedResults.File(System.Text.Encoding.UTF8.GetBytes(invite.Calendar), invite.ContentType, InviteFile.FileName));
}
