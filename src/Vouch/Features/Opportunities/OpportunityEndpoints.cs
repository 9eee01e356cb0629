using Microsoft.AspNetCore.Http.HttpResults;
using Vouch.Auth;
using Vouch.Data;
using Vouch.Features.Requests;
using Vouch.Web;

namespace Vouch.Features.Opportunities;

public static class OpportunityEndpoints
{
    public static RouteGroupBuilder MapOpportunities(this RouteGroupBuilder api)
    {
        var opportunities = api.MapGroup("/opportunities").WithTags("Opportunities");

        opportunities.MapGet("/", List).RequireAuthorization(Policies.ReadInventory)
            .WithName("ListOpportunities").WithSummary("Search deals by name or account, a page at a time, with the total; open=true/false, won=true/false. Sellers see their own deals.");
        opportunities.MapPost("/", Create).RequireAuthorization(RequestsModule.RequestReferences)
            .WithName("CreateOpportunity").WithSummary("Add an open deal at an account; the seller creating it owns it, reference managers may name another owner.");
        opportunities.MapGet("/{id:guid}", Get).RequireAuthorization(Policies.ReadInventory)
            .WithName("GetOpportunity").WithSummary("One deal, with the version to send back when closing it. Sellers see their own deals.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        opportunities.MapPost("/{id:guid}/close", Close).RequireAuthorization(RequestsModule.RequestReferences)
            .WithName("CloseOpportunity").WithSummary("Close a deal won or lost with its amount and close day; a won deal's revenue is credited to the references that helped it.")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        return api;
    }

    private static async Task<Results<Ok<Paged<OpportunitySummary>>, ValidationProblem, ProblemHttpResult>> List(
        [AsParameters] PageQuery page, [AsParameters] OpportunityFilter filter, CurrentUser user, VouchDbContext db, CancellationToken ct)
    {
        var access = await OpportunityAccess.OfAsync(user);
        return (await page.ListAsync(() => db.SearchOpportunitiesAsync(access, page, filter, ct), filter.Validate)).ToApi(TypedResults.Ok);
    }

    private static async Task<Results<Created<OpportunityResponse>, ValidationProblem, ProblemHttpResult>> Create(
        OpportunityInput body, CurrentUser user, OpportunityWrites writes, CancellationToken ct) =>
        (await writes.CreateAsync(await OpportunityAccess.OfAsync(user), body, ct))
            .ToApi(deal => TypedResults.Created($"/api/v1/opportunities/{deal.Id}", deal));

    private static async Task<Results<Ok<OpportunityResponse>, ValidationProblem, ProblemHttpResult>> Get(
        Guid id, CurrentUser user, OpportunityClosing closing, CancellationToken ct) =>
        (await closing.FindAsync(await OpportunityAccess.OfAsync(user), id, ct)).OrNotFound("The opportunity").ToApi(TypedResults.Ok);

    private static async Task<Results<Ok<OpportunityResponse>, ValidationProblem, ProblemHttpResult>> Close(
        Guid id, CloseOpportunityBody body, CurrentUser user, OpportunityClosing closing, CancellationToken ct)
    {
        var access = await OpportunityAccess.OfAsync(user);
        return (await (await closing.CloseAsync(access, id, body, ct)).ThenAsync(() => closing.GetAsync(access, id, ct))).ToApi(TypedResults.Ok);
    }
}
