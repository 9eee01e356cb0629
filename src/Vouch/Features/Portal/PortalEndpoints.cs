using Microsoft.AspNetCore.Http.HttpResults;
using Vouch.Auth;
using Vouch.Features.Contacts;
using Vouch.Features.Referrals;
using Vouch.Features.Requests;
using Vouch.Web;

namespace Vouch.Features.Portal;

/// <summary>
/// The advocate's own records. Every route reads the contact the signed-in advocate is; an id of anyone else's
/// record is not found.
/// </summary>
public static class PortalEndpoints
{
    private static readonly Refusal s_noContact = Refusal.NotFound("Your customer profile");
    private static readonly Refusal s_noAsk = Refusal.NotFound("The ask");

    public static RouteGroupBuilder MapPortal(this RouteGroupBuilder api)
    {
        api.MapPost("/contacts/{id:guid}/portal-invitation", Invite).RequireAuthorization(Policies.ManageInventory).WithTags("Portal")
            .WithName("InviteToPortal")
            .WithSummary("Email the contact a single-use link to set the password of their portal login; links sent before stop working.")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);

        var portal = api.MapGroup("/portal").WithTags("Portal").RequireAuthorization(Policies.AdvocatePortal);
        portal.MapGet("/asks", Asks)
            .WithName("ListMyAsks").WithSummary("What the program asks of me: asks waiting for my answer, then those I agreed to.");
        portal.MapPost("/asks/{id:guid}/accept", Accept)
            .WithName("AcceptMyAsk").WithSummary("Say yes to an ask, with up to three times that suit me.")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        portal.MapPost("/asks/{id:guid}/decline", Decline)
            .WithName("DeclineMyAsk").WithSummary("Say no to an ask, with a reason if I like.")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        portal.MapGet("/preferences", Preferences)
            .WithName("GetMyPreferences").WithSummary("How often, when, how and for what I may be asked, and the changes I made.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        portal.MapPut("/preferences", SetPreferences)
            .WithName("SetMyPreferences").WithSummary("Change my preferences over the version I read; matching obeys them at once.")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        portal.MapGet("/referrals", Referrals)
            .WithName("ListMyReferrals").WithSummary("The peers I referred, newest first.");
        portal.MapPost("/referrals", Refer)
            .WithName("ReferAPeer").WithSummary("Refer a peer: the smallest body is a company and a person's name.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    private static async Task<Results<Ok<InvitationResponse>, ValidationProblem, ProblemHttpResult>> Invite(
        Guid id, PortalInvitations invitations, CancellationToken ct) =>
        (await invitations.InviteAsync(id, ct)).ToApi(TypedResults.Ok);

    private static async Task<Ok<IReadOnlyList<PortalAsk>>> Asks(PortalAdvocate advocate, PortalAsks asks, CancellationToken ct) =>
        TypedResults.Ok(await advocate.ContactIdAsync(ct) is { } contactId ? await asks.ListAsync(contactId, ct) : []);

    private static Task<Results<Ok<PortalAsk>, ValidationProblem, ProblemHttpResult>> Accept(
        Guid id, AcceptBody? body, PortalAdvocate advocate, CurrentUser user, RequestWorkflow workflow, PortalAsks asks, CancellationToken ct) =>
        AnswerAsync(id, advocate, user, asks, actor => workflow.AcceptAsync(actor, id, body, ct), ct);

    private static Task<Results<Ok<PortalAsk>, ValidationProblem, ProblemHttpResult>> Decline(
        Guid id, ReasonBody? body, PortalAdvocate advocate, CurrentUser user, RequestWorkflow workflow, PortalAsks asks, CancellationToken ct) =>
        AnswerAsync(id, advocate, user, asks, actor => workflow.DeclineAsync(actor, id, body ?? new ReasonBody(null), ct), ct);

    /// <summary>Answers as the advocate asked; the answer is the ask as it now stands.</summary>
    private static async Task<Results<Ok<PortalAsk>, ValidationProblem, ProblemHttpResult>> AnswerAsync(
        Guid id, PortalAdvocate advocate, CurrentUser user, PortalAsks asks, Func<RequestActor, Task<CommandResult>> answer, CancellationToken ct)
    {
        if (await advocate.ContactIdAsync(ct) is not { } contactId)
        {
            return ((CommandResult<PortalAsk>)s_noAsk).ToApi(TypedResults.Ok);
        }
        var answered = await answer(await RequestActor.OfAsync(user, contactId));
        return (await answered.ThenAsync(async () => (await asks.FindAsync(contactId, id, ct))!)).ToApi(TypedResults.Ok);
    }

    private static async Task<Results<Ok<PreferencesResponse>, ValidationProblem, ProblemHttpResult>> Preferences(
        PortalAdvocate advocate, ContactProfiles profiles, CancellationToken ct) =>
        (await advocate.ContactIdAsync(ct) is { } contactId ? (await profiles.PreferencesAsync(contactId, ct)).OrNotFound("Your customer profile") : s_noContact)
            .ToApi(TypedResults.Ok);

    private static async Task<Results<Ok<PreferencesResponse>, ValidationProblem, ProblemHttpResult>> SetPreferences(
        PreferencesInput body, PortalAdvocate advocate, ContactProfiles profiles, CancellationToken ct) =>
        (await advocate.ContactIdAsync(ct) is { } contactId ? await profiles.SetPreferencesAsync(contactId, body, ct) : s_noContact).ToApi(TypedResults.Ok);

    private static async Task<Ok<IReadOnlyList<ReferralResponse>>> Referrals(PortalAdvocate advocate, ReferralIntake referrals, CancellationToken ct) =>
        TypedResults.Ok(await advocate.ContactIdAsync(ct) is { } contactId ? await referrals.ListAsync(contactId, ct) : []);

    private static async Task<Results<Created<ReferralResponse>, ValidationProblem, ProblemHttpResult>> Refer(
        ReferralInput body, PortalAdvocate advocate, ReferralIntake referrals, CancellationToken ct) =>
        (await advocate.ContactIdAsync(ct) is { } contactId ? await referrals.ReferAsync(contactId, body, ct) : s_noContact)
            .ToApi(referral => TypedResults.Created($"/api/v1/portal/referrals/{referral.Id}", referral));
}
