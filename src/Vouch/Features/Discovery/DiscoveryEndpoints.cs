using Microsoft.AspNetCore.Http.HttpResults;
using Vouch.Auth;
using Vouch.Web;

namespace Vouch.Features.Discovery;

public static class DiscoveryEndpoints
{
    public static RouteGroupBuilder MapDiscovery(this RouteGroupBuilder api)
    {
        api.MapGet("/candidates", Candidates).WithTags("Discovery")
            .WithName("ListCandidates")
            .WithSummary("Future advocates a page at a time: the top candidates by score, promoters never asked, or advocates who went quiet.")
            .RequireAuthorization(Policies.ReadInventory);

        var nominations = api.MapGroup("/nominations").WithTags("Discovery");
        nominations.MapGet("/", List)
            .WithName("ListNominations").WithSummary("Nominations of future advocates, newest first; won deals propose theirs as the list is read.")
            .RequireAuthorization(Policies.ReadInventory);
        nominations.MapPost("/", Nominate)
            .WithName("Nominate").WithSummary("Nominate a customer as a future advocate, with a reason.")
            .ProducesProblem(StatusCodes.Status409Conflict)
            .RequireAuthorization(Policies.ReadInventory);
        nominations.MapPost("/{id:guid}/accept", Accept)
            .WithName("AcceptNomination").WithSummary("Accept a nomination: the contact is being recruited; send the version you read.")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .RequireAuthorization(Policies.ManageInventory);
        nominations.MapPost("/{id:guid}/decline", Decline)
            .WithName("DeclineNomination").WithSummary("Decline a nomination with a note; send the version you read.")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .RequireAuthorization(Policies.ManageInventory);
        return api;
    }

    private static async Task<Results<Ok<Paged<CandidateResponse>>, ValidationProblem, ProblemHttpResult>> Candidates(
        [AsParameters] PageQuery page, [AsParameters] CandidateFilter filter, CandidateLists lists, CancellationToken ct) =>
        (await lists.ListAsync(page, filter, ct)).ToApi(TypedResults.Ok);

    private static async Task<Results<Ok<Paged<NominationResponse>>, ValidationProblem, ProblemHttpResult>> List(
        [AsParameters] PageQuery page, [AsParameters] NominationFilter filter, Nominations nominations, CancellationToken ct) =>
        (await nominations.ListAsync(page, filter, ct)).ToApi(TypedResults.Ok);

    private static async Task<Results<Created<NominationResponse>, ValidationProblem, ProblemHttpResult>> Nominate(
        NominationInput input, Nominations nominations, CancellationToken ct) =>
        (await nominations.NominateAsync(input, ct)).ToApi(n => TypedResults.Created($"/api/v1/nominations?state=Proposed", n));

    private static async Task<Results<Ok<NominationResponse>, ValidationProblem, ProblemHttpResult>> Accept(
        Guid id, NominationDecision decision, Nominations nominations, CancellationToken ct) =>
        (await nominations.AcceptAsync(id, decision, ct)).ToApi(TypedResults.Ok);

    private static async Task<Results<Ok<NominationResponse>, ValidationProblem, ProblemHttpResult>> Decline(
        Guid id, NominationDecision decision, Nominations nominations, CancellationToken ct) =>
        (await nominations.DeclineAsync(id, decision, ct)).ToApi(TypedResults.Ok);
}
