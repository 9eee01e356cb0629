using Microsoft.AspNetCore.Http.HttpResults;
using Vouch.Auth;
using Vouch.Features.Requests;
using Vouch.Web;

namespace Vouch.Features.ProgramPolicies;

public static class PolicyEndpoints
{
    public static RouteGroupBuilder MapPolicies(this RouteGroupBuilder api)
    {
        var policies = api.MapGroup("/policies").WithTags("Policies");
        policies.MapGet("/", Get).RequireAuthorization(Policies.ReadReports)
            .WithName("GetPolicies")
            .WithSummary("The program's policies: per activity type the minimum deal stage and size a request needs, the sales cycle's stages, and the content-use rules.");
        policies.MapPut("/", Update).RequireAuthorization(Policies.ManageInventory)
            .WithName("UpdatePolicies")
            .WithSummary("Replace the program's policies; send the version you read. A policy that contradicts itself is refused, naming the field.")
            .ProducesProblem(StatusCodes.Status409Conflict);
        policies.MapGet("/exceptions", Counts).RequireAuthorization(Policies.ReadReports)
            .WithName("CountPolicyExceptions").WithSummary("Exceptions to the policies asked for, waiting, approved and declined, in all and per rule.");

        var requests = api.MapGroup("/requests").WithTags("Policies");
        requests.MapGet("/{id:guid}/policy-exception", Find).RequireAuthorization(Policies.ReadInventory)
            .WithName("GetPolicyException").WithSummary("The exception a request outside policy needs: the rules it breaks and the decision, if any.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        requests.MapPost("/{id:guid}/policy-exception", Decide).RequireAuthorization(Policies.ManageInventory)
            .WithName("DecidePolicyException")
            .WithSummary("Approve (the request goes on) or decline (the request ends) the exception a request outside policy needs; a reason is required.")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        return api;
    }

    private static async Task<Ok<PolicyResponse>> Get(PolicyRegister policies, CancellationToken ct) => TypedResults.Ok(await policies.GetAsync(ct));

    private static async Task<Results<Ok<PolicyResponse>, ValidationProblem, ProblemHttpResult>> Update(
        PolicyInput input, PolicyRegister policies, CancellationToken ct) =>
        (await policies.UpdateAsync(input, ct)).ToApi(TypedResults.Ok);

    private static async Task<Ok<ExceptionCounts>> Counts(PolicyExceptions exceptions, CancellationToken ct) => TypedResults.Ok(await exceptions.CountsAsync(ct));

    private static async Task<Results<Ok<PolicyExceptionResponse>, ValidationProblem, ProblemHttpResult>> Find(
        Guid id, PolicyExceptions exceptions, CurrentUser user, CancellationToken ct) =>
        (await exceptions.FindAsync(await RequestActor.OfAsync(user), id, ct)).OrNotFound("The request's policy exception").ToApi(TypedResults.Ok);

    private static async Task<Results<Ok<PolicyExceptionResponse>, ValidationProblem, ProblemHttpResult>> Decide(
        Guid id, ExceptionDecisionBody body, PolicyExceptions exceptions, CurrentUser user, CancellationToken ct) =>
        (await exceptions.DecideAsync(await RequestActor.OfAsync(user), id, body, ct)).ToApi(TypedResults.Ok);
}
