using Microsoft.AspNetCore.Http.HttpResults;
using Vouch.Auth;
using Vouch.Web;

namespace Vouch.Features.DirectMessages;

public static class DirectMessageEndpoints
{
    /// <summary>The caller's own link at <c>/integrations/direct-messages/me</c>; how it goes for everyone, admins only.</summary>
    public static RouteGroupBuilder MapDirectMessages(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/integrations/direct-messages").WithTags("Direct messages");
        group.MapGet("/", async (DirectMessageLinks links, CancellationToken ct) => TypedResults.Ok(await links.StatusAsync(ct)))
            .RequireAuthorization(Policies.Administer)
            .WithName("GetDirectMessageStatus").WithSummary("Whether Slack accepts the bot token, how many users are linked, the last week's messages sent and failed, the last errors.");

        var me = group.MapGroup("/me").RequireAuthorization(Policies.SignedIn);
        me.MapGet("/", async (CurrentUser user, DirectMessageLinks links, CancellationToken ct) => TypedResults.Ok(await links.GetAsync(user.Id, ct)))
            .WithName("GetMyDirectMessages").WithSummary("The caller's linked Slack member and Teams workflow host, and their latest direct messages.");
        me.MapPut("/", async Task<Results<Ok<DirectMessageLinkResponse>, ValidationProblem, ProblemHttpResult>> (
                DirectMessageLinkBody body, CurrentUser user, DirectMessageLinks links, CancellationToken ct) =>
                (await links.UpdateAsync(user.Id, body, ct)).ToApi(TypedResults.Ok))
            .WithName("LinkMyDirectMessages")
            .WithSummary("Link the caller's Slack member id (or find it by their email) or Teams workflow address; a field left out is kept, an empty one unlinked.");
        me.MapDelete("/", async (CurrentUser user, DirectMessageLinks links, CancellationToken ct) =>
            {
                await links.UnlinkAsync(user.Id, ct);
                return TypedResults.NoContent();
            })
            .WithName("UnlinkMyDirectMessages").WithSummary("Unlink the caller's Slack and Teams; no more direct messages are queued.");
        me.MapPost("/test", async Task<Results<Accepted<IReadOnlyList<DirectMessageResponse>>, ValidationProblem, ProblemHttpResult>> (
                CurrentUser user, DirectMessageLinks links, CancellationToken ct) =>
                (await links.TestAsync(user.Id, ct)).ToApi(queued => TypedResults.Accepted("/api/v1/integrations/direct-messages/me", queued)))
            .WithName("TestMyDirectMessages").WithSummary("Send the caller a test message wherever they are linked, now.");
        return api;
    }
}
