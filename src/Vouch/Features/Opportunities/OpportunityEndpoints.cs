using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Vouch.Auth;
using Vouch.Features.Requests;
using Vouch.Web;

using Refusal = Vouch.Features.Ideas.Refusal;

namespace Vouch.Features.Opportunities;

public static class OpportunityEndpoints
{
    public static RouteGroupBuilder MapOpportunities(this RouteGroupBuilder api)
    {
        var opportunities = api.MapGroup("/opportunities").WithTags("Opportunities");

        opportunities.MapGet("/{id:guid}", Get).RequireAuthorization(Policies.ReadInventory)
            .WithName("GetOpportunity").WithSummary("One deal, with the version to send back when closing it. Sellers see their own deals.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        opportunities.MapPost("/{id:guid}/close", Close).RequireAuthorization(RequestsModule.RequestReferences)
            .WithName("CloseOpportunity").WithSummary("Close a deal won or lost with its amount and close day; a won deal's revenue is credited to the references that helped it.")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        return api;
    }

    private static async Task<Results<Ok<OpportunityResponse>, ProblemHttpResult>> Get(
        Guid id, ClaimsPrincipal principal, OpportunityClosing closing, CancellationToken ct) =>
        await closing.FindAsync(principal, id, ct) is { } opportunity ? TypedResults.Ok(opportunity) : Problems.NotFound("The opportunity");

    private static async Task<Results<Ok<OpportunityResponse>, ValidationProblem, ProblemHttpResult>> Close(
        Guid id, CloseOpportunityBody body, ClaimsPrincipal principal, OpportunityClosing closing, CancellationToken ct)
    {
        var refusal = await closing.CloseAsync(principal, id, body, ct);
        var closed = refusal is null ? await closing.FindAsync(principal, id, ct) : null;
        return Refusal.Answer(refusal, () => TypedResults.Ok(closed!));
    }
}
