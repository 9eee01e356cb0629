using Microsoft.AspNetCore.Http.HttpResults;
using Vouch.Auth;
using Vouch.Web;

namespace Vouch.Features.Reviews;

public static class ReviewEndpoints
{
    public static RouteGroupBuilder MapReviewCampaigns(this RouteGroupBuilder api)
    {
        var campaigns = api.MapGroup("/review-campaigns").WithTags("Review campaigns");

        campaigns.MapGet("/", List)
            .WithName("ListReviewCampaigns").WithSummary("Review campaigns, latest first, with their progress against the target.")
            .RequireAuthorization(Policies.ReadInventory);
        campaigns.MapPost("/", Create)
            .WithName("CreateReviewCampaign").WithSummary("Create a review campaign for a site; an incentive needs its disclosure.")
            .RequireAuthorization(Policies.ManageInventory);
        campaigns.MapGet("/{id:guid}", Get)
            .WithName("GetReviewCampaign").WithSummary("Get one review campaign with its progress.").ProducesProblem(StatusCodes.Status404NotFound)
            .RequireAuthorization(Policies.ReadInventory);
        campaigns.MapPut("/{id:guid}", Update)
            .WithName("UpdateReviewCampaign").WithSummary("Replace a review campaign's fields; send the version you read.")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .RequireAuthorization(Policies.ManageInventory);
        campaigns.MapGet("/{id:guid}/invitations", Invitations)
            .WithName("ListReviewInvitations").WithSummary("A campaign's invitees and where each one is, newest first.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .RequireAuthorization(Policies.ReadInventory);
        campaigns.MapPost("/{id:guid}/invitations", Invite)
            .WithName("InviteReviewers").WithSummary(
                "Invite advocates to review: each is an ask in their ledger. All or none: anyone the site's rules or their limits keep out is named in contactIds[i].")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .RequireAuthorization(Policies.ManageInventory);
        campaigns.MapGet("/{id:guid}/eligible", Eligible)
            .WithName("ListEligibleReviewers").WithSummary("Advocates who agreed to reviews and whom the campaign may invite today (top 20, or top).")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .RequireAuthorization(Policies.ReadInventory);
        campaigns.MapPost("/{id:guid}/invitations/{invitationId:guid}/remind", Remind)
            .WithName("RemindReviewer").WithSummary("Remind an invitee, once only.")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .RequireAuthorization(Policies.ManageInventory);
        campaigns.MapPost("/{id:guid}/invitations/{invitationId:guid}/review", Review)
            .WithName("RecordReview").WithSummary("Record the published review's link (an absolute http or https URL).")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .RequireAuthorization(Policies.ManageInventory);
        campaigns.MapPost("/{id:guid}/invitations/{invitationId:guid}/verify", Verify)
            .WithName("VerifyReview").WithSummary("Verify a recorded review: the ask is completed in the ledger.")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .RequireAuthorization(Policies.ManageInventory);
        campaigns.MapPost("/{id:guid}/invitations/{invitationId:guid}/withdraw", Withdraw)
            .WithName("WithdrawReviewInvitation").WithSummary("Withdraw an invitation not yet verified: the ask is released.")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .RequireAuthorization(Policies.ManageInventory);

        var relation = api.MapGroup("/contacts/{id:guid}/employee-relation").WithTags("Review campaigns");
        relation.MapPut("/", SetRelation)
            .WithName("SetEmployeeRelation").WithSummary("Record that a contact is family of an employee: no review campaign invites them.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .RequireAuthorization(Policies.ManageInventory);
        relation.MapDelete("/", ClearRelation)
            .WithName("ClearEmployeeRelation").WithSummary("Forget that a contact is family of an employee.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .RequireAuthorization(Policies.ManageInventory);
        return api;
    }

    private static async Task<Results<Ok<Paged<ReviewCampaignResponse>>, ValidationProblem, ProblemHttpResult>> List(
        [AsParameters] PageQuery page, ReviewQueries queries, CancellationToken ct) =>
        (await page.ListAsync(() => queries.ListAsync(page, ct))).ToApi(TypedResults.Ok);

    private static async Task<Results<Created<ReviewCampaignResponse>, ValidationProblem, ProblemHttpResult>> Create(
        ReviewCampaignInput input, ReviewCampaigns campaigns, CancellationToken ct) =>
        (await campaigns.CreateAsync(input, ct)).ToApi(c => TypedResults.Created($"/api/v1/review-campaigns/{c.Id}", c));

    private static async Task<Results<Ok<ReviewCampaignResponse>, ValidationProblem, ProblemHttpResult>> Get(Guid id, ReviewQueries queries, CancellationToken ct) =>
        (await queries.FindAsync(id, ct)).OrNotFound("The review campaign").ToApi(TypedResults.Ok);

    private static async Task<Results<Ok<ReviewCampaignResponse>, ValidationProblem, ProblemHttpResult>> Update(
        Guid id, ReviewCampaignInput input, ReviewCampaigns campaigns, CancellationToken ct) =>
        (await campaigns.UpdateAsync(id, input, ct)).ToApi(TypedResults.Ok);

    private static async Task<Results<Ok<IReadOnlyList<InvitationResponse>>, ValidationProblem, ProblemHttpResult>> Invitations(
        Guid id, ReviewQueries queries, CancellationToken ct) =>
        (await queries.InvitationsAsync(id, ct)).OrNotFound("The review campaign").ToApi(TypedResults.Ok);

    private static async Task<Results<Ok<InvitationResponse[]>, ValidationProblem, ProblemHttpResult>> Invite(
        Guid id, InviteInput input, ReviewCampaigns campaigns, CancellationToken ct) =>
        (await campaigns.InviteAsync(id, input, ct)).ToApi(TypedResults.Ok);

    private static async Task<Results<Ok<EligibleReviewer[]>, ValidationProblem, ProblemHttpResult>> Eligible(
        Guid id, int? top, ReviewQueries queries, CancellationToken ct) =>
        (await queries.EligibleAsync(id, top, ct)).ToApi(TypedResults.Ok);

    private static async Task<Results<Ok<InvitationResponse>, ValidationProblem, ProblemHttpResult>> Remind(
        Guid id, Guid invitationId, CurrentUser user, ReviewCampaigns campaigns, CancellationToken ct) =>
        (await campaigns.StepAsync(InvitationStep.Remind, id, invitationId, user.Email, ct)).ToApi(TypedResults.Ok);

    private static async Task<Results<Ok<InvitationResponse>, ValidationProblem, ProblemHttpResult>> Review(
        Guid id, Guid invitationId, ReviewInput input, ReviewCampaigns campaigns, CancellationToken ct) =>
        (await campaigns.RecordReviewAsync(id, invitationId, input, ct)).ToApi(TypedResults.Ok);

    private static async Task<Results<Ok<InvitationResponse>, ValidationProblem, ProblemHttpResult>> Verify(
        Guid id, Guid invitationId, CurrentUser user, ReviewCampaigns campaigns, CancellationToken ct) =>
        (await campaigns.StepAsync(InvitationStep.Verify, id, invitationId, user.Email, ct)).ToApi(TypedResults.Ok);

    private static async Task<Results<Ok<InvitationResponse>, ValidationProblem, ProblemHttpResult>> Withdraw(
        Guid id, Guid invitationId, CurrentUser user, ReviewCampaigns campaigns, CancellationToken ct) =>
        (await campaigns.StepAsync(InvitationStep.Withdraw, id, invitationId, user.Email, ct)).ToApi(TypedResults.Ok);

    private static async Task<Results<Ok<EmployeeRelationResponse>, ValidationProblem, ProblemHttpResult>> SetRelation(
        Guid id, EmployeeRelationInput input, ReviewCampaigns campaigns, CancellationToken ct) =>
        (await campaigns.SetEmployeeRelationAsync(id, input, ct)).ToApi(TypedResults.Ok);

    private static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> ClearRelation(
        Guid id, ReviewCampaigns campaigns, CancellationToken ct) =>
        (await campaigns.ClearEmployeeRelationAsync(id, ct)).ToApi(TypedResults.NoContent);
}
