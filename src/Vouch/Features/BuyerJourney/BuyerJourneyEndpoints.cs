using Microsoft.AspNetCore.Http.HttpResults;
using Vouch.Auth;
using Vouch.Features.Requests;
using Vouch.Web;

namespace Vouch.Features.BuyerJourney;

public static class BuyerJourneyEndpoints
{
    public static RouteGroupBuilder MapBuyerJourney(this RouteGroupBuilder api)
    {
        api.MapPost("/opportunities/{id:guid}/buyer-journey", Answer).RequireAuthorization(RequestsModule.RequestReferences).WithTags("Buyer journey")
            .WithName("AnswerBuyerJourney").WithSummary("Record what influenced the buyer of a closed deal (influences, the one that mattered most, the stage): once per deal, by its seller or the reference team.")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        api.MapGet("/opportunities/{id:guid}/buyer-journey", Get).RequireAuthorization(Policies.ReadInventory).WithTags("Buyer journey")
            .WithName("GetBuyerJourney").WithSummary("What influenced the buyer of a deal, once answered.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/reports/buyer-journey", Report).RequireAuthorization(Policies.ReadReports).WithTags("Buyer journey")
            .WithName("BuyerJourneyReport").WithSummary("For each influence, the share of the answered won revenue for which it mattered most.");
        return api;
    }

    private static async Task<Results<Created<BuyerJourneyResponse>, ValidationProblem, ProblemHttpResult>> Answer(
        Guid id, BuyerJourneyBody body, BuyerJourneys journeys, CancellationToken ct) =>
        (await journeys.AnswerAsync(id, body, ct)).ToApi(a => TypedResults.Created($"/api/v1/opportunities/{id}/buyer-journey", a));

    private static async Task<Results<Ok<BuyerJourneyResponse>, ValidationProblem, ProblemHttpResult>> Get(Guid id, BuyerJourneys journeys, CancellationToken ct) =>
        (await journeys.FindAsync(id, ct)).OrNotFound("The buyer-journey answer").ToApi(TypedResults.Ok);

    private static async Task<Ok<BuyerJourneyReport>> Report(BuyerJourneys journeys, CancellationToken ct) => TypedResults.Ok(await journeys.ReportAsync(ct));
}
