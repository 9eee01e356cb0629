using Microsoft.AspNetCore.Http.HttpResults;
using Vouch.Auth;
using Vouch.Web;

namespace Vouch.Features.Defences;

public static class DefenceEndpoints
{
    public static RouteGroupBuilder MapDefences(this RouteGroupBuilder api)
    {
        var defences = api.MapGroup("/defences").WithTags("Defences");

        defences.MapGet("/", List)
            .WithName("ListDefences").WithSummary("Public attacks and misrepresentations logged, latest first, with how many customers answered.")
            .RequireAuthorization(Policies.ReadInventory);
        defences.MapPost("/", Log)
            .WithName("LogDefence").WithSummary("Log a public attack or misrepresentation: where, link, day, topic, severity.")
            .RequireAuthorization(Policies.ManageInventory);
        defences.MapGet("/{id:guid}", Get)
            .WithName("GetDefence").WithSummary("Get one defence with the customers who answered it.").ProducesProblem(StatusCodes.Status404NotFound)
            .RequireAuthorization(Policies.ReadInventory);
        defences.MapPost("/{id:guid}/defenders", AddDefender)
            .WithName("AddDefender").WithSummary("Record a customer who answered: they are marked a defender, and it is a completed ask in their ledger.")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .RequireAuthorization(Policies.ManageInventory);
        return api;
    }

    private static async Task<Results<Ok<Paged<DefenceSummary>>, ValidationProblem, ProblemHttpResult>> List(
        [AsParameters] PageQuery page, DefenceLog log, CancellationToken ct) =>
        (await page.ListAsync(() => log.ListAsync(page, ct))).ToApi(TypedResults.Ok);

    private static async Task<Results<Created<DefenceDetails>, ValidationProblem, ProblemHttpResult>> Log(
        DefenceInput input, CurrentUser user, DefenceLog log, CancellationToken ct) =>
        (await log.LogAsync(input, user.Email, ct)).ToApi(d => TypedResults.Created($"/api/v1/defences/{d.Id}", d));

    private static async Task<Results<Ok<DefenceDetails>, ValidationProblem, ProblemHttpResult>> Get(Guid id, DefenceLog log, CancellationToken ct) =>
        (await log.FindAsync(id, ct)).OrNotFound("The defence").ToApi(TypedResults.Ok);

    private static async Task<Results<Created<DefenderResponse>, ValidationProblem, ProblemHttpResult>> AddDefender(
        Guid id, DefenderInput input, DefenceLog log, CancellationToken ct) =>
        (await log.AddDefenderAsync(id, input, ct)).ToApi(r => TypedResults.Created($"/api/v1/defences/{id}", r));
}
